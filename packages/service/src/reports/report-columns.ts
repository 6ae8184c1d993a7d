/**
 * Which columns of the report tables (`/reports`, the unmatched list, a ticket's connections) a
 * person sees (issue 25: "let people pick columns"). The choice is the browser's, in a cookie
 * that names the hidden columns, so a column added later shows until someone hides it. The start
 * links to the report and always shows. Downloads keep every column (ADR 0048).
 */

export const reportColumns = [
  "end",
  "supporter",
  "device",
  "customer",
  "duration",
  "billable",
  "billingState",
  "ticket",
  "notes",
  "sessionNote",
  "feedback",
] as const;

export type ReportColumn = (typeof reportColumns)[number];

export const reportColumnsCookie = "attendant_report_columns";

export function isReportColumn(name: string): name is ReportColumn {
  return (reportColumns as readonly string[]).includes(name);
}

/** The hidden columns a cookie names; names this version does not know are dropped. */
export function hiddenColumnsFrom(cookie: string | undefined): Set<ReportColumn> {
  return new Set((cookie ?? "").split(",").filter(isReportColumn));
}

export function hiddenColumnsCookieValue(hidden: ReadonlySet<ReportColumn>): string {
  return reportColumns.filter((column) => hidden.has(column)).join(",");
}

export type ColumnChoice =
  | { kind: "chosen"; hidden: Set<ReportColumn> }
  | { kind: "unknown"; names: string[] };

/**
 * A table's picker offered `offered` and the person ticked `shown`: those offered and not ticked
 * are hidden now; columns the table did not offer keep their earlier choice.
 */
export function chooseColumns(
  before: ReadonlySet<ReportColumn>,
  offered: readonly string[],
  shown: readonly string[],
): ColumnChoice {
  const unknown = [...offered, ...shown].filter((name) => !isReportColumn(name));
  if (unknown.length > 0) return { kind: "unknown", names: [...new Set(unknown)] };
  const hidden = new Set([...before].filter((column) => !offered.includes(column)));
  for (const column of offered as readonly ReportColumn[]) if (!shown.includes(column)) hidden.add(column);
  return { kind: "chosen", hidden };
}
