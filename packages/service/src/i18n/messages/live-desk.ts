import type { Catalogs } from "./catalog-types.js";

/**
 * The live desk (issue 24): the waiting-customers queue, its navigation badge, the wait shown on
 * a session page, refusals of the browser event stream, and the end customer's status line on
 * the join page (kept plain, for someone who may never have heard of TeamViewer).
 */
export const liveDesk = {
  en: {
    "nav.waiting": "Waiting",
    "liveDesk.badge.one": "{count} customer waiting",
    "liveDesk.badge.other": "{count} customers waiting",
    "liveDesk.card.title": "Customers waiting",
    "liveDesk.card.empty": "Nobody is waiting right now.",
    "liveDesk.card.since": "waiting since {time}",
    "liveDesk.card.sinceUnknown": "waiting",
    "liveDesk.card.minutes": "{minutes} min",
    "liveDesk.session.waitingSince": "Customer waiting since {time} ({minutes} min)",
    "liveDesk.alerts.switchOn": "Alert me when a customer waits (notification and tone)",
    "liveDesk.alerts.switchOff": "Waiting alerts are on: switch off",
    "liveDesk.alerts.title": "A customer is waiting",
    "liveDesk.stream.badSession":
      "A session id is a UUID, as in /sessions/<id>. Open the session from /sessions and use the id from its address.",
    "liveDesk.stream.unknownSession":
      "No session with this id is visible to you. Open it from /sessions to check the id.",
    "liveDesk.stream.tooMany":
      "Too many live pages are open for you ({max} at most). Close some tabs, then reload this one.",
    "join.status.ready":
      "Press Join and start QuickSupport: your technician is then told that you are there.",
    "join.status.waiting": "Your technician knows that you are there. Please wait a moment for them.",
    "join.status.ended": "This support session has ended.",
    "nav.sessionPolicy": "Session rules",
    "sessionPolicy.title": "Session rules",
    "sessionPolicy.intro":
      "A session expires when its validity ends; Attendant then shows it as expired and tells webhooks and the helpdesk. TeamViewer keeps it open in your supporters' session lists until someone closes it.",
    "sessionPolicy.closeExpired": "Close sessions at TeamViewer when they expire",
    "sessionPolicy.closeExpiredHint":
      "Checked every 5 minutes, as the supporter who created the session. A close TeamViewer refuses is tried again for a week.",
    "sessionPolicy.saved": "Saved.",
    "sessionPolicy.invalid": "Tick the box or leave it empty; nothing else is accepted. Nothing was changed.",
  },
  de: {
    "nav.waiting": "Wartend",
    "liveDesk.badge.one": "{count} Kunde wartet",
    "liveDesk.badge.other": "{count} Kunden warten",
    "liveDesk.card.title": "Wartende Kunden",
    "liveDesk.card.empty": "Gerade wartet niemand.",
    "liveDesk.card.since": "wartet seit {time}",
    "liveDesk.card.sinceUnknown": "wartet",
    "liveDesk.card.minutes": "{minutes} Min.",
    "liveDesk.session.waitingSince": "Kunde wartet seit {time} ({minutes} Min.)",
    "liveDesk.alerts.switchOn": "Benachrichtigen, wenn ein Kunde wartet (Mitteilung und Ton)",
    "liveDesk.alerts.switchOff": "Warte-Hinweise sind an: ausschalten",
    "liveDesk.alerts.title": "Ein Kunde wartet",
    "liveDesk.stream.badSession":
      "Eine Sitzungs-ID ist eine UUID, wie in /sessions/<id>. Öffnen Sie die Sitzung über /sessions und verwenden Sie die ID aus ihrer Adresse.",
    "liveDesk.stream.unknownSession":
      "Keine für Sie sichtbare Sitzung hat diese ID. Öffnen Sie sie über /sessions, um die ID zu prüfen.",
    "liveDesk.stream.tooMany":
      "Sie haben zu viele Live-Seiten geöffnet (höchstens {max}). Schließen Sie einige Tabs und laden Sie diese Seite neu.",
    "join.status.ready":
      "Klicken Sie auf Teilnehmen und starten Sie QuickSupport: Ihr Techniker erfährt dann, dass Sie da sind.",
    "join.status.waiting": "Ihr Techniker weiß, dass Sie da sind. Bitte warten Sie einen Moment auf ihn.",
    "join.status.ended": "Diese Support-Sitzung ist beendet.",
    "nav.sessionPolicy": "Sitzungsregeln",
    "sessionPolicy.title": "Sitzungsregeln",
    "sessionPolicy.intro":
      "Eine Sitzung läuft ab, wenn ihre Gültigkeit endet; Attendant zeigt sie dann als abgelaufen und meldet das an Webhooks und den Helpdesk. TeamViewer lässt sie in den Sitzungslisten Ihrer Supporter offen, bis jemand sie schließt.",
    "sessionPolicy.closeExpired": "Sitzungen bei TeamViewer schließen, wenn sie ablaufen",
    "sessionPolicy.closeExpiredHint":
      "Alle 5 Minuten geprüft, im Namen des Supporters, der die Sitzung angelegt hat. Lehnt TeamViewer das Schließen ab, wird es eine Woche lang erneut versucht.",
    "sessionPolicy.saved": "Gespeichert.",
    "sessionPolicy.invalid":
      "Setzen Sie das Häkchen oder lassen Sie das Feld leer; anderes wird nicht angenommen. Nichts wurde geändert.",
  },
  ja: {
    "nav.waiting": "待機中",
    "liveDesk.badge.one": "{count} 人のお客様がお待ちです",
    "liveDesk.badge.other": "{count} 人のお客様がお待ちです",
    "liveDesk.card.title": "お待ちのお客様",
    "liveDesk.card.empty": "現在お待ちのお客様はいません。",
    "liveDesk.card.since": "{time}からお待ち",
    "liveDesk.card.sinceUnknown": "お待ち",
    "liveDesk.card.minutes": "{minutes} 分",
    "liveDesk.session.waitingSince": "お客様は {time}からお待ちです（{minutes} 分）",
    "liveDesk.alerts.switchOn": "お客様が待機したら知らせる（通知と音）",
    "liveDesk.alerts.switchOff": "待機のお知らせはオンです：オフにする",
    "liveDesk.alerts.title": "お客様がお待ちです",
    "liveDesk.stream.badSession":
      "セッション ID は /sessions/<id> のような UUID です。/sessions からセッションを開き、そのアドレスの ID をお使いください。",
    "liveDesk.stream.unknownSession":
      "この ID のセッションは表示できません。/sessions から開いて ID をご確認ください。",
    "liveDesk.stream.tooMany":
      "ライブ表示のページを開きすぎています（最大 {max}）。いくつかのタブを閉じてから、このページを再読み込みしてください。",
    "join.status.ready":
      "「参加」を押して QuickSupport を起動してください。起動すると、担当者にお客様の準備ができたことが伝わります。",
    "join.status.waiting": "担当者はお客様の準備ができたことを把握しています。少々お待ちください。",
    "join.status.ended": "このサポートセッションは終了しました。",
    "nav.sessionPolicy": "セッションのルール",
    "sessionPolicy.title": "セッションのルール",
    "sessionPolicy.intro":
      "セッションは有効期限が切れると期限切れになります。Attendant は期限切れと表示し、Webhook とヘルプデスクに通知します。TeamViewer では、誰かが閉じるまでサポート担当者のセッション一覧に開いたまま残ります。",
    "sessionPolicy.closeExpired": "期限切れのセッションを TeamViewer で閉じる",
    "sessionPolicy.closeExpiredHint":
      "5 分ごとに、セッションを作成したサポート担当者として確認します。TeamViewer が拒否した場合は 1 週間再試行します。",
    "sessionPolicy.saved": "保存しました。",
    "sessionPolicy.invalid":
      "チェックを入れるか空のままにしてください。それ以外は受け付けません。何も変更していません。",
  },
} as const satisfies Catalogs;
