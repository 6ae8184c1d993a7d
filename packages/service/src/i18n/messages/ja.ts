import type { MessageKey } from "./en.js";

export const ja: Record<MessageKey, string> = {
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
};
