/**
 * A session the widget acts on must belong to the ticket the host asserted: a token issued for
 * one ticket is not a way to reach another's sessions, even ones the user could open on
 * Attendant's own pages. Reported as not found, like a session the user may not see.
 */
import { getSupportSession } from "../sessions/get-support-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { EmbedTicketContext } from "./embed-env.js";

/** @throws SupportSessionError session-not-found */
export async function assertSessionOfTicket(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string; ticket: EmbedTicketContext["ticket"] },
): Promise<void> {
  const session = await getSupportSession(deps, { actor: options.actor, sessionId: options.sessionId });
  if (session.ticket.externalId !== options.ticket.externalId)
    throw new SupportSessionError("session-not-found");
}
