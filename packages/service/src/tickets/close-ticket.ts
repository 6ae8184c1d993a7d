/**
 * The helpdesk reports a ticket closed (issue 5, "optional automatic close when the ticket is
 * reported closed through the API"). With `closeOpenSessions`, its sessions still open at
 * TeamViewer (expired ones included: TeamViewer still lists them as open, docs/teamviewer-api.md
 * §3) are closed too; one that cannot be closed does not stop the others and is reported. A
 * supporter closes only a ticket they may see (find-visible-ticket.ts) and only their own
 * sessions on it: a colleague's session is neither touched nor named.
 */
import { listSupportSessionRecords } from "../db/repositories/support-sessions.js";
import { markTicketClosed } from "../db/repositories/tickets.js";
import type { TicketStatus } from "../db/schema.js";
import { closeSupportSession } from "../sessions/close-support-session.js";
import { canCreateSessions, type SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError, type SupportSessionErrorReason } from "../sessions/support-session-error.js";
import { findVisibleTicket, seesWholeTickets } from "./find-visible-ticket.js";

/** More open sessions than this on one ticket would be a runaway integration, not a support case. */
const maxSessionsClosedAtOnce = 1000;

export interface ClosedTicket {
  ticket: { externalId: string; status: TicketStatus; closedAt: Date | null };
  closedSessionIds: string[];
  /** Sessions of the actor's that were left open, and why (a TeamViewer failure). */
  failedSessions: { sessionId: string; reason: SupportSessionErrorReason }[];
}

/** @throws SupportSessionError forbidden (auditors), ticket-not-found */
export async function closeTicket(
  deps: SessionDeps,
  options: { actor: SessionActor; externalId: string; closeOpenSessions?: boolean },
): Promise<ClosedTicket> {
  const { actor } = options;
  if (!canCreateSessions(actor)) throw new SupportSessionError("forbidden");
  const found = await findVisibleTicket(deps, actor, options.externalId);
  if (found === undefined) throw new SupportSessionError("ticket-not-found");
  const ticket =
    found.status === "closed"
      ? found
      : ((await markTicketClosed(deps.database.db, found.id, deps.clock.now())) ?? found);
  if (found.status !== "closed") {
    await auditSessionAction(deps, actor, {
      action: "ticket.closed",
      target: { type: "ticket", id: ticket.id },
      details: { externalId: ticket.externalId, closeOpenSessions: options.closeOpenSessions === true },
    });
  }

  const result: ClosedTicket = {
    ticket: { externalId: ticket.externalId, status: ticket.status, closedAt: ticket.closedAt },
    closedSessionIds: [],
    failedSessions: [],
  };
  if (options.closeOpenSessions !== true) return result;
  for (const state of ["open", "expired"] as const) {
    const records = await listSupportSessionRecords(deps.database.db, {
      organisationId: actor.organisationId,
      ticketId: ticket.id,
      ...(seesWholeTickets(actor) || actor.userId === null ? {} : { assignedUserId: actor.userId }),
      state,
      limit: maxSessionsClosedAtOnce,
      now: deps.clock.now(),
    });
    for (const record of records) {
      try {
        await closeSupportSession(deps, { actor, sessionId: record.id });
        result.closedSessionIds.push(record.id);
      } catch (error) {
        if (!(error instanceof SupportSessionError)) throw error;
        result.failedSessions.push({ sessionId: record.id, reason: error.reason });
      }
    }
  }
  return result;
}
