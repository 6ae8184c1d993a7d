import type { Catalogs } from "./catalog-types.js";

/**
 * The organisation's brand (issue 25): the admins' settings page, and the contact lines the
 * join page and the invitation e-mail show to customers.
 */
export const brand = {
  en: {
    "nav.brand": "Brand",
    "brand.title": "What customers see",
    "brand.intro":
      "The join page and the invitation e-mails show this name, logo, colour and contact to your customers instead of Attendant's.",
    "brand.saved": "Saved. Customers see the new brand from now on.",
    "brand.displayName": "Name shown to customers",
    "brand.displayNameHint": "Leave empty to show the organisation's name, {organisationName}.",
    "brand.logo": "Logo",
    "brand.logoHint":
      "PNG, JPEG or WebP, at most 256 KB and 1024 × 1024 pixels. SVG is not accepted: it can carry script.",
    "brand.logoCurrent": "Current logo",
    "brand.logoRemove": "Remove the logo",
    "brand.accentColour": "Accent colour",
    "brand.accentColourHint":
      "As #rrggbb, for example #0a5bd3. Buttons show white text on it, so it must be dark enough.",
    "brand.supportPhone": "Support phone",
    "brand.supportEmail": "Support e-mail",
    "brand.supportUrl": "Support web page",
    "brand.legalUrl": "Legal notice / imprint",
    "brand.httpsHint": "An https:// address.",
    "brand.supporterNameMode": "The supporter's name shown to customers",
    "brand.supporterNameMode.full": "Full name (Kenji Sato)",
    "brand.supporterNameMode.first":
      "The first word of the name only (Kenji from Kenji Sato, 佐藤 from 佐藤 健二)",
    "brand.supporterNameMode.none": "No name (the support team)",
    "brand.defaultLocale": "Language for customers",
    "brand.defaultLocaleHint":
      "Used for new invitations and on the join page when neither the invitation nor the browser says otherwise.",
    "brand.save": "Save",
    "brand.error.tooLong": "At most {max} characters.",
    "brand.error.url":
      "This is not a web address. Write it in full, for example https://example.com/support.",
    "brand.error.httpsOnly": "Only https:// addresses are shown to customers. Use the https:// address.",
    "brand.error.controlCharacters": "Remove the line breaks and other control characters.",
    "brand.error.colour": "Write the colour as # and six hex digits, for example #0a5bd3.",
    "brand.error.contrast":
      "White text on this colour has a contrast of only {ratio}:1; at least {minimum}:1 is needed. Choose a darker colour.",
    "brand.error.phone":
      "Write the number with digits, spaces and + ( ) - / . only, for example +49 30 1234567.",
    "brand.error.email": "This is not an e-mail address, for example support@example.com.",
    "brand.error.choice": "Choose one of the options.",
    "brand.error.logo.empty": "The logo file is empty. Choose the image file again.",
    "brand.error.logo.too-large": "The logo is larger than 256 KB. Save it smaller and upload it again.",
    "brand.error.logo.not-an-image":
      "This file is not a PNG, JPEG or WebP image (whatever its name says). SVG is not accepted. Upload a PNG, JPEG or WebP.",
    "brand.error.logoTooWide":
      "The logo is {width} × {height} pixels; at most 1024 pixels a side. Scale it down and upload it again.",
    "brand.logoNotKept": "Nothing was saved, so choose the logo file again if you want to change it.",
    "brand.contact.title": "Contact",
    "brand.contact.phone": "Phone",
    "brand.contact.email": "E-mail",
    "brand.contact.web": "Web",
    "brand.legal": "Legal notice",
    "brand.mail.button": "Join the support session",
  },
  de: {
    "nav.brand": "Marke",
    "brand.title": "Was Kunden sehen",
    "brand.intro":
      "Die Teilnahmeseite und die Einladungs-E-Mails zeigen Ihren Kunden diesen Namen, dieses Logo, diese Farbe und diesen Kontakt statt Attendant.",
    "brand.saved": "Gespeichert. Kunden sehen ab jetzt die neue Marke.",
    "brand.displayName": "Name für Kunden",
    "brand.displayNameHint": "Leer lassen, um den Namen der Organisation zu zeigen: {organisationName}.",
    "brand.logo": "Logo",
    "brand.logoHint":
      "PNG, JPEG oder WebP, höchstens 256 KB und 1024 × 1024 Pixel. SVG wird nicht angenommen: es kann Skripte enthalten.",
    "brand.logoCurrent": "Aktuelles Logo",
    "brand.logoRemove": "Logo entfernen",
    "brand.accentColour": "Akzentfarbe",
    "brand.accentColourHint":
      "Als #rrggbb, zum Beispiel #0a5bd3. Schaltflächen zeigen weiße Schrift darauf, daher muss sie dunkel genug sein.",
    "brand.supportPhone": "Support-Telefon",
    "brand.supportEmail": "Support-E-Mail",
    "brand.supportUrl": "Support-Webseite",
    "brand.legalUrl": "Impressum",
    "brand.httpsHint": "Eine https://-Adresse.",
    "brand.supporterNameMode": "Name des Supporters für Kunden",
    "brand.supporterNameMode.full": "Vollständiger Name (Kenji Sato)",
    "brand.supporterNameMode.first":
      "Nur das erste Wort des Namens (Kenji aus Kenji Sato, 佐藤 aus 佐藤 健二)",
    "brand.supporterNameMode.none": "Kein Name (das Support-Team)",
    "brand.defaultLocale": "Sprache für Kunden",
    "brand.defaultLocaleHint":
      "Für neue Einladungen und auf der Teilnahmeseite, wenn weder die Einladung noch der Browser etwas anderes sagen.",
    "brand.save": "Speichern",
    "brand.error.tooLong": "Höchstens {max} Zeichen.",
    "brand.error.url":
      "Das ist keine Webadresse. Schreiben Sie sie vollständig, zum Beispiel https://example.com/support.",
    "brand.error.httpsOnly":
      "Kunden werden nur https://-Adressen gezeigt. Verwenden Sie die https://-Adresse.",
    "brand.error.controlCharacters": "Entfernen Sie Zeilenumbrüche und andere Steuerzeichen.",
    "brand.error.colour": "Schreiben Sie die Farbe als # und sechs Hex-Ziffern, zum Beispiel #0a5bd3.",
    "brand.error.contrast":
      "Weiße Schrift auf dieser Farbe hat nur einen Kontrast von {ratio}:1; nötig sind mindestens {minimum}:1. Wählen Sie eine dunklere Farbe.",
    "brand.error.phone":
      "Schreiben Sie die Nummer nur mit Ziffern, Leerzeichen und + ( ) - / ., zum Beispiel +49 30 1234567.",
    "brand.error.email": "Das ist keine E-Mail-Adresse, zum Beispiel support@example.com.",
    "brand.error.choice": "Wählen Sie eine der Möglichkeiten.",
    "brand.error.logo.empty": "Die Logo-Datei ist leer. Wählen Sie die Bilddatei erneut.",
    "brand.error.logo.too-large":
      "Das Logo ist größer als 256 KB. Speichern Sie es kleiner und laden Sie es erneut hoch.",
    "brand.error.logo.not-an-image":
      "Diese Datei ist kein PNG-, JPEG- oder WebP-Bild (was auch immer ihr Name sagt). SVG wird nicht angenommen. Laden Sie ein PNG, JPEG oder WebP hoch.",
    "brand.error.logoTooWide":
      "Das Logo hat {width} × {height} Pixel; erlaubt sind höchstens 1024 Pixel je Seite. Verkleinern Sie es und laden Sie es erneut hoch.",
    "brand.logoNotKept":
      "Es wurde nichts gespeichert: Wählen Sie die Logo-Datei erneut, wenn Sie es ändern möchten.",
    "brand.contact.title": "Kontakt",
    "brand.contact.phone": "Telefon",
    "brand.contact.email": "E-Mail",
    "brand.contact.web": "Web",
    "brand.legal": "Impressum",
    "brand.mail.button": "An der Fernwartung teilnehmen",
  },
  ja: {
    "nav.brand": "ブランド",
    "brand.title": "お客様に表示される内容",
    "brand.intro":
      "参加ページと招待メールでは、Attendant の代わりにこの名前、ロゴ、色、連絡先がお客様に表示されます。",
    "brand.saved": "保存しました。これからお客様には新しいブランドが表示されます。",
    "brand.displayName": "お客様に表示する名前",
    "brand.displayNameHint": "空欄の場合は組織名「{organisationName}」が表示されます。",
    "brand.logo": "ロゴ",
    "brand.logoHint":
      "PNG、JPEG または WebP、256 KB 以下、1 辺 1024 ピクセル以下。SVG はスクリプトを含められるため使用できません。",
    "brand.logoCurrent": "現在のロゴ",
    "brand.logoRemove": "ロゴを削除する",
    "brand.accentColour": "アクセントカラー",
    "brand.accentColourHint":
      "#rrggbb の形式（例: #0a5bd3）。ボタンは白い文字で表示されるため、十分に濃い色が必要です。",
    "brand.supportPhone": "サポート電話番号",
    "brand.supportEmail": "サポートメールアドレス",
    "brand.supportUrl": "サポートのウェブページ",
    "brand.legalUrl": "法的表示",
    "brand.httpsHint": "https:// で始まるアドレス。",
    "brand.supporterNameMode": "お客様に表示するサポート担当者の名前",
    "brand.supporterNameMode.full": "フルネーム（Kenji Sato）",
    "brand.supporterNameMode.first": "名前の最初の語のみ（Kenji Sato → Kenji、佐藤 健二 → 佐藤）",
    "brand.supporterNameMode.none": "表示しない（サポートチーム）",
    "brand.defaultLocale": "お客様向けの言語",
    "brand.defaultLocaleHint":
      "新しい招待と、招待にもブラウザーにも言語の指定がない場合の参加ページで使われます。",
    "brand.save": "保存",
    "brand.error.tooLong": "{max} 文字以内で入力してください。",
    "brand.error.url":
      "ウェブアドレスではありません。https://example.com/support のように完全な形で入力してください。",
    "brand.error.httpsOnly":
      "お客様には https:// のアドレスのみ表示されます。https:// のアドレスを入力してください。",
    "brand.error.controlCharacters": "改行などの制御文字を削除してください。",
    "brand.error.colour": "# と 6 桁の 16 進数で入力してください（例: #0a5bd3）。",
    "brand.error.contrast":
      "この色の上の白い文字のコントラストは {ratio}:1 しかありません。{minimum}:1 以上が必要です。もっと濃い色を選んでください。",
    "brand.error.phone": "数字、空白、+ ( ) - / . のみで入力してください（例: +81 3 1234 5678）。",
    "brand.error.email": "メールアドレスではありません（例: support@example.com）。",
    "brand.error.choice": "いずれかを選んでください。",
    "brand.error.logo.empty": "ロゴのファイルが空です。画像ファイルをもう一度選んでください。",
    "brand.error.logo.too-large":
      "ロゴが 256 KB を超えています。小さく保存してもう一度アップロードしてください。",
    "brand.error.logo.not-an-image":
      "このファイルは（名前にかかわらず）PNG、JPEG、WebP の画像ではありません。SVG は使用できません。PNG、JPEG または WebP をアップロードしてください。",
    "brand.error.logoTooWide":
      "ロゴは {width} × {height} ピクセルです。1 辺 1024 ピクセル以下に縮小して、もう一度アップロードしてください。",
    "brand.logoNotKept": "何も保存されていません。ロゴを変更する場合は、ファイルをもう一度選んでください。",
    "brand.contact.title": "お問い合わせ",
    "brand.contact.phone": "電話",
    "brand.contact.email": "メール",
    "brand.contact.web": "ウェブ",
    "brand.legal": "法的表示",
    "brand.mail.button": "リモートサポートに参加する",
  },
} as const satisfies Catalogs;
