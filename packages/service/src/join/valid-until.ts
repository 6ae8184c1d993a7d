/**
 * "Valid until" for end customers, who may live anywhere: always in UTC and saying so, with the
 * date written out in their language, e.g. "3 March 2026 at 09:14 UTC", "3. März 2026 um 09:14
 * UTC", "2026年3月3日 9:14 UTC".
 */
import type { Locale } from "../i18n/index.js";

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function formatValidUntil(date: Date, locale: Locale): string {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "UTC",
    });
    formats.set(locale, format);
  }
  return `${format.format(date)} UTC`;
}
