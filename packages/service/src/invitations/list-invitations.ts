/** The invitations sent for one session, newest first, for whoever may see the session. */
import { listSessionInvitations, type SessionInvitation } from "../db/repositories/session-invitations.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";

/** @throws SupportSessionError session-not-found (also for another organisation's or supporter's session) */
export async function listInvitationsOfSession(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string },
): Promise<SessionInvitation[]> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "view");
  return listSessionInvitations(deps.database.db, record.id);
}
