/** A session's invitation as our API's JSON: only who, in which language, and how delivery went. */
import type { SessionInvitation } from "../db/repositories/session-invitations.js";
import type { SentInvitation } from "../invitations/send-invitation.js";

export function toInvitationJson(invitation: SessionInvitation) {
  return {
    id: invitation.id,
    sessionId: invitation.sessionId,
    recipientEmail: invitation.recipientEmail,
    recipientName: invitation.recipientName,
    locale: invitation.locale,
    status: invitation.status,
    error: invitation.error,
    sentByUserId: invitation.sentByUserId,
    sentAt: invitation.sentAt.toISOString(),
  };
}

export function toSentInvitationJson(sent: SentInvitation) {
  return { ...toInvitationJson(sent.invitation), joinUrl: sent.joinUrl ?? null };
}
