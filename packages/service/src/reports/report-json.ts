/**
 * A connection report on the wire (REST API and JSON Lines export): camelCase names like the sessions API, ISO
 * dates, null for what TeamViewer did not say, and the billable minutes under the
 * organisation's billing rules.
 */
import type { ListedConnectionReport } from "./list-connection-reports.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toReportJson(report: ListedConnectionReport) {
  return {
    id: report.id,
    teamViewerReportId: report.teamViewerReportId,
    ticket:
      report.ticket === null ? null : { externalId: report.ticket.externalId, title: report.ticket.title },
    supporter: { teamViewerUserId: report.supporter.teamViewerUserId, name: report.supporter.name },
    device: { id: report.device.id, name: report.device.name },
    group: { id: report.group.id, name: report.group.name },
    supportSessionType: report.supportSessionType,
    startDate: iso(report.startDate),
    endDate: iso(report.endDate),
    durationSeconds: report.durationSeconds,
    billableMinutes: report.billableMinutes,
    billingState: report.billingState,
    fee: report.fee,
    currency: report.currency,
    notes: report.notes,
    sessionCode: report.sessionCode,
    endCustomer: { name: report.endCustomer.name, email: report.endCustomer.email },
    feedback: { rating: report.feedback.rating, comment: report.feedback.comment },
    sessionNote: report.sessionNote,
    extras: report.extras,
    match: {
      supportSessionId: report.match.supportSessionId,
      ticketId: report.match.ticketId,
      by: report.match.by,
      at: iso(report.match.at),
    },
    firstSeenAt: report.firstSeenAt.toISOString(),
    lastSeenAt: report.lastSeenAt.toISOString(),
    writeBackPending:
      report.writeBackPending === null
        ? null
        : {
            since: report.writeBackPending.since.toISOString(),
            notes: report.writeBackPending.change.notes ?? null,
            billingState: report.writeBackPending.change.billingState ?? null,
          },
  };
}

export type ReportJson = ReturnType<typeof toReportJson>;
