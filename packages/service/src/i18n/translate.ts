import type { Locale } from "./locales.js";
import { de, en, isMessageKey, ja, type MessageKey } from "./messages/catalog.js";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, de, ja };

export type MessageParams = Record<string, string | number>;

/** Messages with a variant per plural category: `base.one`, `base.other` (CLDR names). */
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
export type PluralMessageKey = PluralBase<MessageKey>;

export interface Translator {
  locale: Locale;
  /** The message for `key` with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: MessageParams): string;
  /**
   * The variant of `key` that the reader's language uses for `count` (Intl.PluralRules: "1
   * record", "2 records"), with `{count}` filled in as a localised number.
   */
  tCount(key: PluralMessageKey, count: number, params?: MessageParams): string;
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
  const pluralRules = new Intl.PluralRules(locale);
  return {
    locale,
    t: (key, params) => fillPlaceholders(catalog[key], params),
    tCount(key, count, params) {
      const variant = `${key}.${pluralRules.select(count)}`;
      // A language may have categories English lacks; a message without that variant uses "other".
      const template = isMessageKey(variant) ? catalog[variant] : catalog[`${key}.other`];
      return fillPlaceholders(template, { ...params, count: count.toLocaleString(locale) });
    },
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
