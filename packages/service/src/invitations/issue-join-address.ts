/**
 * Gives the supporter a join page address to copy into a chat or a ticket reply. Issuing one
 * replaces the previous address; only the assigned supporter and admins may, and it is audited.
 */

import { prepareJoinLink, storeJoinLink } from "../join/join-links.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import type { InvitationDeps } from "./invitation-deps.js";
import { assertSessionJoinable, InvitationError } from "./invitation-error.js";

/** @throws SupportSessionError session-not-found, forbidden; InvitationError session-ended */
export async function issueJoinAddress(
  deps: Omit<InvitationDeps, "mail">,
  options: { actor: SessionActor; sessionId: string },
): Promise<{ url: string }> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "change");
  const now = deps.clock.now();
  assertSessionJoinable(record, now);
  const link = prepareJoinLink(deps.config.publicUrl);
  await storeJoinLink(deps.database.db, link, record, { now, locale: null });
  await auditSessionAction(deps, options.actor, {
    action: "join_link.issued",
    target: { type: "support_session", id: record.id },
  });
  return { url: link.url };
}

/**
 * The join address a new session is answered with through the API: the same as above, but a
 * session that can no longer be joined (a repeat adopting one closed meanwhile) gets none
 * instead of failing the create that already happened.
 *
 * @throws SupportSessionError session-not-found, forbidden
 */
export async function issueJoinAddressIfJoinable(
  deps: Omit<InvitationDeps, "mail">,
  options: { actor: SessionActor; sessionId: string },
): Promise<string | null> {
  try {
    return (await issueJoinAddress(deps, options)).url;
  } catch (error) {
    if (error instanceof InvitationError && error.reason === "session-ended") return null;
    throw error;
  }
}
