/**
 * TeamViewer dates are ISO-8601 UTC with `Z` and whole seconds (`2024-04-16T20:40:38Z`); inputs may be
 * date-only (`2024-04-16`, midnight UTC). `Date.parse` reads a date-time without an offset as *local*
 * time and is implementation-defined for other forms, so dates are parsed here by pattern, never by
 * the runtime's locale or time zone.
 */

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses a TeamViewer date (`2024-04-16T20:40:38Z`, with fractions or an offset, or date-only
 * `2024-04-16` as midnight UTC). A date-time without an offset is read as UTC, as TeamViewer means it.
 * Returns `null` for `null`, `undefined` and the empty string, which the API sends for absent dates.
 *
 * @throws RangeError when the text is not such a date.
 *
 * @example
 * ```ts
 * const ended = parseTeamViewerDate(report.end_date); // Date
 * const minutes = (ended.getTime() - parseTeamViewerDate(report.start_date).getTime()) / 60_000;
 * ```
 */
export function parseTeamViewerDate(value: string): Date;
export function parseTeamViewerDate(value: string | null | undefined): Date | null;
export function parseTeamViewerDate(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match)
    throw new RangeError(`"${value}" is not a TeamViewer date (expected e.g. 2024-04-16T20:40:38Z)`);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const fields = { year: toInt(year), month: toInt(month), day: toInt(day) };
  const time = { hour: toInt(hour), minute: toInt(minute), second: toInt(second) };
  const calendarUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    time.hour,
    time.minute,
    time.second,
  );
  // Date.UTC silently rolls 2024-02-31 over into March; comparing the fields back catches that.
  const check = new Date(calendarUtc);
  if (
    check.getUTCMonth() !== fields.month - 1 ||
    check.getUTCDate() !== fields.day ||
    time.hour > 23 ||
    time.minute > 59 ||
    time.second > 59
  ) {
    throw new RangeError(`"${value}" is not a valid calendar date`);
  }
  const milliseconds = Math.floor(Number(`0.${fraction ?? "0"}`) * 1000);
  return new Date(calendarUtc + milliseconds - offsetMinutes(offset ?? "Z") * 60_000);
}

function toInt(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits);
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/**
 * Formats a date the way TeamViewer writes them: UTC, `Z`, whole seconds.
 *
 * @example
 * ```ts
 * formatTeamViewerDate(new Date(Date.UTC(2024, 3, 16, 20, 40, 38, 512))); // "2024-04-16T20:40:38Z"
 * ```
 */
export function formatTeamViewerDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
