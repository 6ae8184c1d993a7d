/**
 * What the live desk shows, scoped like the session pages (src/sessions/session-actor.ts):
 * supporters their own sessions, admins and auditors the organisation's. Never a supporter link:
 * a snapshot is what a browser event stream carries (src/live/live-routes.tsx).
 */
import { countTicketReports, listWaitingCustomerRows } from "../db/repositories/live-desk.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { type SupportSessionStatus, toSupportSession } from "../sessions/support-session-view.js";

/** The queue shows at most this many; the badge counts at most this many too ("50+" is not worth a second query). */
export const maxWaitingShown = 50;

export interface WaitingCustomer {
  sessionId: string;
  ticketTitle: string;
  ticketExternalId: string;
  /** Null when the customer was already waiting before waiting times were recorded. */
  waitingSince: Date | null;
}

export interface DeskSnapshot {
  /** Session ids with waiting customers, longest wait first, and since when (ISO). */
  waiting: { sessionId: string; since: string | null }[];
  /** The one session a session page watches. */
  session?: {
    id: string;
    status: SupportSessionStatus;
    customerWaitingSince: string | null;
    /** Connection reports of its ticket: a new one is what the page shows next. */
    reportCount: number;
  };
}

/** The "Customers waiting" queue of `actor`, longest wait first. */
export async function listWaitingCustomers(
  deps: SessionDeps,
  actor: SessionActor,
): Promise<WaitingCustomer[]> {
  const seesOrganisation = actor.role === "admin" || actor.role === "auditor";
  if (!seesOrganisation && actor.userId === null) return [];
  const rows = await listWaitingCustomerRows(deps.database.db, {
    organisationId: actor.organisationId,
    ...(seesOrganisation || actor.userId === null ? {} : { assignedUserId: actor.userId }),
    now: deps.clock.now(),
    limit: maxWaitingShown,
  });
  return rows.map((row) => ({
    sessionId: row.sessionId,
    ticketTitle: row.ticketTitle,
    ticketExternalId: row.ticketExternalId,
    waitingSince: row.customerWaitingSince,
  }));
}

/**
 * The queue, plus one session when `sessionId` is given.
 * @throws SupportSessionError session-not-found for a session the actor may not see (or none)
 */
export async function loadDeskSnapshot(
  deps: SessionDeps,
  actor: SessionActor,
  sessionId?: string,
): Promise<DeskSnapshot> {
  const waiting = (await listWaitingCustomers(deps, actor)).map((customer) => ({
    sessionId: customer.sessionId,
    since: customer.waitingSince?.toISOString() ?? null,
  }));
  if (sessionId === undefined) return { waiting };
  const record = await loadSessionFor(deps, actor, sessionId, "view");
  const session = toSupportSession(record, deps.clock.now());
  return {
    waiting,
    session: {
      id: session.id,
      status: session.status,
      customerWaitingSince: session.customerWaitingSince?.toISOString() ?? null,
      reportCount: await countTicketReports(deps.database.db, record.ticket.id),
    },
  };
}
