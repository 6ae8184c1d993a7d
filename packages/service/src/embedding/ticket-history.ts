/**
 * One ticket's sessions and connection reports as the widget shows them: exactly what the
 * session list and the session page's connection history would show this user (supporters their
 * own part, admins and auditors all of it), and nothing rather than an error for a ticket that
 * has no session yet, which is where every widget starts.
 */
import { ConnectionReportError } from "../reports/connection-report-error.js";
import { type ListedConnectionReport, listTicketConnections } from "../reports/list-connection-reports.js";
import { listSupportSessions } from "../sessions/list-support-sessions.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { SupportSession } from "../sessions/support-session-view.js";

/** A sidebar has room for a ticket's recent sessions; older ones are on Attendant's own pages. */
export const maxTicketSessionsShown = 20;

/** Newest first. */
export async function listTicketSessions(
  deps: SessionDeps,
  actor: SessionActor,
  externalId: string,
): Promise<SupportSession[]> {
  try {
    const page = await listSupportSessions(deps, {
      actor,
      scope: { kind: "ticket", externalId },
      paging: { limit: maxTicketSessionsShown },
    });
    return page.sessions;
  } catch (error) {
    if (error instanceof SupportSessionError && error.reason === "ticket-not-found") return [];
    throw error;
  }
}

/** Newest first, with durations and billable minutes. */
export async function listTicketReports(
  deps: SessionDeps,
  actor: SessionActor,
  externalId: string,
): Promise<ListedConnectionReport[]> {
  try {
    return await listTicketConnections(deps, { actor, ticketExternalId: externalId });
  } catch (error) {
    if (error instanceof ConnectionReportError && error.reason === "ticket-not-found") return [];
    throw error;
  }
}
