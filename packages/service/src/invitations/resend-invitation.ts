/** Sends an earlier invitation again, to the same address in the same language, with a fresh join address. */
import { findSessionInvitation } from "../db/repositories/session-invitations.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { InvitationDeps } from "./invitation-deps.js";
import { InvitationError } from "./invitation-error.js";
import { type SentInvitation, sendSessionInvitation } from "./send-invitation.js";

/** @throws like sendSessionInvitation, and InvitationError invitation-not-found */
export async function resendSessionInvitation(
  deps: InvitationDeps,
  options: { actor: SessionActor; sessionId: string; invitationId: string; requestId: string },
): Promise<SentInvitation> {
  // Checked first, so ids of other people's sessions reveal nothing about their invitations.
  await loadSessionFor(deps, options.actor, options.sessionId, "change");
  const earlier = await findSessionInvitation(deps.database.db, options.sessionId, options.invitationId);
  if (earlier === undefined) throw new InvitationError("invitation-not-found");
  return sendSessionInvitation(deps, {
    actor: options.actor,
    sessionId: options.sessionId,
    recipient: {
      email: earlier.recipientEmail,
      name: earlier.recipientName ?? undefined,
      locale: earlier.locale,
    },
    requestId: options.requestId,
  });
}
