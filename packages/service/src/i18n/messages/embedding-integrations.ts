import type { Catalogs } from "./catalog-types.js";

/**
 * The ticket widget's trust layer (issue 23): the pages a helpdesk shows in its sidebar when it
 * could not open the widget, and the line the widget shows when its session has ended. Each
 * refusal says who can fix it: the agent (reload), or the admin (what to change where).
 */
export const embeddingIntegrations = {
  en: {
    "embed.brand": "Attendant",
    "nav.embedding": "Embedding",
    "embed.admin.title": "Ticket widget in your helpdesk",
    "embed.admin.intro":
      "Register each helpdesk that shows Attendant's ticket widget in its sidebar. The helpdesk signs a short-lived assertion with the integration's secret for every ticket page; only the origins listed here may frame the widget.",
    "embed.admin.empty": "No helpdesk registered yet.",
    "embed.admin.add": "Register a helpdesk",
    "embed.admin.register": "Register",
    "embed.admin.field.name": "Name",
    "embed.admin.field.origins": "Allowed origins",
    "embed.admin.field.originsHint":
      "One per line, exactly as the helpdesk's address bar shows it without a path, e.g. https://rt.example.com. Plain http only for localhost.",
    "embed.admin.column.id": "Integration id",
    "embed.admin.column.status": "Status",
    "embed.admin.column.created": "Registered",
    "embed.admin.enabled": "Enabled",
    "embed.admin.disabled": "Disabled: the widget refuses to open",
    "embed.admin.secret": "Signing secret",
    "embed.admin.secretOnce":
      "Copy the secret now and put it into the helpdesk: it is shown only this once. Attendant keeps it encrypted and cannot show it again.",
    "embed.admin.secretHint":
      "The helpdesk signs with HMAC-SHA256 (HS256); the key is this text exactly as shown, as UTF-8 bytes. docs/embedding.md shows how.",
    "embed.admin.open": "Open the integration",
    "embed.admin.back": "All integrations",
    "embed.admin.settings": "Settings",
    "embed.admin.save": "Save",
    "embed.admin.saved": "Saved.",
    "embed.admin.actions": "Status and secret",
    "embed.admin.enable": "Enable",
    "embed.admin.disable": "Disable",
    "embed.admin.rotate": "Rotate secret",
    "embed.admin.rotateHint":
      "The old secret stops working at once: put the new one into the helpdesk right away.",
    "embed.admin.delete": "Delete",
    "embed.admin.deleteHint": "Every widget this helpdesk opened closes at once.",
    "embed.admin.deleted": "The integration was deleted.",
    "embed.admin.error.originsMissing": "List at least one origin.",
    "embed.admin.error.tooManyOrigins": "List at most 20 origins.",
    "embed.admin.error.originNotUrl": "{origin} is not an origin such as https://rt.example.com.",
    "embed.admin.error.originNotHttps": "{origin} must use https (plain http only for localhost).",
    "embed.admin.error.originHasPath": "{origin} must be an origin only, without a path or trailing slash.",
    "embed.admin.error.originHasCredentials": "{origin} must not contain a user name or password.",
    "embed.sessionEnded":
      "This panel has been idle too long or was closed. Reload the ticket page to open it again.",
    "embed.refused.missing-assertion.title": "The helpdesk sent no sign-in",
    "embed.refused.missing-assertion.text":
      "The address of this panel carries no assertion. Ask your administrator to check the helpdesk's Attendant integration: it must open /embed/ticket?assertion=… with a freshly signed assertion.",
    "embed.refused.garbled-assertion.title": "The helpdesk's sign-in could not be read",
    "embed.refused.garbled-assertion.text":
      "The assertion is not a signed token naming an integration. Ask your administrator to compare the helpdesk's signing code with the format in docs/embedding.md.",
    "embed.refused.invalid-claims.title": "The helpdesk's sign-in is incomplete",
    "embed.refused.invalid-claims.text":
      "The assertion is signed correctly but a field is missing, too long or wrong, or it is valid for more than 5 minutes. Ask your administrator to compare the helpdesk's signing code with docs/embedding.md.",
    "embed.refused.unknown-integration.title": "This helpdesk is not registered",
    "embed.refused.unknown-integration.text":
      "No embedding integration with this id exists in Attendant (it may have been deleted). An administrator can register it under Settings → Embedding and put the new id and secret into the helpdesk.",
    "embed.refused.integration-disabled.title": "The widget is switched off for this helpdesk",
    "embed.refused.integration-disabled.text":
      "An administrator disabled this embedding integration. They can enable it again under Settings → Embedding.",
    "embed.refused.organisation-disabled.title": "This organisation is disabled in Attendant",
    "embed.refused.organisation-disabled.text":
      "The operator of this Attendant installation disabled the organisation this helpdesk belongs to, so nobody in it can use the widget. Ask the operator to enable it again.",
    "embed.refused.bad-signature.title": "The helpdesk's signature does not match",
    "embed.refused.bad-signature.text":
      "The assertion was not signed with this integration's current secret using HS256. If the secret was rotated, an administrator must put the new one into the helpdesk.",
    "embed.refused.expired.title": "The helpdesk's sign-in has expired",
    "embed.refused.expired.text":
      "Reload the ticket page to get a fresh one. If this keeps happening, the helpdesk server's clock may be wrong.",
    "embed.refused.not-yet-valid.title": "The helpdesk's sign-in is from the future",
    "embed.refused.not-yet-valid.text":
      "The assertion was issued more than 30 seconds ahead of Attendant's clock. Ask your administrator to check the time on the helpdesk server.",
    "embed.refused.replayed.title": "This sign-in was already used",
    "embed.refused.replayed.text":
      "Each assertion opens the widget once. Reload the ticket page: the helpdesk signs a new one every time.",
    "embed.refused.unknown-agent.title": "You have no Attendant account",
    "embed.refused.unknown-agent.text":
      "Your helpdesk e-mail address is not an active Attendant user of this organisation. Ask an Attendant administrator to add you with the same address, or to enable your account.",
  },
  de: {
    "embed.brand": "Attendant",
    "nav.embedding": "Einbettung",
    "embed.admin.title": "Ticket-Widget in Ihrem Helpdesk",
    "embed.admin.intro":
      "Registrieren Sie jedes Helpdesk, das das Ticket-Widget von Attendant in seiner Seitenleiste zeigt. Das Helpdesk signiert für jede Ticketseite eine kurzlebige Assertion mit dem Geheimnis der Einbettung; nur die hier genannten Origins dürfen das Widget einbetten.",
    "embed.admin.empty": "Noch kein Helpdesk registriert.",
    "embed.admin.add": "Helpdesk registrieren",
    "embed.admin.register": "Registrieren",
    "embed.admin.field.name": "Name",
    "embed.admin.field.origins": "Erlaubte Origins",
    "embed.admin.field.originsHint":
      "Eine pro Zeile, genau wie die Adresszeile des Helpdesks sie ohne Pfad zeigt, z. B. https://rt.example.com. Unverschlüsseltes http nur für localhost.",
    "embed.admin.column.id": "ID der Einbettung",
    "embed.admin.column.status": "Status",
    "embed.admin.column.created": "Registriert",
    "embed.admin.enabled": "Aktiv",
    "embed.admin.disabled": "Deaktiviert: Das Widget öffnet sich nicht",
    "embed.admin.secret": "Signier-Geheimnis",
    "embed.admin.secretOnce":
      "Kopieren Sie das Geheimnis jetzt und tragen Sie es im Helpdesk ein: Es wird nur dieses eine Mal angezeigt. Attendant speichert es verschlüsselt und kann es nicht erneut zeigen.",
    "embed.admin.secretHint":
      "Das Helpdesk signiert mit HMAC-SHA256 (HS256); der Schlüssel ist dieser Text genau wie angezeigt, als UTF-8-Bytes. docs/embedding.md zeigt, wie.",
    "embed.admin.open": "Einbettung öffnen",
    "embed.admin.back": "Alle Einbettungen",
    "embed.admin.settings": "Einstellungen",
    "embed.admin.save": "Speichern",
    "embed.admin.saved": "Gespeichert.",
    "embed.admin.actions": "Status und Geheimnis",
    "embed.admin.enable": "Aktivieren",
    "embed.admin.disable": "Deaktivieren",
    "embed.admin.rotate": "Geheimnis erneuern",
    "embed.admin.rotateHint":
      "Das alte Geheimnis gilt sofort nicht mehr: Tragen Sie das neue gleich im Helpdesk ein.",
    "embed.admin.delete": "Löschen",
    "embed.admin.deleteHint": "Jedes Widget, das dieses Helpdesk geöffnet hat, schließt sich sofort.",
    "embed.admin.deleted": "Die Einbettung wurde gelöscht.",
    "embed.admin.error.originsMissing": "Nennen Sie mindestens einen Origin.",
    "embed.admin.error.tooManyOrigins": "Nennen Sie höchstens 20 Origins.",
    "embed.admin.error.originNotUrl": "{origin} ist kein Origin wie https://rt.example.com.",
    "embed.admin.error.originNotHttps": "{origin} muss https verwenden (http nur für localhost).",
    "embed.admin.error.originHasPath":
      "{origin} darf nur ein Origin sein, ohne Pfad und ohne abschließenden Schrägstrich.",
    "embed.admin.error.originHasCredentials":
      "{origin} darf keinen Benutzernamen und kein Passwort enthalten.",
    "embed.sessionEnded":
      "Dieses Panel war zu lange unbenutzt oder wurde geschlossen. Laden Sie die Ticketseite neu, um es wieder zu öffnen.",
    "embed.refused.missing-assertion.title": "Das Helpdesk hat keine Anmeldung gesendet",
    "embed.refused.missing-assertion.text":
      "Die Adresse dieses Panels enthält keine Assertion. Bitten Sie Ihre Administration, die Attendant-Integration des Helpdesks zu prüfen: Sie muss /embed/ticket?assertion=… mit einer frisch signierten Assertion öffnen.",
    "embed.refused.garbled-assertion.title": "Die Anmeldung des Helpdesks ist nicht lesbar",
    "embed.refused.garbled-assertion.text":
      "Die Assertion ist kein signiertes Token, das eine Integration nennt. Bitten Sie Ihre Administration, den Signiercode des Helpdesks mit dem Format in docs/embedding.md zu vergleichen.",
    "embed.refused.invalid-claims.title": "Die Anmeldung des Helpdesks ist unvollständig",
    "embed.refused.invalid-claims.text":
      "Die Assertion ist korrekt signiert, aber ein Feld fehlt, ist zu lang oder falsch, oder sie gilt länger als 5 Minuten. Bitten Sie Ihre Administration, den Signiercode des Helpdesks mit docs/embedding.md zu vergleichen.",
    "embed.refused.unknown-integration.title": "Dieses Helpdesk ist nicht registriert",
    "embed.refused.unknown-integration.text":
      "In Attendant gibt es keine Einbettung mit dieser ID (vielleicht wurde sie gelöscht). Eine Administratorin oder ein Administrator kann sie unter Einstellungen → Einbettung registrieren und die neue ID mit dem Geheimnis im Helpdesk eintragen.",
    "embed.refused.integration-disabled.title": "Das Widget ist für dieses Helpdesk abgeschaltet",
    "embed.refused.integration-disabled.text":
      "Die Administration hat diese Einbettung deaktiviert. Sie kann sie unter Einstellungen → Einbettung wieder aktivieren.",
    "embed.refused.organisation-disabled.title": "Diese Organisation ist in Attendant deaktiviert",
    "embed.refused.organisation-disabled.text":
      "Der Betreiber dieser Attendant-Installation hat die Organisation dieses Helpdesks deaktiviert; niemand aus ihr kann das Widget nutzen. Bitten Sie den Betreiber, sie wieder zu aktivieren.",
    "embed.refused.bad-signature.title": "Die Signatur des Helpdesks passt nicht",
    "embed.refused.bad-signature.text":
      "Die Assertion wurde nicht mit HS256 und dem aktuellen Geheimnis dieser Einbettung signiert. Wurde das Geheimnis erneuert, muss die Administration das neue im Helpdesk eintragen.",
    "embed.refused.expired.title": "Die Anmeldung des Helpdesks ist abgelaufen",
    "embed.refused.expired.text":
      "Laden Sie die Ticketseite neu, um eine frische zu erhalten. Passiert das öfter, geht vielleicht die Uhr des Helpdesk-Servers falsch.",
    "embed.refused.not-yet-valid.title": "Die Anmeldung des Helpdesks kommt aus der Zukunft",
    "embed.refused.not-yet-valid.text":
      "Die Assertion wurde mehr als 30 Sekunden vor der Uhr von Attendant ausgestellt. Bitten Sie Ihre Administration, die Uhrzeit des Helpdesk-Servers zu prüfen.",
    "embed.refused.replayed.title": "Diese Anmeldung wurde schon verwendet",
    "embed.refused.replayed.text":
      "Jede Assertion öffnet das Widget nur einmal. Laden Sie die Ticketseite neu: Das Helpdesk signiert jedes Mal eine neue.",
    "embed.refused.unknown-agent.title": "Sie haben kein Attendant-Konto",
    "embed.refused.unknown-agent.text":
      "Ihre E-Mail-Adresse aus dem Helpdesk gehört zu keinem aktiven Attendant-Konto dieser Organisation. Bitten Sie die Attendant-Administration, Sie mit derselben Adresse anzulegen oder Ihr Konto zu aktivieren.",
  },
  ja: {
    "embed.brand": "Attendant",
    "nav.embedding": "埋め込み",
    "embed.admin.title": "ヘルプデスク内のチケットウィジェット",
    "embed.admin.intro":
      "Attendant のチケットウィジェットをサイドバーに表示するヘルプデスクを、それぞれ登録してください。ヘルプデスクはチケットのページごとに、連携のシークレットで短時間有効なアサーションに署名します。ウィジェットを埋め込めるのは、ここに記載したオリジンだけです。",
    "embed.admin.empty": "登録されたヘルプデスクはまだありません。",
    "embed.admin.add": "ヘルプデスクを登録",
    "embed.admin.register": "登録する",
    "embed.admin.field.name": "名前",
    "embed.admin.field.origins": "許可するオリジン",
    "embed.admin.field.originsHint":
      "1 行に 1 つ、ヘルプデスクのアドレスバーの表示からパスを除いたもの(例: https://rt.example.com)。http は localhost のみ使用できます。",
    "embed.admin.column.id": "連携 ID",
    "embed.admin.column.status": "状態",
    "embed.admin.column.created": "登録日時",
    "embed.admin.enabled": "有効",
    "embed.admin.disabled": "無効: ウィジェットは開きません",
    "embed.admin.secret": "署名用シークレット",
    "embed.admin.secretOnce":
      "シークレットを今すぐコピーしてヘルプデスクに設定してください。表示されるのはこの 1 回だけです。Attendant は暗号化して保存し、再表示できません。",
    "embed.admin.secretHint":
      "ヘルプデスクは HMAC-SHA256 (HS256) で署名します。鍵は表示されたこの文字列そのものの UTF-8 バイト列です。手順は docs/embedding.md にあります。",
    "embed.admin.open": "連携を開く",
    "embed.admin.back": "すべての連携",
    "embed.admin.settings": "設定",
    "embed.admin.save": "保存",
    "embed.admin.saved": "保存しました。",
    "embed.admin.actions": "状態とシークレット",
    "embed.admin.enable": "有効にする",
    "embed.admin.disable": "無効にする",
    "embed.admin.rotate": "シークレットを更新",
    "embed.admin.rotateHint":
      "古いシークレットはすぐに使えなくなります。新しいシークレットを直ちにヘルプデスクに設定してください。",
    "embed.admin.delete": "削除",
    "embed.admin.deleteHint": "このヘルプデスクが開いたウィジェットはすべてすぐに閉じます。",
    "embed.admin.deleted": "連携を削除しました。",
    "embed.admin.error.originsMissing": "オリジンを 1 つ以上指定してください。",
    "embed.admin.error.tooManyOrigins": "オリジンは 20 個までです。",
    "embed.admin.error.originNotUrl": "{origin} は https://rt.example.com のようなオリジンではありません。",
    "embed.admin.error.originNotHttps": "{origin} は https を使用してください(http は localhost のみ)。",
    "embed.admin.error.originHasPath":
      "{origin} はオリジンのみで指定してください(パスや末尾のスラッシュは不要です)。",
    "embed.admin.error.originHasCredentials": "{origin} にユーザー名やパスワードを含めないでください。",
    "embed.sessionEnded":
      "このパネルは長時間操作がなかったか、閉じられました。チケットのページを再読み込みして開き直してください。",
    "embed.refused.missing-assertion.title": "ヘルプデスクからサインイン情報が届いていません",
    "embed.refused.missing-assertion.text":
      "このパネルのアドレスにアサーションが含まれていません。管理者に、ヘルプデスクの Attendant 連携が新しく署名したアサーションで /embed/ticket?assertion=… を開いているか確認を依頼してください。",
    "embed.refused.garbled-assertion.title": "ヘルプデスクのサインイン情報を読み取れません",
    "embed.refused.garbled-assertion.text":
      "アサーションが、連携を示す署名付きトークンではありません。管理者に、ヘルプデスクの署名処理を docs/embedding.md の形式と照合するよう依頼してください。",
    "embed.refused.invalid-claims.title": "ヘルプデスクのサインイン情報が不完全です",
    "embed.refused.invalid-claims.text":
      "アサーションの署名は正しいものの、項目が欠けている、長すぎる、誤っている、または有効期間が 5 分を超えています。管理者に、ヘルプデスクの署名処理を docs/embedding.md と照合するよう依頼してください。",
    "embed.refused.unknown-integration.title": "このヘルプデスクは登録されていません",
    "embed.refused.unknown-integration.text":
      "この ID の埋め込み連携は Attendant にありません(削除された可能性があります)。管理者が「設定 → 埋め込み」で登録し、新しい ID とシークレットをヘルプデスクに設定できます。",
    "embed.refused.integration-disabled.title": "このヘルプデスクではウィジェットが無効になっています",
    "embed.refused.integration-disabled.text":
      "管理者がこの埋め込み連携を無効にしました。「設定 → 埋め込み」で再度有効にできます。",
    "embed.refused.organisation-disabled.title": "この組織は Attendant で無効になっています",
    "embed.refused.organisation-disabled.text":
      "この Attendant の運用者が、このヘルプデスクの属する組織を無効にしたため、組織のメンバーはウィジェットを使用できません。運用者に再度有効にするよう依頼してください。",
    "embed.refused.bad-signature.title": "ヘルプデスクの署名が一致しません",
    "embed.refused.bad-signature.text":
      "アサーションが、この連携の現在のシークレットと HS256 で署名されていません。シークレットを更新した場合は、管理者が新しいシークレットをヘルプデスクに設定する必要があります。",
    "embed.refused.expired.title": "ヘルプデスクのサインイン情報の有効期限が切れています",
    "embed.refused.expired.text":
      "チケットのページを再読み込みすると新しいものが発行されます。繰り返し起きる場合は、ヘルプデスクのサーバーの時刻がずれている可能性があります。",
    "embed.refused.not-yet-valid.title": "ヘルプデスクのサインイン情報の発行時刻が未来になっています",
    "embed.refused.not-yet-valid.text":
      "アサーションが Attendant の時計より 30 秒以上先の時刻で発行されています。管理者にヘルプデスクのサーバーの時刻の確認を依頼してください。",
    "embed.refused.replayed.title": "このサインイン情報はすでに使用されています",
    "embed.refused.replayed.text":
      "アサーションでウィジェットを開けるのは 1 回だけです。チケットのページを再読み込みしてください。ヘルプデスクが毎回新しく署名します。",
    "embed.refused.unknown-agent.title": "Attendant のアカウントがありません",
    "embed.refused.unknown-agent.text":
      "ヘルプデスクのメールアドレスが、この組織の有効な Attendant ユーザーではありません。Attendant の管理者に、同じアドレスでの追加またはアカウントの有効化を依頼してください。",
  },
} as const satisfies Catalogs;
