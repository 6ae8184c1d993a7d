import type { Locale } from "./locales.js";
import { de, en, isMessageKey, ja, type MessageKey } from "./messages/catalog.js";
import { defaultTimeZone, formatZonedDateTime, formatZonedTime } from "./zoned-time.js";

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, de, ja };

export type MessageParams = Record<string, string | number>;

/** Messages with a variant per plural category: `base.one`, `base.other` (CLDR names). */
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
export type PluralMessageKey = PluralBase<MessageKey>;

export interface Translator {
  locale: Locale;
  /** The reader's IANA time zone: their own choice, else their organisation's, else UTC. */
  timeZone: string;
  /** The message for `key` with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: MessageParams): string;
  /**
   * The variant of `key` that the reader's language uses for `count` (Intl.PluralRules: "1
   * record", "2 records"), with `{count}` filled in as a localised number.
   */
  tCount(key: PluralMessageKey, count: number, params?: MessageParams): string;
  /** A date and time in the reader's language and time zone, naming the zone: "Mar 3, 2026, 9:14 AM CET". */
  formatDateTime(date: Date): string;
  /** A time of day in the reader's language and time zone, naming the zone: "9:14 AM CET". */
  formatTime(date: Date): string;
}

function fillPlaceholders(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Builds the translator for one request; every catalog has every key (checked by the compiler).
 * `timeZone` must be valid (src/i18n/zoned-time.ts checks it when it is saved).
 */
export function createTranslator(locale: Locale, timeZone = defaultTimeZone): Translator {
  const catalog = catalogs[locale];
  const pluralRules = new Intl.PluralRules(locale);
  return {
    locale,
    timeZone,
    t: (key, params) => fillPlaceholders(catalog[key], params),
    tCount(key, count, params) {
      const variant = `${key}.${pluralRules.select(count)}`;
      // A language may have categories English lacks; a message without that variant uses "other".
      const template = isMessageKey(variant) ? catalog[variant] : catalog[`${key}.other`];
      return fillPlaceholders(template, { ...params, count: count.toLocaleString(locale) });
    },
    formatDateTime: (date) => formatZonedDateTime(date, { locale, timeZone }),
    formatTime: (date) => formatZonedTime(date, { locale, timeZone }),
  };
}
