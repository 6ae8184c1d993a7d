/**
 * Every time a person reads, in their time zone and saying which (issue 25, "Time zones";
 * docs/adr/0047-time-zones.md). Pages reach this through their translator
 * (src/i18n/translate.ts); e-mails, the join page and exports call it directly. Machines (the REST
 * API, webhooks) keep UTC ISO 8601 and never come here.
 */

export const defaultTimeZone = "UTC";

/**
 * The choices a settings form offers, UTC first. Node lists one name per zone, sometimes CLDR's
 * older one (Asia/Calcutta, not Asia/Kolkata); every IANA name of a zone is accepted all the same.
 */
export const timeZoneChoices: readonly string[] = [defaultTimeZone, ...Intl.supportedValuesOf("timeZone")];

/** An IANA name ("Europe/Berlin", "Etc/GMT+5"), not an offset ("+01:00") that newer runtimes take. */
const ianaName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const checked = new Map<string, boolean>();

/** Whether the runtime's time zone data knows the name; a formatter is the only way to ask. */
export function isTimeZone(value: string | undefined): value is string {
  if (value === undefined || !ianaName.test(value)) return false;
  let isKnown = checked.get(value);
  if (isKnown === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      isKnown = true;
    } catch {
      isKnown = false;
    }
    // Only valid-looking names get here, and only a bounded number of them are zones; the rest
    // are not kept, so nobody fills this map with made-up names.
    if (isKnown) checked.set(value, isKnown);
  }
  return isKnown;
}

/**
 * The first of the stored zones that this runtime knows, else UTC: a zone saved under other time
 * zone data (an older Node, a hand-edited row) must not break every page of an organisation.
 */
export function readableTimeZone(...stored: (string | null | undefined)[]): string {
  return stored.find((zone): zone is string => isTimeZone(zone ?? undefined)) ?? defaultTimeZone;
}

/** The zone itself, or an error naming the value and what to give instead. */
export function checkTimeZone(value: string): string {
  if (isTimeZone(value)) return value;
  throw new RangeError(
    `"${value}" is not a time zone: give an IANA time zone name such as "Europe/Berlin", "Asia/Tokyo" or "UTC".`,
  );
}

type Style = "medium" | "long";
const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and pages format hundreds of times; one per combination. */
function formatter(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (format === undefined) {
    format = build();
    formats.set(key, format);
  }
  return format;
}

/**
 * The zone's short name at that instant, as the language writes it: "UTC", "CET"/"CEST" in
 * British English, "MEZ" in German, "JST" in Japanese, else "GMT+9".
 */
export function zoneLabel(date: Date, locale: string, timeZone: string): string {
  const format = formatter(
    `label|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: checkTimeZone(timeZone), timeZoneName: "short" }),
  );
  return format.formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** "3 Mar 2026, 09:14 CET": a date and time in the zone, naming it. */
export function formatZonedDateTime(
  date: Date,
  options: { locale: string; timeZone: string; style?: Style },
): string {
  const style = options.style ?? "medium";
  const format = formatter(
    `dateTime|${style}|${options.locale}|${options.timeZone}`,
    () =>
      new Intl.DateTimeFormat(options.locale, {
        dateStyle: style,
        timeStyle: "short",
        timeZone: checkTimeZone(options.timeZone),
      }),
  );
  return `${format.format(date)} ${zoneLabel(date, options.locale, options.timeZone)}`;
}

/** "09:14 CET": a time of day in the zone, naming it. */
export function formatZonedTime(date: Date, options: { locale: string; timeZone: string }): string {
  const format = formatter(
    `time|${options.locale}|${options.timeZone}`,
    () =>
      new Intl.DateTimeFormat(options.locale, {
        timeStyle: "short",
        timeZone: checkTimeZone(options.timeZone),
      }),
  );
  return `${format.format(date)} ${zoneLabel(date, options.locale, options.timeZone)}`;
}

/** The wall clock of the zone at an instant, read field by field. */
function wallClock(date: Date, timeZone: string) {
  const format = formatter(
    `parts|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone: checkTimeZone(timeZone),
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  );
  const parts = format.formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? "0");
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
  };
}

/** Minutes the zone is ahead of UTC at that instant (Tokyo +540, Berlin +60 or +120). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const wall = wallClock(date, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((wallAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** ISO 8601 with the zone's offset, for exports people open: "2026-03-03T18:14:00+09:00". */
export function isoWithOffset(date: Date, timeZone: string): string {
  const wall = wallClock(date, timeZone);
  const offset = offsetMinutes(date, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const hours = twoDigits(Math.floor(Math.abs(offset) / 60));
  const minutes = twoDigits(Math.abs(offset) % 60);
  const day = `${String(wall.year).padStart(4, "0")}-${twoDigits(wall.month)}-${twoDigits(wall.day)}`;
  const time = `${twoDigits(wall.hour)}:${twoDigits(wall.minute)}:${twoDigits(wall.second)}`;
  return `${day}T${time}${sign}${hours}:${minutes}`;
}

/** The zone's calendar day of an instant, "2026-03-03". */
export function zonedDay(date: Date, timeZone: string): string {
  return isoWithOffset(date, timeZone).slice(0, 10);
}

/**
 * The instant a calendar day ("2026-03-03") begins in the zone. The offset is read at a first
 * guess and again at the result, because a DST change may lie between the two.
 */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) throw new RangeError(`"${day}" is not a day: give one like 2030-01-31.`);
  const midnightAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const guess = midnightAsUtc - offsetMinutes(new Date(midnightAsUtc), timeZone) * 60_000;
  return new Date(midnightAsUtc - offsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** The last millisecond of a calendar day in the zone: just before the next day begins. */
export function endOfZonedDay(day: string, timeZone: string): Date {
  const next = new Date(startOfZonedDay(day, "UTC").getTime() + 36 * 3600_000).toISOString().slice(0, 10);
  return new Date(startOfZonedDay(next, timeZone).getTime() - 1);
}
