/**
 * The rows of a report export. CSV follows RFC 4180 (CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled) and starts with a UTF-8 byte order mark, without which
 * Excel reads UTF-8 as the local code page and garbles Japanese and German text. Text a person
 * or TeamViewer wrote is neutralised against formula injection (OWASP "CSV Injection"): a cell
 * starting with = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows it as text
 * instead of running it. Numbers and dates we produce ourselves are written as they are: dates as
 * ISO 8601 with an explicit offset, in the reader's time zone for an export from the pages
 * ("2026-03-03T18:14:00+09:00"), in UTC for one through the API ("2026-03-03T09:14:00.000Z").
 * CSV column names are stable snake_case identifiers for spreadsheets and scripts, a format of
 * their own (documented in README.md); JSON Lines records use the API's camelCase report JSON.
 */
import { isoWithOffset } from "../i18n/index.js";
import type { ListedConnectionReport } from "./list-connection-reports.js";
import { toReportJson } from "./report-json.js";

export const exportFormats = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

type Cell = { text: string | null } | { value: number | string | null };

/** A date as the export writes it; `undefined` zone: UTC, as the API answers. */
type WriteDate = (date: Date | null) => string | null;

const dateWriter =
  (timeZone: string | undefined): WriteDate =>
  (date) =>
    date === null ? null : timeZone === undefined ? date.toISOString() : isoWithOffset(date, timeZone);

const columns: [name: string, cell: (report: ListedConnectionReport, iso: WriteDate) => Cell][] = [
  ["id", (report) => ({ value: report.id })],
  ["teamviewer_report_id", (report) => ({ text: report.teamViewerReportId })],
  ["ticket", (report) => ({ text: report.ticket?.externalId ?? null })],
  ["ticket_title", (report) => ({ text: report.ticket?.title ?? null })],
  ["supporter", (report) => ({ text: report.supporter.name })],
  ["supporter_teamviewer_user_id", (report) => ({ text: report.supporter.teamViewerUserId })],
  ["device", (report) => ({ text: report.device.name })],
  ["device_id", (report) => ({ text: report.device.id })],
  ["group", (report) => ({ text: report.group.name })],
  ["group_id", (report) => ({ text: report.group.id })],
  ["start_date", (report, iso) => ({ value: iso(report.startDate) })],
  ["end_date", (report, iso) => ({ value: iso(report.endDate) })],
  ["duration_seconds", (report) => ({ value: report.durationSeconds })],
  ["billable_minutes", (report) => ({ value: report.billableMinutes })],
  ["billing_state", (report) => ({ text: report.billingState })],
  ["fee", (report) => ({ value: report.fee })],
  ["currency", (report) => ({ text: report.currency })],
  ["notes", (report) => ({ text: report.notes })],
  ["customer_name", (report) => ({ text: report.endCustomer.name })],
  ["customer_email", (report) => ({ text: report.endCustomer.email })],
  ["feedback_rating", (report) => ({ value: report.feedback.rating })],
  ["feedback_comment", (report) => ({ text: report.feedback.comment })],
  ["session_code", (report) => ({ text: report.sessionCode })],
  ["matched_by", (report) => ({ value: report.match.by })],
  // Added last, so scripts that read the columns by position keep working.
  ["session_note", (report) => ({ text: report.sessionNote })],
  ["chat_transcript", (report) => ({ text: chatTranscriptText(report) })],
  ["ai_summary", (report) => ({ text: summaryText(report) })],
  ["screenshots", (report) => ({ text: screenshotNames(report) })],
];

/** One line per message, `<time> <sender>: <text>`; empty when there is none (or not yet). */
function chatTranscriptText(report: ListedConnectionReport): string | null {
  const { chatTranscript } = report.extras;
  if (chatTranscript.state !== "available") return null;
  return chatTranscript.content
    .map((message) => `${message.writtenAt ?? ""} ${message.sender ?? "?"}: ${message.content}`.trim())
    .join("\n");
}

/** TeamViewer's AI summary, or its augmented session summary when only that exists. */
function summaryText(report: ListedConnectionReport): string | null {
  const { aiSummary, augmentedSessionSummary } = report.extras;
  if (aiSummary.state === "available" && aiSummary.content.summary !== null) return aiSummary.content.summary;
  return augmentedSessionSummary.state === "available" ? augmentedSessionSummary.content.summary : null;
}

/** The screenshots' file names (the images stay at TeamViewer, served on demand by the report page). */
function screenshotNames(report: ListedConnectionReport): string | null {
  const { screenshots } = report.extras;
  if (screenshots.state !== "available") return null;
  return screenshots.content.map((shot) => shot.fileName ?? shot.screenshotId).join("; ");
}

export const csvColumnNames: readonly string[] = columns.map(([name]) => name);

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One CSV field: neutralised when it is text that could start a formula, quoted when needed. */
export function toCsvField(cell: Cell): string {
  const raw = "text" in cell ? cell.text : cell.value;
  if (raw === null) return "";
  let field = String(raw);
  if ("text" in cell && formulaStart.test(field)) field = `'${field}`;
  return needsQuotes.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

const byteOrderMark = "\uFEFF";

/** What the file starts with: the BOM and the header line (CSV); nothing for JSON Lines. */
export function exportPreamble(format: ExportFormat): string {
  return format === "csv" ? `${byteOrderMark}${csvColumnNames.join(",")}\r\n` : "";
}

/**
 * One report as one line of the format, line end included. CSV dates are in `timeZone` with its
 * offset, or UTC without one; JSON Lines keeps the API's UTC report JSON.
 */
export function formatExportLine(
  format: ExportFormat,
  report: ListedConnectionReport,
  timeZone?: string,
): string {
  if (format === "jsonl") return `${JSON.stringify(toReportJson(report))}\n`;
  const iso = dateWriter(timeZone);
  return `${columns.map(([, cell]) => toCsvField(cell(report, iso))).join(",")}\r\n`;
}
