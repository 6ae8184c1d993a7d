import type { Catalogs } from "./catalog-types.js";

/** Messages shared by every page: the app name, navigation, buttons, banners and errors. */
export const common = {
  en: {
    "app.name": "Attendant",
    "common.language": "Language",
    "common.save": "Save",
    "common.cancel": "Cancel",
    "common.back": "Back",
    "common.signOut": "Sign out",
    "common.required": "This field is required.",
    "nav.home": "Home",
    "nav.connection": "TeamViewer connection",
    "nav.settings": "Settings",
    "nav.users": "Users",
    "nav.health": "Health",
    "nav.audit": "Audit log",
    "demo.banner":
      "Demo mode: Attendant is talking to the built-in TeamViewer simulator, not to TeamViewer. To use the real TeamViewer, register an app in the Management Console and enter its client ID and secret under Settings.",
    "error.generic":
      "Something went wrong. Please try again; if it keeps happening, give your administrator this reference: {requestId}",
    "error.notFound": "This page does not exist.",
    "error.forbidden": "You do not have permission to do this.",
  },
  de: {
    "app.name": "Attendant",
    "common.language": "Sprache",
    "common.save": "Speichern",
    "common.cancel": "Abbrechen",
    "common.back": "Zurück",
    "common.signOut": "Abmelden",
    "common.required": "Dieses Feld ist erforderlich.",
    "nav.home": "Start",
    "nav.connection": "TeamViewer-Verbindung",
    "nav.settings": "Einstellungen",
    "nav.users": "Benutzer",
    "nav.health": "Status",
    "nav.audit": "Audit-Protokoll",
    "demo.banner":
      "Demo-Modus: Attendant spricht mit dem eingebauten TeamViewer-Simulator, nicht mit TeamViewer. Um das echte TeamViewer zu nutzen, registrieren Sie eine App in der Management Console und tragen Sie deren Client-ID und Secret unter Einstellungen ein.",
    "error.generic":
      "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut; wenn es wieder passiert, nennen Sie Ihrer Administration diese Referenz: {requestId}",
    "error.notFound": "Diese Seite gibt es nicht.",
    "error.forbidden": "Dazu fehlt Ihnen die Berechtigung.",
  },
  ja: {
    "app.name": "Attendant",
    "common.language": "言語",
    "common.save": "保存",
    "common.cancel": "キャンセル",
    "common.back": "戻る",
    "common.signOut": "ログアウト",
    "common.required": "この項目は必須です。",
    "nav.home": "ホーム",
    "nav.connection": "TeamViewer 接続",
    "nav.settings": "設定",
    "nav.users": "ユーザー",
    "nav.health": "状態",
    "nav.audit": "監査ログ",
    "demo.banner":
      "デモモード：Attendant は TeamViewer ではなく、内蔵の TeamViewer シミュレーターと通信しています。実際の TeamViewer を使うには、Management Console でアプリを登録し、そのクライアント ID とシークレットを「設定」に入力してください。",
    "error.generic":
      "問題が発生しました。もう一度お試しください。繰り返し発生する場合は、管理者にこの参照番号を伝えてください：{requestId}",
    "error.notFound": "このページは存在しません。",
    "error.forbidden": "この操作を行う権限がありません。",
  },
} as const satisfies Catalogs;
