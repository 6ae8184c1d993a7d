/**
 * "Valid until" for end customers, in the organisation's time zone and naming it, with the date
 * written out in their language, e.g. "3 March 2026 at 10:14 CET", "3. März 2026 um 10:14 MEZ",
 * "2026年3月3日 18:14 JST". The join page lets the customer's browser rewrite it in their own zone
 * (src/join/local-time-script.tsx).
 */
import { formatZonedDateTime, type Locale } from "../i18n/index.js";

/** British English writes the day first, as the German and Japanese forms do. */
export const validUntilLocale = (locale: Locale) => (locale === "en" ? "en-GB" : locale);

export function formatValidUntil(date: Date, locale: Locale, timeZone: string): string {
  return formatZonedDateTime(date, { locale: validUntilLocale(locale), timeZone, style: "long" });
}
