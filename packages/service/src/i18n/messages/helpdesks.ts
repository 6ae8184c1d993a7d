import type { Catalogs } from "./catalog-types.js";

/** The admins' helpdesk connection page and the health of that connection. */
export const helpdesks = {
  en: {
    "nav.helpdesk": "Helpdesk",
    "helpdesk.title": "Helpdesk connection",
    "helpdesk.intro":
      "Connect your helpdesk so Attendant can read its tickets and write sessions and connections back onto them. Attendant signs in to the helpdesk's API with a token of a user you create for it.",
    "helpdesk.none": "No helpdesk is connected.",
    "helpdesk.field.kind": "Helpdesk",
    "helpdesk.kind.request-tracker": "Request Tracker 5",
    "helpdesk.field.baseUrl": "Address",
    "helpdesk.field.baseUrlHint":
      "The helpdesk's web address, for example https://rt.example.com. Plain http is accepted only for this machine (localhost).",
    "helpdesk.field.token": "API token",
    "helpdesk.field.tokenNew":
      "In Request Tracker: sign in as the API user, then Logged in as → Settings → Auth Tokens → Create.",
    "helpdesk.field.tokenStored":
      "A token is stored. Leave this empty to keep it, or type a new one to replace it.",
    "helpdesk.field.sessionField": "Ticket field for the session code",
    "helpdesk.field.sessionFieldHint":
      "A free-text ticket field (custom field) applied to every queue whose tickets Attendant works with.",
    "helpdesk.save": "Save and test",
    "helpdesk.test": "Test connection",
    "helpdesk.remove": "Remove connection",
    "helpdesk.saved": "Saved.",
    "helpdesk.removed": "The helpdesk connection was removed.",
    "helpdesk.invalid": "Nothing was saved: check the fields marked below.",
    "helpdesk.check.heading": "Connection check",
    "helpdesk.check.never": "Not checked yet.",
    "helpdesk.check.at": "Checked {when}.",
    "helpdesk.check.ok":
      "The connection works: the helpdesk accepts the token, every queue has the ticket field, and the API user may comment and reply.",
    "helpdesk.check.version": "Helpdesk version: {version}.",
    "helpdesk.problem.unreachable":
      "The helpdesk cannot be reached ({detail}). Check the address and that the helpdesk is running.",
    "helpdesk.problem.badCredentials":
      "The helpdesk refused the token. Create a new token for the API user and save it here.",
    "helpdesk.problem.noQueueVisible":
      "The API user cannot see any queue. Grant it SeeQueue and ShowTicket on the queues whose tickets Attendant works with.",
    "helpdesk.problem.missingRights":
      "The API user lacks these rights in {where}: {rights}. Grant them in the helpdesk.",
    "helpdesk.problem.missingField":
      "The ticket field “{field}” is missing in: {where}. Create it as a free-text field applied to these queues, or enter the name of an existing one.",
    "helpdesk.problem.unexpected": "The helpdesk answered unexpectedly (HTTP {status}): {detail}",
    "helpdesk.error.kind": "Choose a helpdesk from the list.",
    "helpdesk.error.url":
      "Enter a web address starting with https://, without a user name, password, query or #fragment.",
    "helpdesk.error.insecureUrl":
      "Use https: the token would travel unencrypted. Plain http is allowed only for this machine (localhost, 127.0.0.1).",
    "helpdesk.error.token": "The token is one word of 8 to 500 characters, without spaces.",
    "helpdesk.error.sessionField": "A field name has at most 200 characters and no line breaks.",
    "helpdesk.field.noteLocale": "Language of the notes",
    "helpdesk.writes.heading": "What Attendant writes on tickets",
    "helpdesk.field.writesSessionField": "The session code into the ticket field when a session opens",
    "helpdesk.field.writesSessionNotes": "An internal note when a session opens, closes or expires",
    "helpdesk.field.writesConnectionNotes":
      "An internal note per connection (supporter, device, times, feedback, notes) with its billable minutes as worked time; changes are written as a follow-up note with the difference",
    "helpdesk.field.writesInvitationReplies":
      "A public reply to the requester with only the join page's address when an invitation e-mail is sent (off if you invite from the helpdesk itself)",
    "helpdesk.error.noteLocale": "Choose a language from the list.",
    "helpdesk.writes.title": "Writes to the helpdesk",
    "helpdesk.writes.counts":
      "{done} done, {pending} waiting or retrying, {failed} failed, {stopped} stopped.",
    "helpdesk.writes.empty": "Nothing was written yet.",
    "helpdesk.writes.column.when": "When",
    "helpdesk.writes.column.event": "Event",
    "helpdesk.writes.column.ticket": "Ticket",
    "helpdesk.writes.column.state": "State",
    "helpdesk.writes.column.outcome": "Outcome",
    "helpdesk.writes.column.actions": "Actions",
    "helpdesk.writes.state.pending": "Waiting (attempts so far: {attempts})",
    "helpdesk.writes.state.done": "Done",
    "helpdesk.writes.state.failed": "Failed",
    "helpdesk.writes.state.stopped": "Stopped",
    "helpdesk.writes.resend": "Write again",
    "helpdesk.writes.resent":
      "Queued: it is written within seconds. A note already on the ticket is not written twice.",
    "helpdesk.note.sessionOpened.subject": "Remote session {code} opened",
    "helpdesk.note.sessionOpened.text":
      "{supporter} opened the TeamViewer remote session {code} for this ticket. It is valid until {validUntil} (UTC).",
    "helpdesk.note.sessionClosed.subject": "Remote session {code} closed",
    "helpdesk.note.sessionClosed.text": "The TeamViewer remote session {code} was closed.",
    "helpdesk.note.sessionExpired.subject": "Remote session {code} expired",
    "helpdesk.note.sessionExpired.text":
      "The TeamViewer remote session {code} expired at {validUntil} (UTC) without being closed.",
    "helpdesk.note.connection.subject": "TeamViewer connection {code}: {minutes} min",
    "helpdesk.note.connection.text":
      "Supporter: {supporter}\nDevice: {device}\nStart: {start} (UTC)\nEnd: {end} (UTC)\nDuration: {duration} min\nBillable minutes: {minutes} (added as worked time)\nBilling state: {billingState}\n{feedback}\n{notes}",
    "helpdesk.note.connectionUpdated.subject": "TeamViewer connection {code} updated",
    "helpdesk.note.connectionMoved.subject": "TeamViewer connection {code} moved to ticket {ticket}",
    "helpdesk.note.connectionMoved.text":
      "This connection now belongs to ticket {ticket}: its {minutes} min of worked time are taken back here and written there.",
    "helpdesk.note.connectionUpdated.text": "The connection report of {start} (UTC) changed:\n{changes}",
    "helpdesk.note.line.feedback": "Customer feedback: {rating}/5 {comment}",
    "helpdesk.note.line.notes": "Notes: {value}",
    "helpdesk.note.change.billable": "Billable minutes: {from} → {to} (worked time corrected by {delta})",
    "helpdesk.note.change.billingState": "Billing state: {from} → {to}",
    "helpdesk.note.change.notes": "Notes: {to}",
    "helpdesk.note.unknown": "unknown",
    "helpdesk.templates.title": "Wording of notes and the reply",
    "helpdesk.templates.intro":
      "Each note and the invitation's reply can be worded per language. Words in braces, such as {code}, are filled in when it is written. Notes use the language of the notes; the reply uses the language of the invitation.",
    "helpdesk.templates.column.event": "What is written",
    "helpdesk.templates.event.sessionCreated": "Note: session opened",
    "helpdesk.templates.event.sessionClosed": "Note: session closed",
    "helpdesk.templates.event.sessionExpired": "Note: session expired",
    "helpdesk.templates.event.connectionReported": "Note: connection",
    "helpdesk.templates.event.connectionUpdated": "Note: connection changed",
    "helpdesk.templates.event.invitationSent": "Public reply: invitation",
    "helpdesk.templates.custom": "Own wording",
    "helpdesk.templates.builtIn": "Built-in",
    "helpdesk.templates.editTitle": "{event} ({language})",
    "helpdesk.templates.back": "Back to the helpdesk connection",
    "helpdesk.templates.placeholders": "Placeholders you can use:",
    "helpdesk.templates.requiredPlaceholder": "(required)",
    "helpdesk.templates.subject": "Subject",
    "helpdesk.templates.body": "Text",
    "helpdesk.templates.preview": "Preview",
    "helpdesk.templates.previewTitle": "Preview with sample values",
    "helpdesk.templates.reset": "Reset to the built-in wording",
    "helpdesk.templates.saved": "Saved. Writes from now on use this wording.",
    "helpdesk.templates.resetDone": "Reset: writes use the built-in wording again.",
    "helpdesk.templates.problem.required": "Enter a text.",
    "helpdesk.templates.problem.tooLong": "Use at most {max} characters.",
    "helpdesk.templates.problem.lineBreak": "The subject is one line: remove the line break.",
    "helpdesk.templates.problem.unknownPlaceholder": "Unknown placeholder {names}: use only {allowed}.",
    "helpdesk.templates.problem.placeholderMissing":
      "Add {names}: without it the text is missing what it is for.",
    "helpdesk.reply.invitation.subject": "Your remote support session",
    "helpdesk.reply.invitation.text": "To join the remote support session, open this page:\n{joinUrl}",
  },
  de: {
    "nav.helpdesk": "Helpdesk",
    "helpdesk.title": "Helpdesk-Verbindung",
    "helpdesk.intro":
      "Verbinden Sie Ihr Helpdesk, damit Attendant dessen Tickets lesen und Sitzungen und Verbindungen dort eintragen kann. Attendant meldet sich mit dem Token eines Benutzers an der API des Helpdesks an, den Sie dafür anlegen.",
    "helpdesk.none": "Es ist kein Helpdesk verbunden.",
    "helpdesk.field.kind": "Helpdesk",
    "helpdesk.kind.request-tracker": "Request Tracker 5",
    "helpdesk.field.baseUrl": "Adresse",
    "helpdesk.field.baseUrlHint":
      "Die Webadresse des Helpdesks, zum Beispiel https://rt.example.com. Unverschlüsseltes http nur für diesen Rechner (localhost).",
    "helpdesk.field.token": "API-Token",
    "helpdesk.field.tokenNew":
      "In Request Tracker: als API-Benutzer anmelden, dann Angemeldet als → Einstellungen → Auth Tokens → Erstellen.",
    "helpdesk.field.tokenStored":
      "Ein Token ist gespeichert. Leer lassen, um es zu behalten, oder ein neues eingeben, um es zu ersetzen.",
    "helpdesk.field.sessionField": "Ticketfeld für den Sitzungscode",
    "helpdesk.field.sessionFieldHint":
      "Ein Freitext-Ticketfeld (Custom Field), das allen Queues zugeordnet ist, mit deren Tickets Attendant arbeitet.",
    "helpdesk.save": "Speichern und testen",
    "helpdesk.test": "Verbindung testen",
    "helpdesk.remove": "Verbindung entfernen",
    "helpdesk.saved": "Gespeichert.",
    "helpdesk.removed": "Die Helpdesk-Verbindung wurde entfernt.",
    "helpdesk.invalid": "Nichts wurde gespeichert: Bitte prüfen Sie die markierten Felder.",
    "helpdesk.check.heading": "Verbindungsprüfung",
    "helpdesk.check.never": "Noch nicht geprüft.",
    "helpdesk.check.at": "Geprüft am {when}.",
    "helpdesk.check.ok":
      "Die Verbindung funktioniert: Das Helpdesk nimmt das Token an, jede Queue hat das Ticketfeld, und der API-Benutzer darf kommentieren und antworten.",
    "helpdesk.check.version": "Helpdesk-Version: {version}.",
    "helpdesk.problem.unreachable":
      "Das Helpdesk ist nicht erreichbar ({detail}). Prüfen Sie die Adresse und ob das Helpdesk läuft.",
    "helpdesk.problem.badCredentials":
      "Das Helpdesk hat das Token abgelehnt. Erstellen Sie ein neues Token für den API-Benutzer und speichern Sie es hier.",
    "helpdesk.problem.noQueueVisible":
      "Der API-Benutzer sieht keine Queue. Geben Sie ihm SeeQueue und ShowTicket auf den Queues, mit deren Tickets Attendant arbeitet.",
    "helpdesk.problem.missingRights":
      "Dem API-Benutzer fehlen diese Rechte in {where}: {rights}. Vergeben Sie sie im Helpdesk.",
    "helpdesk.problem.missingField":
      "Das Ticketfeld „{field}“ fehlt in: {where}. Legen Sie es als Freitextfeld für diese Queues an, oder geben Sie den Namen eines vorhandenen Felds ein.",
    "helpdesk.problem.unexpected": "Das Helpdesk hat unerwartet geantwortet (HTTP {status}): {detail}",
    "helpdesk.error.kind": "Wählen Sie ein Helpdesk aus der Liste.",
    "helpdesk.error.url":
      "Geben Sie eine Webadresse ein, die mit https:// beginnt, ohne Benutzername, Passwort, Abfrage oder #Fragment.",
    "helpdesk.error.insecureUrl":
      "Verwenden Sie https: Das Token würde unverschlüsselt übertragen. Unverschlüsseltes http ist nur für diesen Rechner erlaubt (localhost, 127.0.0.1).",
    "helpdesk.error.token": "Das Token ist ein Wort aus 8 bis 500 Zeichen, ohne Leerzeichen.",
    "helpdesk.error.sessionField": "Ein Feldname hat höchstens 200 Zeichen und keine Zeilenumbrüche.",
    "helpdesk.field.noteLocale": "Sprache der Notizen",
    "helpdesk.writes.heading": "Was Attendant in Tickets schreibt",
    "helpdesk.field.writesSessionField":
      "Den Sitzungscode in das Ticketfeld, wenn eine Sitzung geöffnet wird",
    "helpdesk.field.writesSessionNotes":
      "Eine interne Notiz, wenn eine Sitzung geöffnet, geschlossen wird oder abläuft",
    "helpdesk.field.writesConnectionNotes":
      "Eine interne Notiz pro Verbindung (Supporter, Gerät, Zeiten, Bewertung, Notizen) mit den abrechenbaren Minuten als Arbeitszeit; Änderungen als Folgenotiz mit der Differenz",
    "helpdesk.field.writesInvitationReplies":
      "Eine öffentliche Antwort an den Anfragenden, nur mit der Adresse der Beitrittsseite, wenn eine Einladung per E-Mail versandt wird (aus, wenn Sie aus dem Helpdesk selbst einladen)",
    "helpdesk.error.noteLocale": "Wählen Sie eine Sprache aus der Liste.",
    "helpdesk.writes.title": "Schreibvorgänge ins Helpdesk",
    "helpdesk.writes.counts":
      "{done} erledigt, {pending} wartend oder in Wiederholung, {failed} fehlgeschlagen, {stopped} gestoppt.",
    "helpdesk.writes.empty": "Noch nichts geschrieben.",
    "helpdesk.writes.column.when": "Wann",
    "helpdesk.writes.column.event": "Ereignis",
    "helpdesk.writes.column.ticket": "Ticket",
    "helpdesk.writes.column.state": "Status",
    "helpdesk.writes.column.outcome": "Ergebnis",
    "helpdesk.writes.column.actions": "Aktionen",
    "helpdesk.writes.state.pending": "Wartend (bisherige Versuche: {attempts})",
    "helpdesk.writes.state.done": "Erledigt",
    "helpdesk.writes.state.failed": "Fehlgeschlagen",
    "helpdesk.writes.state.stopped": "Gestoppt",
    "helpdesk.writes.resend": "Erneut schreiben",
    "helpdesk.writes.resent":
      "Eingereiht: Wird in wenigen Sekunden geschrieben. Eine Notiz, die schon im Ticket steht, wird nicht doppelt geschrieben.",
    "helpdesk.note.sessionOpened.subject": "Fernwartungssitzung {code} geöffnet",
    "helpdesk.note.sessionOpened.text":
      "{supporter} hat für dieses Ticket die TeamViewer-Fernwartungssitzung {code} geöffnet. Sie ist gültig bis {validUntil} (UTC).",
    "helpdesk.note.sessionClosed.subject": "Fernwartungssitzung {code} geschlossen",
    "helpdesk.note.sessionClosed.text": "Die TeamViewer-Fernwartungssitzung {code} wurde geschlossen.",
    "helpdesk.note.sessionExpired.subject": "Fernwartungssitzung {code} abgelaufen",
    "helpdesk.note.sessionExpired.text":
      "Die TeamViewer-Fernwartungssitzung {code} ist am {validUntil} (UTC) abgelaufen, ohne geschlossen zu werden.",
    "helpdesk.note.connection.subject": "TeamViewer-Verbindung {code}: {minutes} Min.",
    "helpdesk.note.connection.text":
      "Supporter: {supporter}\nGerät: {device}\nBeginn: {start} (UTC)\nEnde: {end} (UTC)\nDauer: {duration} Min.\nAbrechenbare Minuten: {minutes} (als Arbeitszeit eingetragen)\nAbrechnungsstatus: {billingState}\n{feedback}\n{notes}",
    "helpdesk.note.connectionUpdated.subject": "TeamViewer-Verbindung {code} geändert",
    "helpdesk.note.connectionMoved.subject": "TeamViewer-Verbindung {code} zu Ticket {ticket} verschoben",
    "helpdesk.note.connectionMoved.text":
      "Diese Verbindung gehört jetzt zu Ticket {ticket}: ihre {minutes} Min. Arbeitszeit werden hier zurückgenommen und dort eingetragen.",
    "helpdesk.note.connectionUpdated.text":
      "Der Verbindungsbericht vom {start} (UTC) wurde geändert:\n{changes}",
    "helpdesk.note.line.feedback": "Bewertung des Kunden: {rating}/5 {comment}",
    "helpdesk.note.line.notes": "Notizen: {value}",
    "helpdesk.note.change.billable":
      "Abrechenbare Minuten: {from} → {to} (Arbeitszeit um {delta} korrigiert)",
    "helpdesk.note.change.billingState": "Abrechnungsstatus: {from} → {to}",
    "helpdesk.note.change.notes": "Notizen: {to}",
    "helpdesk.note.unknown": "unbekannt",
    "helpdesk.templates.title": "Wortlaut der Notizen und der Antwort",
    "helpdesk.templates.intro":
      "Jede Notiz und die Antwort auf eine Einladung lassen sich je Sprache formulieren. Wörter in geschweiften Klammern wie {code} werden beim Schreiben ersetzt. Notizen stehen in der Sprache der Notizen, die Antwort in der Sprache der Einladung.",
    "helpdesk.templates.column.event": "Was geschrieben wird",
    "helpdesk.templates.event.sessionCreated": "Notiz: Sitzung geöffnet",
    "helpdesk.templates.event.sessionClosed": "Notiz: Sitzung geschlossen",
    "helpdesk.templates.event.sessionExpired": "Notiz: Sitzung abgelaufen",
    "helpdesk.templates.event.connectionReported": "Notiz: Verbindung",
    "helpdesk.templates.event.connectionUpdated": "Notiz: Verbindung geändert",
    "helpdesk.templates.event.invitationSent": "Öffentliche Antwort: Einladung",
    "helpdesk.templates.custom": "Eigener Wortlaut",
    "helpdesk.templates.builtIn": "Vorgabe",
    "helpdesk.templates.editTitle": "{event} ({language})",
    "helpdesk.templates.back": "Zurück zur Helpdesk-Verbindung",
    "helpdesk.templates.placeholders": "Verfügbare Platzhalter:",
    "helpdesk.templates.requiredPlaceholder": "(erforderlich)",
    "helpdesk.templates.subject": "Betreff",
    "helpdesk.templates.body": "Text",
    "helpdesk.templates.preview": "Vorschau",
    "helpdesk.templates.previewTitle": "Vorschau mit Beispielwerten",
    "helpdesk.templates.reset": "Auf die Vorgabe zurücksetzen",
    "helpdesk.templates.saved": "Gespeichert. Ab jetzt wird dieser Wortlaut geschrieben.",
    "helpdesk.templates.resetDone": "Zurückgesetzt: Es wird wieder die Vorgabe geschrieben.",
    "helpdesk.templates.problem.required": "Geben Sie einen Text ein.",
    "helpdesk.templates.problem.tooLong": "Höchstens {max} Zeichen.",
    "helpdesk.templates.problem.lineBreak": "Der Betreff ist eine Zeile: Entfernen Sie den Zeilenumbruch.",
    "helpdesk.templates.problem.unknownPlaceholder":
      "Unbekannter Platzhalter {names}: Verwenden Sie nur {allowed}.",
    "helpdesk.templates.problem.placeholderMissing":
      "Fügen Sie {names} ein: Ohne fehlt dem Text, wofür er da ist.",
    "helpdesk.reply.invitation.subject": "Ihre Fernwartungssitzung",
    "helpdesk.reply.invitation.text":
      "Um an der Fernwartungssitzung teilzunehmen, öffnen Sie diese Seite:\n{joinUrl}",
  },
  ja: {
    "nav.helpdesk": "ヘルプデスク",
    "helpdesk.title": "ヘルプデスク連携",
    "helpdesk.intro":
      "ヘルプデスクを連携すると、Attendant がチケットを読み取り、セッションと接続の記録をチケットに書き戻します。Attendant は、この連携用に作成したユーザーのトークンでヘルプデスクの API にサインインします。",
    "helpdesk.none": "ヘルプデスクは連携されていません。",
    "helpdesk.field.kind": "ヘルプデスク",
    "helpdesk.kind.request-tracker": "Request Tracker 5",
    "helpdesk.field.baseUrl": "アドレス",
    "helpdesk.field.baseUrlHint":
      "ヘルプデスクの Web アドレス（例: https://rt.example.com）。暗号化されない http はこのマシン（localhost）に限り使用できます。",
    "helpdesk.field.token": "API トークン",
    "helpdesk.field.tokenNew":
      "Request Tracker で API ユーザーとしてサインインし、「ログイン中」→「設定」→「Auth Tokens」→「作成」を選びます。",
    "helpdesk.field.tokenStored":
      "トークンは保存済みです。そのままにするには空欄のまま、置き換えるには新しいトークンを入力してください。",
    "helpdesk.field.sessionField": "セッションコードを入れるチケット項目",
    "helpdesk.field.sessionFieldHint":
      "Attendant が扱うチケットのすべてのキューに適用された、自由入力のチケット項目（カスタムフィールド）。",
    "helpdesk.save": "保存してテスト",
    "helpdesk.test": "接続をテスト",
    "helpdesk.remove": "連携を解除",
    "helpdesk.saved": "保存しました。",
    "helpdesk.removed": "ヘルプデスク連携を解除しました。",
    "helpdesk.invalid": "保存されていません。印の付いた項目を確認してください。",
    "helpdesk.check.heading": "接続の確認",
    "helpdesk.check.never": "まだ確認していません。",
    "helpdesk.check.at": "{when}に確認しました。",
    "helpdesk.check.ok":
      "接続は正常です。ヘルプデスクはトークンを受け付け、すべてのキューにチケット項目があり、API ユーザーはコメントと返信ができます。",
    "helpdesk.check.version": "ヘルプデスクのバージョン: {version}",
    "helpdesk.problem.unreachable":
      "ヘルプデスクに接続できません（{detail}）。アドレスと、ヘルプデスクが動作しているかを確認してください。",
    "helpdesk.problem.badCredentials":
      "ヘルプデスクがトークンを拒否しました。API ユーザーの新しいトークンを作成し、ここに保存してください。",
    "helpdesk.problem.noQueueVisible":
      "API ユーザーはどのキューも参照できません。Attendant が扱うチケットのキューで SeeQueue と ShowTicket の権限を付与してください。",
    "helpdesk.problem.missingRights":
      "API ユーザーには {where} で次の権限がありません: {rights}。ヘルプデスクで付与してください。",
    "helpdesk.problem.missingField":
      "チケット項目「{field}」が次にありません: {where}。これらのキューに自由入力の項目として作成するか、既存の項目名を入力してください。",
    "helpdesk.problem.unexpected": "ヘルプデスクから予期しない応答がありました（HTTP {status}）: {detail}",
    "helpdesk.error.kind": "一覧からヘルプデスクを選んでください。",
    "helpdesk.error.url":
      "https:// で始まる Web アドレスを、ユーザー名・パスワード・クエリ・#フラグメントなしで入力してください。",
    "helpdesk.error.insecureUrl":
      "https を使用してください。トークンが暗号化されずに送られてしまいます。http はこのマシン（localhost、127.0.0.1）に限り使用できます。",
    "helpdesk.error.token": "トークンは空白を含まない 8〜500 文字の 1 語です。",
    "helpdesk.error.sessionField": "項目名は 200 文字以内で、改行を含められません。",
    "helpdesk.field.noteLocale": "メモの言語",
    "helpdesk.writes.heading": "Attendant がチケットに書き込む内容",
    "helpdesk.field.writesSessionField": "セッション開始時にセッションコードをチケット項目へ",
    "helpdesk.field.writesSessionNotes": "セッションの開始・終了・期限切れ時に内部メモ",
    "helpdesk.field.writesConnectionNotes":
      "接続ごとの内部メモ（担当者、デバイス、時刻、評価、メモ）と請求対象時間を作業時間として記録。変更は差分を記した追記メモとして書き込みます",
    "helpdesk.field.writesInvitationReplies":
      "招待メール送信時に、参加ページのアドレスだけを載せた公開返信を依頼者へ送る（ヘルプデスクから直接招待する場合はオフ）",
    "helpdesk.error.noteLocale": "一覧から言語を選んでください。",
    "helpdesk.writes.title": "ヘルプデスクへの書き込み",
    "helpdesk.writes.counts":
      "完了 {done} 件、待機・再試行中 {pending} 件、失敗 {failed} 件、停止 {stopped} 件。",
    "helpdesk.writes.empty": "まだ何も書き込んでいません。",
    "helpdesk.writes.column.when": "日時",
    "helpdesk.writes.column.event": "イベント",
    "helpdesk.writes.column.ticket": "チケット",
    "helpdesk.writes.column.state": "状態",
    "helpdesk.writes.column.outcome": "結果",
    "helpdesk.writes.column.actions": "操作",
    "helpdesk.writes.state.pending": "待機中（これまでの試行: {attempts} 回）",
    "helpdesk.writes.state.done": "完了",
    "helpdesk.writes.state.failed": "失敗",
    "helpdesk.writes.state.stopped": "停止",
    "helpdesk.writes.resend": "再度書き込む",
    "helpdesk.writes.resent":
      "登録しました。数秒以内に書き込まれます。チケットにすでにあるメモは二重に書き込まれません。",
    "helpdesk.note.sessionOpened.subject": "リモートセッション {code} を開始",
    "helpdesk.note.sessionOpened.text":
      "{supporter} がこのチケットの TeamViewer リモートセッション {code} を開始しました。有効期限は {validUntil}（UTC）です。",
    "helpdesk.note.sessionClosed.subject": "リモートセッション {code} を終了",
    "helpdesk.note.sessionClosed.text": "TeamViewer リモートセッション {code} を終了しました。",
    "helpdesk.note.sessionExpired.subject": "リモートセッション {code} の期限切れ",
    "helpdesk.note.sessionExpired.text":
      "TeamViewer リモートセッション {code} は終了されないまま {validUntil}（UTC）に期限切れになりました。",
    "helpdesk.note.connection.subject": "TeamViewer 接続 {code}: {minutes} 分",
    "helpdesk.note.connection.text":
      "サポート担当者: {supporter}\nデバイス: {device}\n開始: {start}（UTC）\n終了: {end}（UTC）\n所要時間: {duration} 分\n請求対象時間: {minutes} 分（作業時間として記録）\n請求状態: {billingState}\n{feedback}\n{notes}",
    "helpdesk.note.connectionUpdated.subject": "TeamViewer 接続 {code} の更新",
    "helpdesk.note.connectionMoved.subject": "TeamViewer 接続 {code} をチケット {ticket} へ移動",
    "helpdesk.note.connectionMoved.text":
      "この接続はチケット {ticket} に移されました。作業時間 {minutes} 分をここで取り消し、移動先に記録します。",
    "helpdesk.note.connectionUpdated.text": "{start}（UTC）の接続レポートが変更されました:\n{changes}",
    "helpdesk.note.line.feedback": "お客様の評価: {rating}/5 {comment}",
    "helpdesk.note.line.notes": "メモ: {value}",
    "helpdesk.note.change.billable": "請求対象時間: {from} → {to}（作業時間を {delta} 分修正）",
    "helpdesk.note.change.billingState": "請求状態: {from} → {to}",
    "helpdesk.note.change.notes": "メモ: {to}",
    "helpdesk.note.unknown": "不明",
    "helpdesk.templates.title": "メモと返信の文面",
    "helpdesk.templates.intro":
      "各メモと招待への返信は言語ごとに文面を変えられます。{code} のような波かっこ内の語は書き込み時に置き換えられます。メモはメモの言語、返信は招待の言語で書かれます。",
    "helpdesk.templates.column.event": "書き込む内容",
    "helpdesk.templates.event.sessionCreated": "メモ: セッション開始",
    "helpdesk.templates.event.sessionClosed": "メモ: セッション終了",
    "helpdesk.templates.event.sessionExpired": "メモ: セッション期限切れ",
    "helpdesk.templates.event.connectionReported": "メモ: 接続",
    "helpdesk.templates.event.connectionUpdated": "メモ: 接続の変更",
    "helpdesk.templates.event.invitationSent": "公開返信: 招待",
    "helpdesk.templates.custom": "独自の文面",
    "helpdesk.templates.builtIn": "既定",
    "helpdesk.templates.editTitle": "{event}（{language}）",
    "helpdesk.templates.back": "ヘルプデスク連携に戻る",
    "helpdesk.templates.placeholders": "使えるプレースホルダー:",
    "helpdesk.templates.requiredPlaceholder": "（必須）",
    "helpdesk.templates.subject": "件名",
    "helpdesk.templates.body": "本文",
    "helpdesk.templates.preview": "プレビュー",
    "helpdesk.templates.previewTitle": "サンプル値でのプレビュー",
    "helpdesk.templates.reset": "既定の文面に戻す",
    "helpdesk.templates.saved": "保存しました。今後の書き込みはこの文面を使います。",
    "helpdesk.templates.resetDone": "既定の文面に戻しました。",
    "helpdesk.templates.problem.required": "文面を入力してください。",
    "helpdesk.templates.problem.tooLong": "{max} 文字以内にしてください。",
    "helpdesk.templates.problem.lineBreak": "件名は 1 行です。改行を削除してください。",
    "helpdesk.templates.problem.unknownPlaceholder":
      "不明なプレースホルダー {names}: 使えるのは {allowed} だけです。",
    "helpdesk.templates.problem.placeholderMissing":
      "{names} を入れてください。ないと文面の目的を果たせません。",
    "helpdesk.reply.invitation.subject": "リモートサポートセッションのご案内",
    "helpdesk.reply.invitation.text":
      "リモートサポートセッションに参加するには、次のページを開いてください:\n{joinUrl}",
  },
} satisfies Catalogs;
