/**
 * Which tickets an actor may see, the one rule every ticket route applies (its sessions, its
 * connections, closing it): admins and auditors every ticket of their organisation; a supporter
 * a ticket that holds something of theirs, a session assigned to them or one of their own
 * connections (session-actor.ts, reports/report-access.ts). Any other ticket is reported as not
 * found, so an external id tells a supporter nothing about a colleague's work.
 */
import { listConnectionReportRows } from "../db/repositories/connection-report-search.js";
import { listSupportSessionRecords } from "../db/repositories/support-sessions.js";
import { findTicketByExternalId, type Ticket } from "../db/repositories/tickets.js";
import { reportScopeOf, seesAllReports } from "../reports/report-access.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";

export type TicketDeps = Pick<SessionDeps, "database" | "vault" | "clock">;

/** Admins and auditors see every ticket (and every session on it); supporters only their own part. */
export const seesWholeTickets = seesAllReports;

export async function findVisibleTicket(
  deps: TicketDeps,
  actor: SessionActor,
  externalId: string,
): Promise<Ticket | undefined> {
  const ticket = await findTicketByExternalId(deps.database.db, actor.organisationId, externalId);
  if (ticket === undefined || seesWholeTickets(actor)) return ticket;
  if (actor.userId === null) return undefined;
  const [ownSession] = await listSupportSessionRecords(deps.database.db, {
    organisationId: actor.organisationId,
    ticketId: ticket.id,
    assignedUserId: actor.userId,
    limit: 1,
    now: deps.clock.now(),
  });
  if (ownSession !== undefined) return ticket;
  const [ownReport] = await listConnectionReportRows(
    deps.database.db,
    { ...(await reportScopeOf(deps, actor)), ticketId: ticket.id },
    { limit: 1 },
  );
  return ownReport === undefined ? undefined : ticket;
}
