/**
 * Reports that matched no session (issue 6, "Matching"): listed for people to look at, and
 * attached to a ticket by hand. A manual attachment is never undone by automatic matching,
 * which only touches reports without a ticket.
 */
import {
  attachConnectionReport,
  listUnmatchedConnectionReports,
  type ReportCursor,
} from "../db/repositories/connection-reports.js";
import { findTicketByExternalId } from "../db/repositories/tickets.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { ConnectionReportError } from "./connection-report-error.js";
import { type ConnectionReportView, toConnectionReportView } from "./connection-report-view.js";
import { findOwnTeamViewerUserId, loadReportToChange } from "./report-access.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

export interface UnmatchedReportPage {
  reports: ConnectionReportView[];
  /** Pass as `paging.cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Newest first. Admins and auditors see the organisation's, supporters only their own
 * connections (none without a TeamViewer connection).
 */
export async function listUnmatchedReports(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  options: { actor: SessionActor; paging?: { limit?: number; cursor?: string } },
): Promise<UnmatchedReportPage> {
  const { actor } = options;
  let teamViewerUserId: string | undefined;
  if (actor.role === "supporter") {
    teamViewerUserId = await findOwnTeamViewerUserId(deps, actor);
    if (teamViewerUserId === undefined) return { reports: [] };
  }
  const limit = Math.min(Math.max(options.paging?.limit ?? 50, 1), 500);
  const after = options.paging?.cursor === undefined ? undefined : decodeCursor(options.paging.cursor);
  const rows = await listUnmatchedConnectionReports(deps.database.db, {
    organisationId: actor.organisationId,
    ...(teamViewerUserId === undefined ? {} : { teamViewerUserId }),
    ...(after === undefined ? {} : { after }),
    limit: limit + 1,
  });
  const reports = rows.slice(0, limit).map(toConnectionReportView);
  const last = reports.at(-1);
  return rows.length > limit && last !== undefined
    ? { reports, nextCursor: encodeCursor({ endDate: last.endDate, id: last.id }) }
    : { reports };
}

/**
 * Attaches a report to a ticket of the organisation by its helpdesk id; audited with the ticket
 * it had before (a wrong automatic match can be corrected this way too).
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
  await attachConnectionReport(deps.database.db, { id: report.id, ticketId: ticket.id, now });
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

function encodeCursor(cursor: ReportCursor): string {
  return Buffer.from(JSON.stringify([cursor.endDate?.toISOString() ?? null, cursor.id])).toString(
    "base64url",
  );
}

function decodeCursor(text: string): ReportCursor {
  try {
    const [endDate, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if ((endDate === null || typeof endDate === "string") && typeof id === "string") {
      return { endDate: endDate === null ? null : new Date(endDate), id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ConnectionReportError("invalid-cursor");
}
