/**
 * Reports that matched no session (issue 6, "Matching"): listed for people to look at, and
 * attached to a ticket by hand. A manual attachment is never undone by automatic matching,
 * which only touches reports without a ticket.
 */
import { listConnectionReportRows } from "../db/repositories/connection-report-search.js";
import { attachConnectionReport } from "../db/repositories/connection-reports.js";
import { findTicketByExternalId } from "../db/repositories/tickets.js";
import { transaction } from "../db/transaction.js";
import { recordConnectionUpdated } from "../events/connection-events.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { ConnectionReportError } from "./connection-report-error.js";
import { type ConnectionReportView, toConnectionReportView } from "./connection-report-view.js";
import { loadReportToChange, reportScopeOf } from "./report-access.js";
import { decodeReportCursor, encodeReportCursor } from "./report-cursor.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

export interface UnmatchedReportPage {
  reports: ConnectionReportView[];
  /** Pass as `paging.cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Newest first. Admins and auditors see the organisation's, supporters only their own
 * connections (the rule of report-access.ts, as in every report list).
 */
export async function listUnmatchedReports(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  options: { actor: SessionActor; paging?: { limit?: number; cursor?: string } },
): Promise<UnmatchedReportPage> {
  const { actor } = options;
  const limit = Math.min(Math.max(options.paging?.limit ?? 50, 1), 500);
  const after = options.paging?.cursor === undefined ? undefined : decodeReportCursor(options.paging.cursor);
  const filter = { ...(await reportScopeOf(deps, actor)), isMatched: false };
  const rows = await listConnectionReportRows(deps.database.db, filter, { after, limit: limit + 1 });
  const reports = rows.slice(0, limit).map(toConnectionReportView);
  const last = reports.at(-1);
  return rows.length > limit && last !== undefined
    ? { reports, nextCursor: encodeReportCursor({ endDate: last.endDate, id: last.id }) }
    : { reports };
}

/**
 * Attaches a report to a ticket of the organisation by its helpdesk id; audited with the ticket
 * it had before (a wrong automatic match can be corrected this way too). A change of ticket is a
 * `connection.updated` event carrying the new ticket.
 * @throws ConnectionReportError report-not-found, ticket-not-found, forbidden
 */
export async function attachReportToTicket(
  deps: Pick<ReportSyncDeps, "database" | "vault" | "clock">,
  options: { actor: SessionActor; reportId: string; ticketExternalId: string },
): Promise<ConnectionReportView> {
  const { actor } = options;
  const report = await loadReportToChange(deps, actor, options.reportId);
  const ticket = await findTicketByExternalId(
    deps.database.db,
    actor.organisationId,
    options.ticketExternalId,
  );
  if (ticket === undefined) throw new ConnectionReportError("ticket-not-found");
  const now = deps.clock.now();
  // A report that changes ticket tells subscribers so, in the same transaction: write-back then
  // takes its worked time off the old ticket and writes it on the new one (issue 22).
  await transaction(deps.database.db, async (tx) => {
    const attached = await attachConnectionReport(tx, { id: report.id, ticketId: ticket.id, now });
    if (attached !== undefined && report.ticketId !== ticket.id)
      await recordConnectionUpdated(tx, attached, now);
  });
  await auditSessionAction(deps, actor, {
    action: "connection_report.attached",
    target: { type: "connection_report", id: report.id },
    details: {
      teamViewerReportId: report.teamViewerReportId,
      ticketExternalId: ticket.externalId,
      previousTicketId: report.ticketId,
      previousMatch: report.matchedBy,
    },
  });
  return toConnectionReportView({
    ...report,
    ticketId: ticket.id,
    supportSessionId: null,
    matchedBy: "manual",
    matchedAt: now,
  });
}
