import type { Locale } from "./locales.js";
import { de, en, ja, type MessageKey } from "./messages/catalog.js";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, de, ja };

export type MessageParams = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  /** The message for `key` with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A date and time in the reader's language, in the given IANA time zone (UTC by default). */
  formatDateTime(date: Date, timeZone?: string): string;
}

function fillPlaceholders(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Builds the translator for one request; every catalog has every key (checked by the compiler). */
export function createTranslator(locale: Locale): Translator {
  const catalog = catalogs[locale];
  const dateFormat = new Map<string, Intl.DateTimeFormat>();
  return {
    locale,
    t: (key, params) => fillPlaceholders(catalog[key], params),
    formatDateTime(date, timeZone = "UTC") {
      let format = dateFormat.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
        dateFormat.set(timeZone, format);
      }
      return format.format(date);
    },
  };
}
