import type { Catalogs } from "./catalog-types.js";

/**
 * Invitation e-mails: the built-in wording (admins may replace it per language; placeholders
 * are `{customerName}`, `{supporterName}`, `{organisationName}`, `{joinUrl}`, `{validUntil}`),
 * the invite form and history on the session page, the templates page and the demo outbox.
 */
export const invitations = {
  en: {
    "invitations.mail.subject": "Remote support from {organisationName}",
    "invitations.mail.body":
      "{greeting}\n\n{supporterName} from {organisationName} would like to help you in a remote support session.\n\nOpen this page and press Join:\n{joinUrl}\n\nThe page explains what happens next. The invitation is valid until {validUntil}.\n\nIf you did not expect this e-mail, you can ignore it.",
    "invitations.supporterFallback": "The support team",
    "invitations.mail.greeting": "Hello {name},",
    "invitations.mail.greetingWithoutName": "Hello,",
    "invitations.error.sessionEnded":
      "This session is closed or expired, so the customer can no longer join it. Create a new session instead.",
    "invitations.error.mailOff":
      "E-mail is not set up: ask your administrator to set ATTENDANT_SMTP_URL and ATTENDANT_MAIL_FROM. Meanwhile, copy the join page address and send it yourself.",
    "invitations.error.deliveryFailed":
      "The invitation could not be sent: the mail server refused or could not be reached. Check the address and try again, or copy the join page address and send it yourself.",
    "invitations.error.notFound": "This invitation does not exist.",
    "invitations.error.formOutdated":
      "This form is out of date. Reload the page and send the invitation again.",
    "invitations.field.email": "Customer's e-mail address",
    "invitations.field.name": "Customer's name (optional)",
    "invitations.field.language": "Language of the e-mail",
    "invitations.send": "Send invitation",
    "invitations.resend": "Send again",
    "invitations.title": "Invite by e-mail",
    "invitations.help":
      "The e-mail contains only the join page's address. Each invitation gets a new address; earlier addresses stop working.",
    "invitations.sent": "Invitation sent to {email}.",
    "invitations.sending":
      "The invitation to {email} is being sent; reload the page in a moment to see whether it left.",
    "invitations.captured":
      "Demo mode: the invitation to {email} was put in the Outbox instead of being sent.",
    "invitations.historyTitle": "Invitations sent",
    "invitations.historyEmpty": "No invitations yet.",
    "invitations.column.sentAt": "When",
    "invitations.column.to": "To",
    "invitations.column.language": "Language",
    "invitations.column.status": "Status",
    "invitations.status.sent": "Sent",
    "invitations.status.captured": "In the demo outbox",
    "invitations.status.failed": "Failed",
    "invitations.status.sending": "Being sent",
    "invitations.templates.title": "Invitation e-mails",
    "invitations.templates.intro":
      "The wording of the invitation e-mail in each language. The HTML version is made from the same text. Placeholders:",
    "invitations.templates.placeholder.customerName": "the customer's name (empty when none was given)",
    "invitations.templates.placeholder.greeting":
      "“Hello” with the customer's name, or without when none was given",
    "invitations.templates.placeholder.supporterName": "the assigned supporter's display name",
    "invitations.templates.placeholder.organisationName": "your organisation's name",
    "invitations.templates.placeholder.joinUrl": "the join page's address (required)",
    "invitations.templates.placeholder.validUntil":
      "until when the invitation is valid, in the organisation's time zone, naming it",
    "invitations.templates.custom": "Your own wording",
    "invitations.templates.builtIn": "Built-in wording",
    "invitations.templates.edit": "Edit",
    "invitations.templates.editTitle": "Invitation e-mail: {language}",
    "invitations.templates.subject": "Subject",
    "invitations.templates.body": "Text",
    "invitations.templates.preview": "Preview",
    "invitations.templates.previewTitle": "Preview with sample values",
    "invitations.templates.previewText": "Text version",
    "invitations.templates.previewHtml": "HTML version",
    "invitations.templates.reset": "Back to the built-in wording",
    "invitations.templates.saved": "The template is saved.",
    "invitations.templates.resetDone": "The built-in wording is used again.",
    "invitations.templates.sampleCustomer": "Erika Mustermann",
    "invitations.templates.sampleSupporter": "Kenji Sato",
    "invitations.template.required": "This field is required.",
    "invitations.template.tooLong": "Use at most {max} characters.",
    "invitations.template.lineBreak": "The subject must be a single line.",
    "invitations.template.unknownPlaceholder":
      "Unknown placeholder: {names}. You can use {greeting}, {customerName}, {supporterName}, {organisationName}, {joinUrl} and {validUntil}.",
    "invitations.template.joinUrlMissing":
      "The text must contain {joinUrl}, or the customer has nothing to open.",
    "invitations.outbox.title": "Outbox (demo)",
    "invitations.outbox.intro":
      "Demo mode without a mail server: e-mails are kept here instead of being sent. Set ATTENDANT_SMTP_URL to send them for real.",
    "invitations.outbox.empty": "No e-mails yet. Invite a customer from a session's page.",
    "invitations.outbox.column.createdAt": "When",
    "invitations.outbox.column.to": "To",
    "invitations.outbox.column.subject": "Subject",
    "invitations.outbox.messageTitle": "E-mail to {to}",
    "nav.outbox": "Outbox",
  },
  de: {
    "invitations.mail.subject": "Fernwartung durch {organisationName}",
    "invitations.mail.body":
      "{greeting}\n\n{supporterName} von {organisationName} möchte Ihnen in einer Fernwartungssitzung helfen.\n\nÖffnen Sie diese Seite und klicken Sie auf „Teilnehmen“:\n{joinUrl}\n\nDie Seite erklärt die nächsten Schritte. Die Einladung gilt bis {validUntil}.\n\nWenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.",
    "invitations.supporterFallback": "Das Support-Team",
    "invitations.mail.greeting": "Guten Tag {name},",
    "invitations.mail.greetingWithoutName": "Guten Tag,",
    "invitations.error.sessionEnded":
      "Diese Sitzung ist geschlossen oder abgelaufen; der Kunde kann ihr nicht mehr beitreten. Legen Sie stattdessen eine neue Sitzung an.",
    "invitations.error.mailOff":
      "E-Mail ist nicht eingerichtet: Bitten Sie Ihre Administration, ATTENDANT_SMTP_URL und ATTENDANT_MAIL_FROM zu setzen. Kopieren Sie bis dahin die Adresse der Beitrittsseite und senden Sie sie selbst.",
    "invitations.error.deliveryFailed":
      "Die Einladung konnte nicht gesendet werden: Der Mailserver hat abgelehnt oder war nicht erreichbar. Prüfen Sie die Adresse und versuchen Sie es erneut, oder kopieren Sie die Adresse der Beitrittsseite und senden Sie sie selbst.",
    "invitations.error.notFound": "Diese Einladung gibt es nicht.",
    "invitations.error.formOutdated":
      "Dieses Formular ist veraltet. Laden Sie die Seite neu und senden Sie die Einladung noch einmal.",
    "invitations.field.email": "E-Mail-Adresse des Kunden",
    "invitations.field.name": "Name des Kunden (optional)",
    "invitations.field.language": "Sprache der E-Mail",
    "invitations.send": "Einladung senden",
    "invitations.resend": "Erneut senden",
    "invitations.title": "Per E-Mail einladen",
    "invitations.help":
      "Die E-Mail enthält nur die Adresse der Beitrittsseite. Jede Einladung erhält eine neue Adresse; frühere Adressen funktionieren dann nicht mehr.",
    "invitations.sent": "Einladung an {email} gesendet.",
    "invitations.sending":
      "Die Einladung an {email} wird gerade gesendet; laden Sie die Seite gleich neu, um zu sehen, ob sie abgeschickt wurde.",
    "invitations.captured":
      "Demo-Modus: Die Einladung an {email} wurde in den Postausgang gelegt statt gesendet.",
    "invitations.historyTitle": "Gesendete Einladungen",
    "invitations.historyEmpty": "Noch keine Einladungen.",
    "invitations.column.sentAt": "Wann",
    "invitations.column.to": "An",
    "invitations.column.language": "Sprache",
    "invitations.column.status": "Status",
    "invitations.status.sent": "Gesendet",
    "invitations.status.captured": "Im Demo-Postausgang",
    "invitations.status.failed": "Fehlgeschlagen",
    "invitations.status.sending": "Wird gesendet",
    "invitations.templates.title": "Einladungs-E-Mails",
    "invitations.templates.intro":
      "Der Wortlaut der Einladungs-E-Mail in jeder Sprache. Die HTML-Fassung entsteht aus demselben Text. Platzhalter:",
    "invitations.templates.placeholder.customerName": "der Name des Kunden (leer, wenn keiner angegeben ist)",
    "invitations.templates.placeholder.greeting":
      "„Guten Tag“ mit dem Namen des Kunden, ohne Namen, wenn keiner angegeben ist",
    "invitations.templates.placeholder.supporterName": "der Anzeigename des zugewiesenen Supporters",
    "invitations.templates.placeholder.organisationName": "der Name Ihrer Organisation",
    "invitations.templates.placeholder.joinUrl": "die Adresse der Beitrittsseite (erforderlich)",
    "invitations.templates.placeholder.validUntil":
      "bis wann die Einladung gilt, in der Zeitzone der Organisation, mit ihrem Namen",
    "invitations.templates.custom": "Eigener Wortlaut",
    "invitations.templates.builtIn": "Eingebauter Wortlaut",
    "invitations.templates.edit": "Bearbeiten",
    "invitations.templates.editTitle": "Einladungs-E-Mail: {language}",
    "invitations.templates.subject": "Betreff",
    "invitations.templates.body": "Text",
    "invitations.templates.preview": "Vorschau",
    "invitations.templates.previewTitle": "Vorschau mit Beispielwerten",
    "invitations.templates.previewText": "Textfassung",
    "invitations.templates.previewHtml": "HTML-Fassung",
    "invitations.templates.reset": "Zurück zum eingebauten Wortlaut",
    "invitations.templates.saved": "Die Vorlage ist gespeichert.",
    "invitations.templates.resetDone": "Der eingebaute Wortlaut wird wieder verwendet.",
    "invitations.templates.sampleCustomer": "Erika Mustermann",
    "invitations.templates.sampleSupporter": "Kenji Sato",
    "invitations.template.required": "Dieses Feld ist erforderlich.",
    "invitations.template.tooLong": "Verwenden Sie höchstens {max} Zeichen.",
    "invitations.template.lineBreak": "Der Betreff muss eine einzige Zeile sein.",
    "invitations.template.unknownPlaceholder":
      "Unbekannter Platzhalter: {names}. Möglich sind {greeting}, {customerName}, {supporterName}, {organisationName}, {joinUrl} und {validUntil}.",
    "invitations.template.joinUrlMissing":
      "Der Text muss {joinUrl} enthalten, sonst hat der Kunde nichts zum Öffnen.",
    "invitations.outbox.title": "Postausgang (Demo)",
    "invitations.outbox.intro":
      "Demo-Modus ohne Mailserver: E-Mails werden hier aufbewahrt statt gesendet. Setzen Sie ATTENDANT_SMTP_URL, um sie wirklich zu senden.",
    "invitations.outbox.empty": "Noch keine E-Mails. Laden Sie einen Kunden auf der Seite einer Sitzung ein.",
    "invitations.outbox.column.createdAt": "Wann",
    "invitations.outbox.column.to": "An",
    "invitations.outbox.column.subject": "Betreff",
    "invitations.outbox.messageTitle": "E-Mail an {to}",
    "nav.outbox": "Postausgang",
  },
  ja: {
    "invitations.mail.subject": "{organisationName} からのリモートサポートのご案内",
    "invitations.mail.body":
      "{greeting}\n\n{organisationName} の {supporterName} が、リモートサポートでお手伝いいたします。\n\n次のページを開き、「参加する」を押してください。\n{joinUrl}\n\nページにこれからの流れが記載されています。この招待の有効期限は {validUntil} です。\n\nお心当たりのない場合は、このメールを破棄してください。",
    "invitations.supporterFallback": "サポート担当者",
    "invitations.mail.greeting": "{name} 様",
    "invitations.mail.greetingWithoutName": "お客様へ",
    "invitations.error.sessionEnded":
      "このセッションは終了しているか有効期限が切れているため、お客様は参加できません。新しいセッションを作成してください。",
    "invitations.error.mailOff":
      "メール送信が設定されていません。管理者に ATTENDANT_SMTP_URL と ATTENDANT_MAIL_FROM の設定を依頼してください。それまでは参加ページのアドレスをコピーして、ご自身でお送りください。",
    "invitations.error.deliveryFailed":
      "招待を送信できませんでした。メールサーバーに拒否されたか、接続できませんでした。アドレスを確認してもう一度お試しいただくか、参加ページのアドレスをコピーしてご自身でお送りください。",
    "invitations.error.notFound": "この招待は存在しません。",
    "invitations.error.formOutdated":
      "このフォームは古くなっています。ページを再読み込みして、もう一度招待を送信してください。",
    "invitations.field.email": "お客様のメールアドレス",
    "invitations.field.name": "お客様のお名前（任意）",
    "invitations.field.language": "メールの言語",
    "invitations.send": "招待を送信",
    "invitations.resend": "再送信",
    "invitations.title": "メールで招待",
    "invitations.help":
      "メールには参加ページのアドレスだけが記載されます。招待ごとに新しいアドレスが発行され、以前のアドレスは使えなくなります。",
    "invitations.sent": "{email} に招待を送信しました。",
    "invitations.sending":
      "{email} への招待を送信中です。しばらくしてからページを再読み込みして、送信されたか確認してください。",
    "invitations.captured": "デモモード：{email} への招待は送信されず、送信トレイに保存されました。",
    "invitations.historyTitle": "送信済みの招待",
    "invitations.historyEmpty": "まだ招待はありません。",
    "invitations.column.sentAt": "日時",
    "invitations.column.to": "宛先",
    "invitations.column.language": "言語",
    "invitations.column.status": "状態",
    "invitations.status.sent": "送信済み",
    "invitations.status.captured": "デモ送信トレイ",
    "invitations.status.failed": "失敗",
    "invitations.status.sending": "送信中",
    "invitations.templates.title": "招待メール",
    "invitations.templates.intro":
      "各言語の招待メールの文面です。HTML 版は同じ文面から作成されます。使用できるプレースホルダー：",
    "invitations.templates.placeholder.customerName": "お客様のお名前（未入力の場合は空）",
    "invitations.templates.placeholder.greeting": "お客様のお名前を添えた宛名（未入力の場合は「お客様へ」）",
    "invitations.templates.placeholder.supporterName": "担当サポート担当者の表示名",
    "invitations.templates.placeholder.organisationName": "組織名",
    "invitations.templates.placeholder.joinUrl": "参加ページのアドレス（必須）",
    "invitations.templates.placeholder.validUntil": "招待の有効期限（組織のタイムゾーン、名前付き）",
    "invitations.templates.custom": "独自の文面",
    "invitations.templates.builtIn": "標準の文面",
    "invitations.templates.edit": "編集",
    "invitations.templates.editTitle": "招待メール：{language}",
    "invitations.templates.subject": "件名",
    "invitations.templates.body": "本文",
    "invitations.templates.preview": "プレビュー",
    "invitations.templates.previewTitle": "サンプル値でのプレビュー",
    "invitations.templates.previewText": "テキスト版",
    "invitations.templates.previewHtml": "HTML 版",
    "invitations.templates.reset": "標準の文面に戻す",
    "invitations.templates.saved": "テンプレートを保存しました。",
    "invitations.templates.resetDone": "標準の文面に戻しました。",
    "invitations.templates.sampleCustomer": "山田 花子",
    "invitations.templates.sampleSupporter": "佐藤 健二",
    "invitations.template.required": "この項目は必須です。",
    "invitations.template.tooLong": "{max} 文字以内で入力してください。",
    "invitations.template.lineBreak": "件名は 1 行で入力してください。",
    "invitations.template.unknownPlaceholder":
      "不明なプレースホルダーです：{names}。使用できるのは {greeting}、{customerName}、{supporterName}、{organisationName}、{joinUrl}、{validUntil} です。",
    "invitations.template.joinUrlMissing":
      "本文に {joinUrl} を含めてください。含めないと、お客様が開くページがありません。",
    "invitations.outbox.title": "送信トレイ（デモ）",
    "invitations.outbox.intro":
      "メールサーバーのないデモモードでは、メールは送信されずここに保存されます。実際に送信するには ATTENDANT_SMTP_URL を設定してください。",
    "invitations.outbox.empty": "まだメールはありません。セッションのページからお客様を招待してください。",
    "invitations.outbox.column.createdAt": "日時",
    "invitations.outbox.column.to": "宛先",
    "invitations.outbox.column.subject": "件名",
    "invitations.outbox.messageTitle": "{to} 宛てのメール",
    "nav.outbox": "送信トレイ",
  },
} as const satisfies Catalogs;
