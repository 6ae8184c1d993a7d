/**
 * A stored connection report as use cases return it: the record's fields in camelCase, the
 * match, and no `raw` (views that need an unknown field read it from the row).
 */
import type { StoredConnectionReport } from "../db/repositories/connection-reports.js";
import type { ReportMatchMethod, WriteBackChange } from "../db/schema.js";

export interface ConnectionReportView {
  id: string;
  teamViewerReportId: string;
  supporter: { teamViewerUserId: string | null; name: string | null };
  device: { id: string | null; name: string | null };
  group: { id: string | null; name: string | null };
  supportSessionType: number | null;
  startDate: Date | null;
  endDate: Date | null;
  durationSeconds: number | null;
  fee: number | null;
  currency: string | null;
  billingState: string | null;
  notes: string | null;
  sessionCode: string | null;
  endCustomer: { name: string | null; email: string | null };
  feedback: { rating: number | null; comment: string | null };
  /** The supporter's own comment written at the end of the session (TeamViewer's `session_note`). */
  sessionNote: string | null;
  match: {
    supportSessionId: string | null;
    ticketId: string | null;
    by: ReportMatchMethod | null;
    at: Date | null;
  };
  firstSeenAt: Date;
  lastSeenAt: Date;
  /**
   * A change being saved to TeamViewer (update-connection-report.ts), or one whose outcome is not
   * known yet: `notes` and `billingState` above are the last confirmed values until it settles.
   */
  writeBackPending: { since: Date; change: WriteBackChange } | null;
}

export function toConnectionReportView(row: Omit<StoredConnectionReport, "raw">): ConnectionReportView {
  return {
    id: row.id,
    teamViewerReportId: row.teamViewerReportId,
    supporter: { teamViewerUserId: row.teamViewerUserId, name: row.userName },
    device: { id: row.deviceId, name: row.deviceName },
    group: { id: row.groupId, name: row.groupName },
    supportSessionType: row.supportSessionType,
    startDate: row.startDate,
    endDate: row.endDate,
    durationSeconds: row.durationSeconds,
    fee: row.fee,
    currency: row.currency,
    billingState: row.billingState,
    notes: row.notes,
    sessionCode: row.sessionCode,
    endCustomer: { name: row.endCustomerName, email: row.endCustomerEmail },
    feedback: { rating: row.feedbackRating, comment: row.feedbackComment },
    sessionNote: row.sessionNote,
    match: {
      supportSessionId: row.supportSessionId,
      ticketId: row.ticketId,
      by: row.matchedBy,
      at: row.matchedAt,
    },
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    writeBackPending:
      row.writeBackPending === null || row.writeBackStartedAt === null
        ? null
        : { since: row.writeBackStartedAt, change: row.writeBackPending },
  };
}
