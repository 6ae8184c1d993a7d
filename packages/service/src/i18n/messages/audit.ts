import type { Catalogs } from "./catalog-types.js";

/**
 * The audit log as sentences (src/audit/audit-sentence.ts), one per action. `{actor}` is who did
 * it; the other placeholders are fields of the entry's details, `{target}` the name of a user it
 * concerns, `{userId}`, `{to}` and `{from}` a user's name. An entry whose details lack a placeholder falls back to `audit.sentence.other`.
 */
export const audit = {
  en: {
    "audit.sentence.other": "{actor}: {action}",
    "audit.sentence.login.succeeded": "{actor} signed in",
    "audit.sentence.login.failed": "Someone failed to sign in as {email}",
    "audit.sentence.logout": "{actor} signed out",
    "audit.sentence.user.created": "{actor} created the user {email} ({role})",
    "audit.sentence.user.updated": "{actor} changed the user {target}",
    "audit.sentence.teamviewer_app.updated": "{actor} changed the TeamViewer app settings",
    "audit.sentence.teamviewer.connected": "{actor} connected TeamViewer account {teamViewerEmail}",
    "audit.sentence.teamviewer.disconnected": "{actor} disconnected their TeamViewer account",
    "audit.sentence.teamviewer.token_refresh_failed":
      "TeamViewer refused the grant of {userId}; they need to reconnect",
    "audit.sentence.script_token.saved": "{actor} saved the script token",
    "audit.sentence.script_token.deleted": "{actor} removed the script token",
    "audit.sentence.keyring.rewrapped": "{actor} rewrapped the stored secrets with a new key",
    "audit.sentence.support_session.created": "{actor} created session {sessionCode} for ticket {ticket}",
    "audit.sentence.support_session.adopted":
      "{actor} adopted session {sessionCode} for ticket {ticket} after an uncertain answer",
    "audit.sentence.support_session.updated": "{actor} changed session {sessionCode}",
    "audit.sentence.support_session.reassigned": "{actor} handed session {sessionCode} over to {to}",
    "audit.sentence.support_session.closed": "{actor} closed session {sessionCode}",
    "audit.sentence.support_session.links_revealed":
      "{actor} was shown the supporter links of session {sessionCode}",
    "audit.sentence.join_link.issued": "{actor} made a new join address for a session",
    "audit.sentence.session_invitation.sent": "{actor} invited {to} to a session",
    "audit.sentence.session_invitation.failed": "{actor} could not invite {to} to a session",
    "audit.sentence.invitation_template.updated": "{actor} changed the invitation e-mail",
    "audit.sentence.invitation_template.reset": "{actor} reset the invitation e-mail to the default",
    "audit.sentence.organisation_brand.updated": "{actor} changed what customers see of the organisation",
    "audit.sentence.session_policy.updated":
      "{actor} changed whether expired sessions are closed at TeamViewer",
    "audit.sentence.ticket.closed": "{actor} closed ticket {externalId}",
    "audit.sentence.api_key.created": "{actor} created the API key {name}",
    "audit.sentence.api_key.revoked": "{actor} revoked the API key {prefix}",
    "audit.sentence.connection_report.attached":
      "{actor} attached connection report {teamViewerReportId} to ticket {ticketExternalId}",
    "audit.sentence.connection_report.updated": "{actor} changed connection report {teamViewerReportId}",
    "audit.sentence.webhook_endpoint.created": "{actor} added the webhook endpoint {url}",
    "audit.sentence.webhook_endpoint.updated": "{actor} changed a webhook endpoint",
    "audit.sentence.webhook_endpoint.disabled": "{actor} disabled a webhook endpoint",
    "audit.sentence.webhook_endpoint.enabled": "{actor} enabled a webhook endpoint",
    "audit.sentence.webhook_endpoint.deleted": "{actor} deleted the webhook endpoint {url}",
    "audit.sentence.webhook_endpoint.secret_rotated": "{actor} rotated a webhook endpoint's secret",
    "audit.sentence.webhook_delivery.resent": "{actor} resent a {eventType} webhook delivery",
    "audit.sentence.billing_rules.updated": "{actor} changed the billing rules",
    "audit.sentence.helpdesk_connection.saved": "{actor} saved the helpdesk connection",
    "audit.sentence.helpdesk_connection.removed": "{actor} removed the helpdesk connection",
    "audit.sentence.helpdesk_template.updated": "{actor} changed the helpdesk wording of {event} in {locale}",
    "audit.sentence.helpdesk_template.reset":
      "{actor} reset the helpdesk wording of {event} in {locale} to the built-in one",
    "audit.sentence.helpdesk_write.resent": "{actor} resent a write to ticket {ticket}",
    "audit.sentence.connection_reports.exported": "{actor} exported connection reports as {format}",
    "audit.sentence.organisation.created": "{actor} created the organisation {name}",
    "audit.sentence.organisation.renamed": "{actor} renamed the organisation from {previousName} to {name}",
    "audit.sentence.organisation.disabled": "{actor} disabled the organisation",
    "audit.sentence.organisation.enabled": "{actor} enabled the organisation again",
    "audit.raw": "Raw entry",
    "audit.what": "What happened",
    "audit.sentence.embedding_integration.created": "{actor} registered the embedding integration {name}",
    "audit.sentence.embedding_integration.updated": "{actor} changed the embedding integration {name}",
    "audit.sentence.embedding_integration.deleted": "{actor} deleted the embedding integration {name}",
    "audit.sentence.embedding_integration.secret_rotated":
      "{actor} rotated the secret of the embedding integration {name}",
    "audit.sentence.embed_session.opened":
      "{actor} opened the ticket widget for ticket {ticket} in {integrationName}",
  },
  de: {
    "audit.sentence.other": "{actor}: {action}",
    "audit.sentence.login.succeeded": "{actor} hat sich angemeldet",
    "audit.sentence.login.failed": "Jemand konnte sich nicht als {email} anmelden",
    "audit.sentence.logout": "{actor} hat sich abgemeldet",
    "audit.sentence.user.created": "{actor} hat den Benutzer {email} ({role}) angelegt",
    "audit.sentence.user.updated": "{actor} hat den Benutzer {target} geändert",
    "audit.sentence.teamviewer_app.updated": "{actor} hat die Einstellungen der TeamViewer-App geändert",
    "audit.sentence.teamviewer.connected": "{actor} hat das TeamViewer-Konto {teamViewerEmail} verbunden",
    "audit.sentence.teamviewer.disconnected": "{actor} hat das eigene TeamViewer-Konto getrennt",
    "audit.sentence.teamviewer.token_refresh_failed":
      "TeamViewer hat die Freigabe von {userId} abgelehnt; eine neue Verbindung ist nötig",
    "audit.sentence.script_token.saved": "{actor} hat das Skript-Token gespeichert",
    "audit.sentence.script_token.deleted": "{actor} hat das Skript-Token entfernt",
    "audit.sentence.keyring.rewrapped":
      "{actor} hat die gespeicherten Geheimnisse mit einem neuen Schlüssel verschlüsselt",
    "audit.sentence.support_session.created":
      "{actor} hat die Sitzung {sessionCode} für Ticket {ticket} angelegt",
    "audit.sentence.support_session.adopted":
      "{actor} hat nach einer unklaren Antwort die Sitzung {sessionCode} für Ticket {ticket} übernommen",
    "audit.sentence.support_session.updated": "{actor} hat die Sitzung {sessionCode} geändert",
    "audit.sentence.support_session.reassigned": "{actor} hat die Sitzung {sessionCode} an {to} übergeben",
    "audit.sentence.support_session.closed": "{actor} hat die Sitzung {sessionCode} geschlossen",
    "audit.sentence.support_session.links_revealed":
      "{actor} wurden die Supporter-Links der Sitzung {sessionCode} angezeigt",
    "audit.sentence.join_link.issued": "{actor} hat eine neue Teilnahmeadresse für eine Sitzung erstellt",
    "audit.sentence.session_invitation.sent": "{actor} hat {to} zu einer Sitzung eingeladen",
    "audit.sentence.session_invitation.failed": "{actor} konnte {to} nicht zu einer Sitzung einladen",
    "audit.sentence.invitation_template.updated": "{actor} hat die Einladungs-E-Mail geändert",
    "audit.sentence.invitation_template.reset":
      "{actor} hat die Einladungs-E-Mail auf den Standard zurückgesetzt",
    "audit.sentence.organisation_brand.updated":
      "{actor} hat geändert, was Kunden von der Organisation sehen",
    "audit.sentence.session_policy.updated":
      "{actor} hat geändert, ob abgelaufene Sitzungen bei TeamViewer geschlossen werden",
    "audit.sentence.ticket.closed": "{actor} hat das Ticket {externalId} geschlossen",
    "audit.sentence.api_key.created": "{actor} hat den API-Schlüssel {name} angelegt",
    "audit.sentence.api_key.revoked": "{actor} hat den API-Schlüssel {prefix} widerrufen",
    "audit.sentence.connection_report.attached":
      "{actor} hat den Verbindungsbericht {teamViewerReportId} dem Ticket {ticketExternalId} zugeordnet",
    "audit.sentence.connection_report.updated":
      "{actor} hat den Verbindungsbericht {teamViewerReportId} geändert",
    "audit.sentence.webhook_endpoint.created": "{actor} hat den Webhook-Endpunkt {url} hinzugefügt",
    "audit.sentence.webhook_endpoint.updated": "{actor} hat einen Webhook-Endpunkt geändert",
    "audit.sentence.webhook_endpoint.disabled": "{actor} hat einen Webhook-Endpunkt deaktiviert",
    "audit.sentence.webhook_endpoint.enabled": "{actor} hat einen Webhook-Endpunkt aktiviert",
    "audit.sentence.webhook_endpoint.deleted": "{actor} hat den Webhook-Endpunkt {url} gelöscht",
    "audit.sentence.webhook_endpoint.secret_rotated":
      "{actor} hat das Geheimnis eines Webhook-Endpunkts erneuert",
    "audit.sentence.webhook_delivery.resent":
      "{actor} hat eine {eventType}-Webhook-Zustellung erneut gesendet",
    "audit.sentence.billing_rules.updated": "{actor} hat die Abrechnungsregeln geändert",
    "audit.sentence.helpdesk_connection.saved": "{actor} hat die Helpdesk-Verbindung gespeichert",
    "audit.sentence.helpdesk_connection.removed": "{actor} hat die Helpdesk-Verbindung entfernt",
    "audit.sentence.helpdesk_template.updated":
      "{actor} hat den Helpdesk-Wortlaut für {event} ({locale}) geändert",
    "audit.sentence.helpdesk_template.reset":
      "{actor} hat den Helpdesk-Wortlaut für {event} ({locale}) auf den eingebauten zurückgesetzt",
    "audit.sentence.helpdesk_write.resent": "{actor} hat einen Eintrag in Ticket {ticket} erneut gesendet",
    "audit.sentence.connection_reports.exported": "{actor} hat Verbindungsberichte als {format} exportiert",
    "audit.sentence.organisation.created": "{actor} hat die Organisation {name} angelegt",
    "audit.sentence.organisation.renamed":
      "{actor} hat die Organisation von {previousName} in {name} umbenannt",
    "audit.sentence.organisation.disabled": "{actor} hat die Organisation deaktiviert",
    "audit.sentence.organisation.enabled": "{actor} hat die Organisation wieder aktiviert",
    "audit.raw": "Rohdaten",
    "audit.what": "Was geschah",
    "audit.sentence.embedding_integration.created": "{actor} hat die Einbettung {name} registriert",
    "audit.sentence.embedding_integration.updated": "{actor} hat die Einbettung {name} geändert",
    "audit.sentence.embedding_integration.deleted": "{actor} hat die Einbettung {name} gelöscht",
    "audit.sentence.embedding_integration.secret_rotated":
      "{actor} hat das Geheimnis der Einbettung {name} erneuert",
    "audit.sentence.embed_session.opened":
      "{actor} hat das Ticket-Widget für Ticket {ticket} in {integrationName} geöffnet",
  },
  ja: {
    "audit.sentence.other": "{actor}: {action}",
    "audit.sentence.login.succeeded": "{actor} がログインしました",
    "audit.sentence.login.failed": "{email} としてのログインに失敗しました",
    "audit.sentence.logout": "{actor} がログアウトしました",
    "audit.sentence.user.created": "{actor} がユーザー {email}（{role}）を作成しました",
    "audit.sentence.user.updated": "{actor} がユーザー {target} を変更しました",
    "audit.sentence.teamviewer_app.updated": "{actor} が TeamViewer アプリの設定を変更しました",
    "audit.sentence.teamviewer.connected":
      "{actor} が TeamViewer アカウント {teamViewerEmail} を接続しました",
    "audit.sentence.teamviewer.disconnected": "{actor} が自分の TeamViewer アカウントの接続を解除しました",
    "audit.sentence.teamviewer.token_refresh_failed":
      "TeamViewer が {userId} の許可を拒否しました。再接続が必要です",
    "audit.sentence.script_token.saved": "{actor} がスクリプトトークンを保存しました",
    "audit.sentence.script_token.deleted": "{actor} がスクリプトトークンを削除しました",
    "audit.sentence.keyring.rewrapped": "{actor} が保存済みの秘密情報を新しい鍵で暗号化し直しました",
    "audit.sentence.support_session.created":
      "{actor} がチケット {ticket} のセッション {sessionCode} を作成しました",
    "audit.sentence.support_session.adopted":
      "{actor} が不確かな応答の後、チケット {ticket} のセッション {sessionCode} を引き継ぎました",
    "audit.sentence.support_session.updated": "{actor} がセッション {sessionCode} を変更しました",
    "audit.sentence.support_session.reassigned":
      "{actor} がセッション {sessionCode} を {to} に引き継ぎました",
    "audit.sentence.support_session.closed": "{actor} がセッション {sessionCode} を終了しました",
    "audit.sentence.support_session.links_revealed":
      "{actor} にセッション {sessionCode} のサポーター用リンクが表示されました",
    "audit.sentence.join_link.issued": "{actor} がセッションの新しい参加用アドレスを作成しました",
    "audit.sentence.session_invitation.sent": "{actor} が {to} をセッションに招待しました",
    "audit.sentence.session_invitation.failed": "{actor} は {to} をセッションに招待できませんでした",
    "audit.sentence.invitation_template.updated": "{actor} が招待メールを変更しました",
    "audit.sentence.invitation_template.reset": "{actor} が招待メールを既定に戻しました",
    "audit.sentence.organisation_brand.updated": "{actor} がお客様に表示される組織の情報を変更しました",
    "audit.sentence.session_policy.updated":
      "{actor} が期限切れセッションを TeamViewer で閉じるかどうかを変更しました",
    "audit.sentence.ticket.closed": "{actor} がチケット {externalId} をクローズしました",
    "audit.sentence.api_key.created": "{actor} が API キー {name} を作成しました",
    "audit.sentence.api_key.revoked": "{actor} が API キー {prefix} を失効させました",
    "audit.sentence.connection_report.attached":
      "{actor} が接続レポート {teamViewerReportId} をチケット {ticketExternalId} に関連付けました",
    "audit.sentence.connection_report.updated": "{actor} が接続レポート {teamViewerReportId} を変更しました",
    "audit.sentence.webhook_endpoint.created": "{actor} が Webhook エンドポイント {url} を追加しました",
    "audit.sentence.webhook_endpoint.updated": "{actor} が Webhook エンドポイントを変更しました",
    "audit.sentence.webhook_endpoint.disabled": "{actor} が Webhook エンドポイントを無効にしました",
    "audit.sentence.webhook_endpoint.enabled": "{actor} が Webhook エンドポイントを有効にしました",
    "audit.sentence.webhook_endpoint.deleted": "{actor} が Webhook エンドポイント {url} を削除しました",
    "audit.sentence.webhook_endpoint.secret_rotated":
      "{actor} が Webhook エンドポイントのシークレットを更新しました",
    "audit.sentence.webhook_delivery.resent": "{actor} が {eventType} の Webhook 配信を再送しました",
    "audit.sentence.billing_rules.updated": "{actor} が請求ルールを変更しました",
    "audit.sentence.helpdesk_connection.saved": "{actor} がヘルプデスク接続を保存しました",
    "audit.sentence.helpdesk_connection.removed": "{actor} がヘルプデスク接続を削除しました",
    "audit.sentence.helpdesk_template.updated":
      "{actor} がヘルプデスクの文面（{event}、{locale}）を変更しました",
    "audit.sentence.helpdesk_template.reset":
      "{actor} がヘルプデスクの文面（{event}、{locale}）を既定に戻しました",
    "audit.sentence.helpdesk_write.resent": "{actor} がチケット {ticket} への書き込みを再送しました",
    "audit.sentence.connection_reports.exported": "{actor} が接続レポートを {format} でエクスポートしました",
    "audit.sentence.organisation.created": "{actor} が組織 {name} を作成しました",
    "audit.sentence.organisation.renamed": "{actor} が組織名を {previousName} から {name} に変更しました",
    "audit.sentence.organisation.disabled": "{actor} が組織を無効にしました",
    "audit.sentence.organisation.enabled": "{actor} が組織を再度有効にしました",
    "audit.raw": "元の記録",
    "audit.what": "内容",
    "audit.sentence.embedding_integration.created": "{actor} が埋め込み連携 {name} を登録しました",
    "audit.sentence.embedding_integration.updated": "{actor} が埋め込み連携 {name} を変更しました",
    "audit.sentence.embedding_integration.deleted": "{actor} が埋め込み連携 {name} を削除しました",
    "audit.sentence.embedding_integration.secret_rotated":
      "{actor} が埋め込み連携 {name} のシークレットを更新しました",
    "audit.sentence.embed_session.opened":
      "{actor} が {integrationName} でチケット {ticket} のウィジェットを開きました",
  },
} satisfies Catalogs;
