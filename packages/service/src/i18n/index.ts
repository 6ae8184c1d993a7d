export { defaultLocale, isSupportedLocale, type Locale, localeNames, supportedLocales } from "./locales.js";
export { isMessageKey, type MessageKey } from "./messages/catalog.js";
export { type LocaleChoice, negotiateLocale } from "./negotiate-locale.js";
export {
  createTranslator,
  type MessageParams,
  type PluralMessageKey,
  type Translator,
} from "./translate.js";
export {
  checkTimeZone,
  defaultTimeZone,
  endOfZonedDay,
  formatZonedDateTime,
  isoWithOffset,
  isTimeZone,
  readableTimeZone,
  startOfZonedDay,
  timeZoneChoices,
  zonedDay,
} from "./zoned-time.js";
