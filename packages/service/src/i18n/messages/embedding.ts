import type { Catalogs } from "./catalog-types.js";

/**
 * The ticket widget's trust layer (issue 23): the pages a helpdesk shows in its sidebar when it
 * could not open the widget, and the line the widget shows when its session has ended. Each
 * refusal says who can fix it: the agent (reload), or the admin (what to change where).
 */
export const embedding = {
  en: {
    "embed.brand": "Attendant",
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
