import type { Catalogs } from "./catalog-types.js";

/** Messages of support sessions: what went wrong and what to do about it (issue 5, "Errors people will meet"). */
export const sessions = {
  en: {
    "sessions.error.licenceLimit":
      "Your TeamViewer licence allows no more open sessions right now. Close a session you no longer need, or ask your TeamViewer administrator for a larger licence.",
    "sessions.error.permissionMissing":
      "TeamViewer did not allow this: the TeamViewer app or your TeamViewer account lacks the “session management” permission. Ask an admin to grant it, then connect TeamViewer again.",
    "sessions.error.needsReconnect":
      "TeamViewer no longer accepts your connection. Connect TeamViewer again on the TeamViewer connection page, then retry.",
    "sessions.error.notConnected":
      "You have not connected your TeamViewer account yet. Connect TeamViewer on the TeamViewer connection page, then retry.",
    "sessions.error.notConfigured":
      "TeamViewer is not set up for your organisation yet. Ask an admin to register the TeamViewer app under Settings.",
    "sessions.error.rateLimited":
      "TeamViewer is receiving too many requests. Wait {seconds} seconds, then try again.",
    "sessions.error.unreachable":
      "TeamViewer could not be reached, and nothing was created. Try again in a minute; if it keeps failing, check TeamViewer's status page.",
    "sessions.error.outcomeUnknown":
      "TeamViewer failed while opening the session and could not say whether it was opened. Press Create session again: if TeamViewer did open it, Attendant picks that one up and never opens a second.",
    "sessions.error.rejected":
      "TeamViewer refused the request: {detail}. Check the group and the other fields, then try again.",
    "sessions.error.sessionNotFound": "This support session does not exist or is not visible to you.",
    "sessions.error.ticketNotFound": "No ticket with this id is known.",
    "sessions.error.forbidden": "Your role does not allow this. Ask the assigned supporter or an admin.",
    "sessions.error.sessionClosed":
      "This support session is closed and can no longer be changed. Create a new one instead.",
    "sessions.error.supporterRequired":
      "An organisation-wide API key acts for nobody: name the supporter who takes the session in supporterUserId.",
    "sessions.error.assigneeUnavailable":
      "This colleague cannot take the session: they must be a supporter of your organisation with a connected TeamViewer account.",
    "sessions.error.changedConcurrently":
      "Someone else changed this session at the same moment. Reload it and try again.",
  },
  de: {
    "sessions.error.licenceLimit":
      "Ihre TeamViewer-Lizenz erlaubt derzeit keine weiteren offenen Sitzungen. Schließen Sie eine nicht mehr benötigte Sitzung oder bitten Sie Ihre TeamViewer-Verwaltung um eine größere Lizenz.",
    "sessions.error.permissionMissing":
      "TeamViewer hat dies nicht erlaubt: Der TeamViewer-App oder Ihrem TeamViewer-Konto fehlt die Berechtigung „Sitzungsverwaltung“. Bitten Sie einen Admin, sie zu erteilen, und verbinden Sie TeamViewer danach erneut.",
    "sessions.error.needsReconnect":
      "TeamViewer akzeptiert Ihre Verbindung nicht mehr. Verbinden Sie TeamViewer auf der Seite „TeamViewer-Verbindung“ erneut und versuchen Sie es dann noch einmal.",
    "sessions.error.notConnected":
      "Sie haben Ihr TeamViewer-Konto noch nicht verbunden. Verbinden Sie TeamViewer auf der Seite „TeamViewer-Verbindung“ und versuchen Sie es dann erneut.",
    "sessions.error.notConfigured":
      "TeamViewer ist für Ihre Organisation noch nicht eingerichtet. Bitten Sie einen Admin, die TeamViewer-App unter Einstellungen zu registrieren.",
    "sessions.error.rateLimited":
      "TeamViewer erhält zu viele Anfragen. Warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.",
    "sessions.error.unreachable":
      "TeamViewer war nicht erreichbar; es wurde nichts angelegt. Versuchen Sie es in einer Minute erneut; falls es weiter fehlschlägt, prüfen Sie die Statusseite von TeamViewer.",
    "sessions.error.outcomeUnknown":
      "TeamViewer ist beim Anlegen der Sitzung gescheitert und konnte nicht sagen, ob sie angelegt wurde. Klicken Sie erneut auf „Sitzung anlegen“: Hat TeamViewer sie angelegt, übernimmt Attendant genau diese und legt nie eine zweite an.",
    "sessions.error.rejected":
      "TeamViewer hat die Anfrage abgelehnt: {detail}. Prüfen Sie die Gruppe und die übrigen Felder und versuchen Sie es erneut.",
    "sessions.error.sessionNotFound":
      "Diese Support-Sitzung existiert nicht oder ist für Sie nicht sichtbar.",
    "sessions.error.ticketNotFound": "Ein Ticket mit dieser Kennung ist nicht bekannt.",
    "sessions.error.forbidden":
      "Ihre Rolle erlaubt dies nicht. Wenden Sie sich an den zugewiesenen Supporter oder einen Admin.",
    "sessions.error.sessionClosed":
      "Diese Support-Sitzung ist geschlossen und kann nicht mehr geändert werden. Legen Sie stattdessen eine neue an.",
    "sessions.error.supporterRequired":
      "Ein organisationsweiter API-Schlüssel handelt für niemanden: Nennen Sie in supporterUserId den Supporter, der die Sitzung übernimmt.",
    "sessions.error.assigneeUnavailable":
      "Diese Kollegin oder dieser Kollege kann die Sitzung nicht übernehmen: Nötig sind die Rolle Supporter in Ihrer Organisation und ein verbundenes TeamViewer-Konto.",
    "sessions.error.changedConcurrently":
      "Jemand anderes hat diese Sitzung gleichzeitig geändert. Laden Sie sie neu und versuchen Sie es erneut.",
  },
  ja: {
    "sessions.error.licenceLimit":
      "TeamViewer のライセンスでは、現在これ以上セッションを開けません。不要なセッションを閉じるか、TeamViewer の管理者に上位のライセンスを依頼してください。",
    "sessions.error.permissionMissing":
      "TeamViewer により拒否されました。TeamViewer アプリまたはお使いの TeamViewer アカウントに「セッション管理」の権限がありません。管理者に権限の付与を依頼し、その後 TeamViewer に再接続してください。",
    "sessions.error.needsReconnect":
      "TeamViewer との接続が無効になりました。「TeamViewer 接続」ページで TeamViewer に再接続してから、もう一度お試しください。",
    "sessions.error.notConnected":
      "TeamViewer アカウントがまだ接続されていません。「TeamViewer 接続」ページで TeamViewer を接続してから、もう一度お試しください。",
    "sessions.error.notConfigured":
      "この組織では TeamViewer がまだ設定されていません。管理者に、設定画面で TeamViewer アプリを登録するよう依頼してください。",
    "sessions.error.rateLimited":
      "TeamViewer へのリクエストが多すぎます。{seconds} 秒待ってから、もう一度お試しください。",
    "sessions.error.unreachable":
      "TeamViewer に接続できなかったため、何も作成されていません。1 分後にもう一度お試しください。解決しない場合は TeamViewer のステータスページを確認してください。",
    "sessions.error.outcomeUnknown":
      "セッションの作成中に TeamViewer でエラーが発生し、作成されたかどうかを確認できませんでした。もう一度「セッションを作成」を押してください。TeamViewer が作成していた場合、Attendant はそのセッションを引き継ぎ、2 つ目を作成することはありません。",
    "sessions.error.rejected":
      "TeamViewer がリクエストを拒否しました: {detail}。グループやその他の項目を確認して、もう一度お試しください。",
    "sessions.error.sessionNotFound": "このサポートセッションは存在しないか、表示する権限がありません。",
    "sessions.error.ticketNotFound": "この ID のチケットは見つかりません。",
    "sessions.error.forbidden":
      "お使いのロールではこの操作はできません。担当のサポート担当者または管理者に依頼してください。",
    "sessions.error.sessionClosed":
      "このサポートセッションは終了しているため、変更できません。新しいセッションを作成してください。",
    "sessions.error.supporterRequired":
      "組織全体の API キーは特定のユーザーとして動作しません。supporterUserId でセッションを担当するサポート担当者を指定してください。",
    "sessions.error.assigneeUnavailable":
      "この同僚にはセッションを引き継げません。組織のサポート担当者であり、TeamViewer アカウントが接続されている必要があります。",
    "sessions.error.changedConcurrently":
      "他のユーザーが同時にこのセッションを変更しました。再読み込みしてから、もう一度お試しください。",
  },
} as const satisfies Catalogs;
