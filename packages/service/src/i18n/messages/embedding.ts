import type { Catalogs } from "./catalog-types.js";

/**
 * The ticket widget a helpdesk shows in its sidebar (issue 23): the shell's own lines (loading,
 * scripts off, sign-in run out) and the panel's headings and notices. The panel's forms reuse
 * the session pages' field labels, so a supporter reads the same words in both places.
 */
export const embedding = {
  en: {
    "embed.shell.title": "Remote support",
    "embed.shell.loading": "Loading the ticket's remote support…",
    "embed.shell.noscript":
      "This panel needs JavaScript: it signs you in through a script, because browsers block cookies inside a helpdesk's frame.",
    "embed.shell.noToken":
      "This panel was opened without its sign-in. Open the ticket again in your helpdesk.",
    "embed.shell.expired":
      "This panel's sign-in has run out (after 30 minutes without use, or 8 hours). Reload the ticket in your helpdesk to continue.",
    "embed.shell.failed": "The panel could not be loaded. Check your connection, then reload the ticket.",
    "embed.refused.noToken":
      "This address belongs to the ticket widget in your helpdesk and answers only the widget, which sends its sign-in in the X-Attendant-Embed header. Open the ticket in your helpdesk.",
    "embed.panel.sessions": "Remote sessions",
    "embed.panel.noSessions": "No remote session for this ticket yet.",
    "embed.panel.session": "Session {code}",
    "embed.panel.start": "Start remote session",
    "embed.panel.connectHint":
      "TeamViewer opens in a window of its own; this panel updates itself once you are back.",
    "embed.panel.popupOpened": "Connect TeamViewer in the window that opened.",
    "embed.panel.popupLink": "No window? Open it here.",
    "embed.panel.closeConfirm": "Close this session? The customer can then no longer join.",
    "embed.panel.closeYes": "Yes, close the session",
    "embed.panel.reports": "Connections",
    "embed.panel.report": "{start} · {duration} · billable: {billable}",
    "demo.helpdesk.title": "Demo helpdesk · Ticket {id}",
    "demo.helpdesk.intro":
      "This page stands in for your helpdesk's ticket page (demo mode only). The panel below is Attendant's ticket widget, framed exactly as a helpdesk frames it: start a session, invite the customer and watch them arrive. docs/embedding.md shows how to add it to a real helpdesk.",
    "demo.helpdesk.requester": "Requester",
    "demo.helpdesk.widgetTitle": "Attendant remote support for ticket {id}",
  },
  de: {
    "embed.shell.title": "Fernwartung",
    "embed.shell.loading": "Die Fernwartung dieses Tickets wird geladen …",
    "embed.shell.noscript":
      "Dieser Bereich braucht JavaScript: Er meldet Sie per Skript an, weil Browser Cookies im Rahmen eines Helpdesks blockieren.",
    "embed.shell.noToken":
      "Dieser Bereich wurde ohne seine Anmeldung geöffnet. Öffnen Sie das Ticket in Ihrem Helpdesk erneut.",
    "embed.shell.expired":
      "Die Anmeldung dieses Bereichs ist abgelaufen (nach 30 Minuten ohne Nutzung oder nach 8 Stunden). Laden Sie das Ticket in Ihrem Helpdesk neu, um weiterzuarbeiten.",
    "embed.shell.failed":
      "Der Bereich konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie das Ticket neu.",
    "embed.refused.noToken":
      "Diese Adresse gehört zum Ticket-Widget in Ihrem Helpdesk und antwortet nur dem Widget, das seine Anmeldung im Header X-Attendant-Embed mitschickt. Öffnen Sie das Ticket in Ihrem Helpdesk.",
    "embed.panel.sessions": "Fernwartungssitzungen",
    "embed.panel.noSessions": "Für dieses Ticket gibt es noch keine Fernwartungssitzung.",
    "embed.panel.session": "Sitzung {code}",
    "embed.panel.start": "Fernwartung starten",
    "embed.panel.connectHint":
      "TeamViewer öffnet sich in einem eigenen Fenster; dieser Bereich aktualisiert sich, sobald Sie zurück sind.",
    "embed.panel.popupOpened": "Verbinden Sie TeamViewer im geöffneten Fenster.",
    "embed.panel.popupLink": "Kein Fenster? Hier öffnen.",
    "embed.panel.closeConfirm": "Diese Sitzung schließen? Der Kunde kann dann nicht mehr teilnehmen.",
    "embed.panel.closeYes": "Ja, Sitzung schließen",
    "embed.panel.reports": "Verbindungen",
    "embed.panel.report": "{start} · {duration} · abrechenbar: {billable}",
    "demo.helpdesk.title": "Demo-Helpdesk · Ticket {id}",
    "demo.helpdesk.intro":
      "Diese Seite steht für die Ticketseite Ihres Helpdesks (nur im Demomodus). Darunter sehen Sie Attendants Ticket-Widget, eingebettet wie in einem Helpdesk: Starten Sie eine Sitzung, laden Sie den Kunden ein und sehen Sie ihn ankommen. docs/embedding.md zeigt, wie Sie es in ein echtes Helpdesk einbauen.",
    "demo.helpdesk.requester": "Anfragende Person",
    "demo.helpdesk.widgetTitle": "Attendant-Fernwartung für Ticket {id}",
  },
  ja: {
    "embed.shell.title": "リモートサポート",
    "embed.shell.loading": "このチケットのリモートサポートを読み込んでいます…",
    "embed.shell.noscript":
      "このパネルには JavaScript が必要です。ヘルプデスクのフレーム内ではブラウザーが Cookie をブロックするため、スクリプトでサインインします。",
    "embed.shell.noToken":
      "このパネルはサインイン情報なしで開かれました。ヘルプデスクでチケットを開き直してください。",
    "embed.shell.expired":
      "このパネルのサインインの有効期限が切れました（30 分間操作がないか、8 時間経過）。続けるにはヘルプデスクでチケットを再読み込みしてください。",
    "embed.shell.failed":
      "パネルを読み込めませんでした。接続を確認してから、チケットを再読み込みしてください。",
    "embed.refused.noToken":
      "このアドレスはヘルプデスクのチケットウィジェット専用で、X-Attendant-Embed ヘッダーでサインイン情報を送るウィジェットにのみ応答します。ヘルプデスクでチケットを開いてください。",
    "embed.panel.sessions": "リモートセッション",
    "embed.panel.noSessions": "このチケットにはまだリモートセッションがありません。",
    "embed.panel.session": "セッション {code}",
    "embed.panel.start": "リモートセッションを開始",
    "embed.panel.connectHint":
      "TeamViewer は別ウィンドウで開きます。戻ると、このパネルは自動で更新されます。",
    "embed.panel.popupOpened": "開いたウィンドウで TeamViewer を接続してください。",
    "embed.panel.popupLink": "ウィンドウが開かない場合は、こちらから開いてください。",
    "embed.panel.closeConfirm": "このセッションを終了しますか？ お客様は参加できなくなります。",
    "embed.panel.closeYes": "はい、終了します",
    "embed.panel.reports": "接続",
    "embed.panel.report": "{start} · {duration} · 請求対象: {billable}",
    "demo.helpdesk.title": "デモ ヘルプデスク · チケット {id}",
    "demo.helpdesk.intro":
      "このページはヘルプデスクのチケットページの代わりです（デモモードのみ）。下の枠は、ヘルプデスクと同じ方法で埋め込まれた Attendant のチケット ウィジェットです。セッションを開始し、お客様を招待し、参加を確認できます。実際のヘルプデスクへの追加方法は docs/embedding.md を参照してください。",
    "demo.helpdesk.requester": "依頼者",
    "demo.helpdesk.widgetTitle": "チケット {id} の Attendant リモートサポート",
  },
} satisfies Catalogs;
