/** The languages Attendant speaks from the start; English is the fallback for anything else. */
export const supportedLocales = ["en", "de", "ja"] as const;

export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = "en";

/** Names shown in the language switcher, each in its own language. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  ja: "日本語",
};

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}
