import { encodeText, type JsonBytes } from "./json-bytes.js";

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, "0"));

/**
 * Wire dates are ISO-8601 UTC with `Z` and whole seconds: `2024-04-16T20:40:38Z`
 * (docs/teamviewer-api.md, "Conventions on the wire"). Computed by arithmetic (days → civil date, H. Hinnant's algorithm) rather
 * than through `Date#toISOString`, because report pages format thousands of dates each.
 */
export function formatWireDate(epochMs: number): string {
  const totalSeconds = Math.floor(epochMs / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const secondOfDay = totalSeconds - days * 86_400;
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${datePrefix(days)}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}Z`;
}

/** `formatWireDate` written as bytes, for report pages (see JsonBytes): 20 bytes, no strings. */
export function writeWireDate(out: JsonBytes, epochSec: number): void {
  const days = Math.floor(epochSec / 86_400);
  let rest = epochSec - days * 86_400;
  const slot = days & DAY_SLOT_MASK;
  if (cachedDays[slot] !== days) datePrefix(days);
  const prefix = cachedPrefixBytes[slot] ?? EMPTY;
  const bytes = out.reserve(prefix.length + 9);
  let at = out.length;
  for (let index = 0; index < prefix.length; index++) bytes[at++] = prefix[index] ?? ZERO;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  rest -= minute * 60;
  bytes[at] = ZERO + Math.floor(hour / 10);
  bytes[at + 1] = ZERO + (hour % 10);
  bytes[at + 2] = COLON;
  bytes[at + 3] = ZERO + Math.floor(minute / 10);
  bytes[at + 4] = ZERO + (minute % 10);
  bytes[at + 5] = COLON;
  bytes[at + 6] = ZERO + Math.floor(rest / 10);
  bytes[at + 7] = ZERO + (rest % 10);
  bytes[at + 8] = LETTER_Z;
  out.advance(prefix.length + 9);
}

const ZERO = 48;
const COLON = 58;
const LETTER_Z = 90;
const EMPTY = new Uint8Array(0);

// A record's dates fall on a few neighbouring days (a session is valid until the next day), and a
// report page spans hours to days: the calendar part of recent days is kept, one slot per day mod 8.
const DAY_SLOT_MASK = 7;
const cachedDays = new Float64Array(DAY_SLOT_MASK + 1).fill(Number.NaN);
const cachedPrefixes: string[] = [];
const cachedPrefixBytes: Uint8Array[] = [];

/** `YYYY-MM-DDT` of a day counted from 1970-01-01. */
function datePrefix(days: number): string {
  const slot = days & DAY_SLOT_MASK;
  const cached = cachedPrefixes[slot];
  if (cachedDays[slot] === days && cached !== undefined) return cached;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const prefix = `${String(year).padStart(4, "0")}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
  cachedDays[slot] = days;
  cachedPrefixes[slot] = prefix;
  cachedPrefixBytes[slot] = encodeText(prefix);
  return prefix;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a date input. Date-only inputs mean midnight UTC and a missing zone means UTC
 * (docs/teamviewer-api.md, "Conventions on the wire": "Inputs may be date-only"). Returns epoch ms, or undefined when malformed.
 */
export function parseWireDate(text: string): number | undefined {
  const trimmed = text.trim();
  const dateOnly = DATE_ONLY.exec(trimmed);
  if (dateOnly) {
    const epochMs = Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
    return Number.isFinite(epochMs) ? epochMs : undefined;
  }
  if (!DATE_TIME.test(trimmed)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const epochMs = Date.parse(hasZone ? trimmed : `${trimmed}Z`);
  return Number.isFinite(epochMs) ? epochMs : undefined;
}
