import type { Catalogs } from "./catalog-types.js";

/**
 * The end customer's join page (issue 5, "The end customer"): short, friendly, for someone who
 * may never have heard of TeamViewer. Japanese uses polite forms (です・ます, お客様).
 */
export const join = {
  en: {
    "join.brand": "Remote support",
    "join.open.title": "Remote support is ready for you",
    "join.open.who": "{supporterName} from {organisationName} will help you.",
    "join.open.whoTeam": "The support team of {organisationName} will help you.",
    "join.open.join": "Join",
    "join.open.stepsTitle": "What will happen",
    "join.open.step1": "Press Join. TeamViewer QuickSupport opens, or its download starts.",
    "join.open.step2": "Start QuickSupport and wait a moment: your supporter is told that you are there.",
    "join.open.step3":
      "Your supporter connects and can see your screen. You can follow everything and end the connection at any time.",
    "join.open.quickSupportTitle": "Getting QuickSupport",
    "join.open.quickSupportText":
      "QuickSupport is TeamViewer's small app for receiving help. If it is not on your device yet, the Join button offers it for download: open the downloaded file. It needs no installation and no account. If you already have TeamViewer, that works too.",
    "join.open.validUntil": "This invitation is valid until {validUntil}.",
    "join.expired.title": "This invitation has expired",
    "join.expired.text":
      "The time to join this support session is over. Please ask {organisationName} for a new invitation.",
    "join.closed.title": "This support session has ended",
    "join.closed.text":
      "Your supporter has closed this session. If you still need help, please contact {organisationName} again.",
    "join.unknown.title": "This link does not work",
    "join.unknown.text":
      "Please check that you opened the complete address from your invitation. Each new invitation replaces the previous one, so use the most recent. If it still does not work, ask your support contact for a new invitation.",
    "join.throttled": "Too many attempts. Please wait a few minutes and try again.",
    "join.withdrawn.title": "This link is no longer valid",
    "join.withdrawn.text":
      "This support invitation has been withdrawn and can no longer be used. If you still need help, please ask your support contact for a new invitation.",
  },
  de: {
    "join.brand": "Fernwartung",
    "join.open.title": "Ihre Fernwartung ist bereit",
    "join.open.who": "{supporterName} von {organisationName} hilft Ihnen.",
    "join.open.whoTeam": "Das Support-Team von {organisationName} hilft Ihnen.",
    "join.open.join": "Teilnehmen",
    "join.open.stepsTitle": "So geht es weiter",
    "join.open.step1":
      "Klicken Sie auf „Teilnehmen“. TeamViewer QuickSupport öffnet sich, oder der Download beginnt.",
    "join.open.step2":
      "Starten Sie QuickSupport und warten Sie einen Moment: Ihr Supporter erfährt, dass Sie bereit sind.",
    "join.open.step3":
      "Ihr Supporter verbindet sich und sieht Ihren Bildschirm. Sie können alles mitverfolgen und die Verbindung jederzeit beenden.",
    "join.open.quickSupportTitle": "QuickSupport erhalten",
    "join.open.quickSupportText":
      "QuickSupport ist die kleine App von TeamViewer, über die Sie Hilfe erhalten. Ist sie noch nicht auf Ihrem Gerät, bietet der Button „Teilnehmen“ sie zum Download an: Öffnen Sie die heruntergeladene Datei. Eine Installation oder ein Konto ist nicht nötig. Ein bereits installiertes TeamViewer funktioniert ebenfalls.",
    "join.open.validUntil": "Diese Einladung gilt bis {validUntil}.",
    "join.expired.title": "Diese Einladung ist abgelaufen",
    "join.expired.text":
      "Die Zeit zum Beitreten ist vorbei. Bitten Sie {organisationName} um eine neue Einladung.",
    "join.closed.title": "Diese Support-Sitzung ist beendet",
    "join.closed.text":
      "Ihr Supporter hat die Sitzung geschlossen. Wenn Sie weiterhin Hilfe brauchen, wenden Sie sich bitte erneut an {organisationName}.",
    "join.unknown.title": "Dieser Link funktioniert nicht",
    "join.unknown.text":
      "Bitte prüfen Sie, ob Sie die vollständige Adresse aus Ihrer Einladung geöffnet haben. Jede neue Einladung ersetzt die vorherige, verwenden Sie also die neueste. Funktioniert es weiterhin nicht, bitten Sie Ihren Support-Kontakt um eine neue Einladung.",
    "join.throttled": "Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.",
    "join.withdrawn.title": "Dieser Link ist nicht mehr gültig",
    "join.withdrawn.text":
      "Diese Einladung zur Fernwartung wurde zurückgezogen und kann nicht mehr verwendet werden. Wenn Sie weiterhin Hilfe brauchen, bitten Sie Ihren Support-Kontakt um eine neue Einladung.",
  },
  ja: {
    "join.brand": "リモートサポート",
    "join.open.title": "リモートサポートの準備ができました",
    "join.open.who": "{organisationName} の {supporterName} がサポートいたします。",
    "join.open.whoTeam": "{organisationName} のサポートチームがサポートいたします。",
    "join.open.join": "参加する",
    "join.open.stepsTitle": "これからの流れ",
    "join.open.step1":
      "「参加する」を押してください。TeamViewer QuickSupport が起動するか、ダウンロードが始まります。",
    "join.open.step2":
      "QuickSupport を起動して、そのままお待ちください。担当者にお客様の準備ができたことが通知されます。",
    "join.open.step3":
      "担当者が接続し、お客様の画面を確認します。操作はすべてご覧いただけ、いつでも接続を終了できます。",
    "join.open.quickSupportTitle": "QuickSupport の入手方法",
    "join.open.quickSupportText":
      "QuickSupport は、サポートを受けるための TeamViewer の小さなアプリです。お使いの端末にまだない場合は、「参加する」ボタンからダウンロードできますので、ダウンロードしたファイルを開いてください。インストールやアカウントは不要です。TeamViewer をすでにお持ちの場合は、そちらもご利用いただけます。",
    "join.open.validUntil": "この招待の有効期限は {validUntil} です。",
    "join.expired.title": "この招待は有効期限が切れています",
    "join.expired.text":
      "このサポートセッションへの参加期限が過ぎました。お手数ですが、{organisationName} に新しい招待をご依頼ください。",
    "join.closed.title": "このサポートセッションは終了しました",
    "join.closed.text":
      "担当者がこのセッションを終了しました。引き続きサポートが必要な場合は、もう一度 {organisationName} にお問い合わせください。",
    "join.unknown.title": "このリンクはご利用いただけません",
    "join.unknown.text":
      "招待に記載されたアドレスを最後まで正しく開いているかご確認ください。新しい招待が届くと以前の招待は無効になりますので、最新のものをご利用ください。それでも開けない場合は、サポート窓口に新しい招待をご依頼ください。",
    "join.throttled": "試行回数が多すぎます。数分待ってから、もう一度お試しください。",
    "join.withdrawn.title": "このリンクは無効になりました",
    "join.withdrawn.text":
      "このリモートサポートの招待は取り消されたため、ご利用いただけません。引き続きサポートが必要な場合は、サポート窓口に新しい招待をご依頼ください。",
  },
} as const satisfies Catalogs;
