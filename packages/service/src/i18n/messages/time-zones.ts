import type { Catalogs } from "./catalog-types.js";

/**
 * Time zones (issue 25): the organisation's zone on the brand settings page, a user's own on
 * their profile (src/web/time-zone-field.tsx), and the join page's line for customers.
 */
export const timeZones = {
  en: {
    "timeZone.label": "Time zone",
    "timeZone.organisationHint":
      "Times on every page, in exports and in invitation e-mails are shown in this zone, unless a person chooses their own on their profile.",
    "timeZone.profileHint":
      "Every time on your pages and in your exports is shown in this zone, and says which.",
    "timeZone.followOrganisation": "The organisation's ({timeZone})",
    "timeZone.error.required": "Choose a time zone from the list.",
    "timeZone.error.unknown":
      "This is not a time zone we know. Choose one from the list: an IANA name such as Europe/Berlin, Asia/Tokyo or UTC.",
  },
  de: {
    "timeZone.label": "Zeitzone",
    "timeZone.organisationHint":
      "Zeiten auf allen Seiten, in Exporten und in Einladungs-E-Mails werden in dieser Zone angezeigt, sofern jemand im eigenen Profil keine andere wählt.",
    "timeZone.profileHint":
      "Alle Zeiten auf Ihren Seiten und in Ihren Exporten werden in dieser Zone angezeigt, mit ihrem Namen.",
    "timeZone.followOrganisation": "Die der Organisation ({timeZone})",
    "timeZone.error.required": "Wählen Sie eine Zeitzone aus der Liste.",
    "timeZone.error.unknown":
      "Diese Zeitzone ist uns nicht bekannt. Wählen Sie eine aus der Liste: einen IANA-Namen wie Europe/Berlin, Asia/Tokyo oder UTC.",
  },
  ja: {
    "timeZone.label": "タイムゾーン",
    "timeZone.organisationHint":
      "すべてのページ、エクスポート、招待メールの時刻はこのタイムゾーンで表示されます（各自がプロフィールで別のタイムゾーンを選んだ場合を除く）。",
    "timeZone.profileHint":
      "あなたのページとエクスポートの時刻はすべてこのタイムゾーンで、その名前とともに表示されます。",
    "timeZone.followOrganisation": "組織のタイムゾーン（{timeZone}）",
    "timeZone.error.required": "一覧からタイムゾーンを選んでください。",
    "timeZone.error.unknown":
      "このタイムゾーンは認識できません。一覧から選んでください（Europe/Berlin、Asia/Tokyo、UTC などの IANA 名）。",
  },
} satisfies Catalogs;
