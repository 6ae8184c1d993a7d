/**
 * The report pages' filters, read from the query string with the API's names (supporter, group,
 * from, to, ticket, billingState, matched), so a filtered list, its export links and the API
 * all take the same parameters. Bad values come back as message keys per field.
 */
import { z } from "zod";
import { endOfZonedDay, isMessageKey, startOfZonedDay } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import type { ReportQuery } from "../list-connection-reports.js";
import { billingStates } from "../update-connection-report.js";

export const reportFilterNames = [
  "supporter",
  "group",
  "from",
  "to",
  "ticket",
  "billingState",
  "matched",
] as const;

const emptyToUndefined = (value: string | undefined) =>
  value === undefined || value === "" ? undefined : value;

const optionalText = (max: number) =>
  z.string().trim().max(max, { error: "forms.tooLong" }).optional().transform(emptyToUndefined);

const dateOnly = z
  .string()
  .trim()
  .optional()
  .transform(emptyToUndefined)
  .refine(
    (value) => value === undefined || (/^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(value))),
    {
      error: "reports.error.date",
    },
  );

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const filtersSchema = z
  .object({
    supporter: optionalText(36).refine((value) => value === undefined || uuidPattern.test(value), {
      error: "forms.invalid",
    }),
    group: optionalText(100),
    from: dateOnly,
    to: dateOnly,
    ticket: optionalText(200),
    billingState: z
      .enum(["", ...billingStates], { error: "forms.invalid" })
      .optional()
      .transform((value) => (value === "" || value === undefined ? undefined : value)),
    matched: z
      .enum(["", "true", "false"], { error: "forms.invalid" })
      .optional()
      .transform((value) => (value === "" || value === undefined ? undefined : value === "true")),
    cursor: z.string().max(200).optional().transform(emptyToUndefined),
  })
  .refine((filters) => filters.from === undefined || filters.to === undefined || filters.from <= filters.to, {
    error: "reports.error.dateOrder",
    path: ["to"],
  });

export interface ParsedReportFilters {
  values: FormValues;
  errors: FieldErrors;
  query: ReportQuery | undefined;
  cursor: string | undefined;
  /** The dates as given (YYYY-MM-DD), for the dashboard's range. */
  dates: { from: string | undefined; to: string | undefined };
}

/**
 * Whole days of the reader's time zone (a day is that zone's day): from 00:00 of `from` until the
 * end of `to` there.
 */
export function parseReportFilters(input: Record<string, string>, timeZone: string): ParsedReportFilters {
  const values: FormValues = Object.fromEntries(
    Object.entries(input).filter(([name]) => (reportFilterNames as readonly string[]).includes(name)),
  );
  const parsed = filtersSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      errors[String(issue.path[0] ?? "form")] ??= isMessageKey(issue.message)
        ? issue.message
        : "forms.invalid";
    }
    return { values, errors, query: undefined, cursor: undefined, dates: { from: undefined, to: undefined } };
  }
  const filters = parsed.data;
  return {
    values,
    errors: {},
    cursor: filters.cursor,
    dates: { from: filters.from, to: filters.to },
    query: {
      supporterUserId: filters.supporter,
      group: filters.group,
      from: filters.from === undefined ? undefined : startOfZonedDay(filters.from, timeZone),
      to: filters.to === undefined ? undefined : endOfZonedDay(filters.to, timeZone),
      ticketExternalId: filters.ticket,
      billingState: filters.billingState,
      isMatched: filters.matched,
    },
  };
}

/** The filters as a query string (no cursor), for export links and the next page. */
export function filterQueryString(values: FormValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of reportFilterNames) {
    const value = values[name];
    if (value !== undefined && value !== "") params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}
