/**
 * What "New session" tells a supporter about a ticket number that exists already: its title (which
 * a new session keeps, db/repositories/tickets.ts) and the open sessions they may reuse instead of
 * opening another. A ticket the actor may not see is reported as absent (find-visible-ticket.ts).
 */
import { listSupportSessions, maxPageSize } from "../sessions/list-support-sessions.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { findVisibleTicket } from "./find-visible-ticket.js";

export interface ExistingTicket {
  externalId: string;
  title: string;
  /** The open sessions the actor sees on it, newest first; at most one page of the session list. */
  openSessions: { id: string; code: string }[];
}

export async function describeExistingTicket(
  deps: SessionDeps,
  actor: SessionActor,
  externalId: string,
): Promise<ExistingTicket | undefined> {
  const ticket = await findVisibleTicket(deps, actor, externalId);
  if (ticket === undefined) return undefined;
  const page = await listSupportSessions(deps, {
    actor,
    scope: { kind: "ticket", externalId },
    state: "open",
    paging: { limit: maxPageSize },
  });
  return {
    externalId,
    title: ticket.title,
    openSessions: page.sessions.map((session) => ({ id: session.id, code: session.code })),
  };
}
