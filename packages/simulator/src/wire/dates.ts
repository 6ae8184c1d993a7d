const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, "0"));

/**
 * Wire dates are ISO-8601 UTC with `Z` and whole seconds: `2024-04-16T20:40:38Z` (spec
 * "Conventions"). Computed by arithmetic (days → civil date, H. Hinnant's algorithm) rather
 * than through `Date#toISOString`, because report pages format thousands of dates each.
 */
export function formatWireDate(epochMs: number): string {
  const totalSeconds = Math.floor(epochMs / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const secondOfDay = totalSeconds - days * 86_400;
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
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${String(year).padStart(4, "0")}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}Z`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a date input. Date-only inputs mean midnight UTC and a missing zone means UTC
 * (spec "Conventions": "Inputs may be date-only"). Returns epoch ms, or undefined when malformed.
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
