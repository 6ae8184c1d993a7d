/**
 * One TeamViewer connection report (docs/teamviewer-api.md §4) as the columns we store. TeamViewer
 * leaves many fields empty or out; a field we cannot read becomes null rather than failing the
 * page, and `raw` keeps the record as received (U+0000 aside, which no text column can hold:
 * see `prepareReportUpsert`).
 */
import { type ConnectionReport, parseTeamViewerDate } from "@attendant/teamviewer";
import type { ConnectionReportValues } from "../db/repositories/connection-reports.js";

export function toConnectionReportValues(
  report: ConnectionReport,
  context: { organisationId: string; syncAccountId: string | null },
): ConnectionReportValues {
  const startDate = readDate(report.start_date);
  const endDate = readDate(report.end_date);
  return {
    organisationId: context.organisationId,
    teamViewerReportId: report.id,
    syncAccountId: context.syncAccountId,
    teamViewerUserId: textOrNull(report.userid),
    userName: textOrNull(report.username),
    deviceId: textOrNull(report.deviceid),
    deviceName: textOrNull(report.devicename),
    groupId: textOrNull(report.groupid),
    groupName: textOrNull(report.groupname),
    supportSessionType: typeof report.support_session_type === "number" ? report.support_session_type : null,
    startDate,
    endDate,
    durationSeconds: durationOf(startDate, endDate),
    fee: typeof report.fee === "number" && Number.isFinite(report.fee) ? report.fee : null,
    currency: textOrNull(report.currency),
    billingState: textOrNull(report.billing_state),
    notes: textOrNull(report.notes),
    sessionCode: textOrNull(report.session_code),
    customApi: textOrNull(report.custom_api),
    endCustomerName: textOrNull(report.end_customer?.name),
    endCustomerEmail: textOrNull(report.end_customer?.email),
    feedbackRating:
      typeof report.feedback?.session_rating === "number" ? report.feedback.session_rating : null,
    feedbackComment: textOrNull(report.feedback?.user_comment),
    sessionNote: textOrNull(report.session_note),
    raw: { ...report },
  };
}

/** There is no duration field (§4); a negative span (clock trouble at TeamViewer) is unknown. */
function durationOf(start: Date | null, end: Date | null): number | null {
  if (start === null || end === null) return null;
  const seconds = Math.round((end.getTime() - start.getTime()) / 1000);
  return seconds >= 0 ? seconds : null;
}

function readDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  try {
    return parseTeamViewerDate(value);
  } catch {
    return null;
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
