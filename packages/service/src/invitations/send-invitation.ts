/**
 * Invites the end customer by e-mail (issue 5, "Invitations by e-mail"). The message carries
 * only the join page's address, never a TeamViewer link. Order, so that a failed e-mail changes
 * nothing the customer could notice:
 * 1. check the session may be changed by the actor and can still be joined;
 * 2. make a fresh join address (not stored yet) and the e-mail in the recipient's language;
 * 3. deliver it; only when that worked, store the address (replacing the previous one) and the
 *    invitation in one transaction. A failure is recorded and audited, the old address stays.
 */
import type { SessionInvitation } from "../db/repositories/session-invitations.js";
import { insertSessionInvitation } from "../db/repositories/session-invitations.js";
import { transaction } from "../db/transaction.js";
import type { Locale } from "../i18n/index.js";
import { prepareJoinLink, storeJoinLink } from "../join/join-links.js";
import { deliverMail } from "../mail/mail-delivery.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { composeInvitation, invitationValuesFor } from "./compose-invitation.js";
import type { InvitationDeps } from "./invitation-deps.js";
import { assertSessionJoinable, InvitationError } from "./invitation-error.js";
import { resolveInvitationTemplate } from "./invitation-templates.js";

export interface InvitationRecipient {
  email: string;
  /** Optional: the greeting then does without it. */
  name: string | undefined;
  locale: Locale;
}

export interface SentInvitation {
  invitation: SessionInvitation;
  /** The join address the e-mail carries, now the session's only valid one. */
  joinUrl: string;
}

/**
 * @throws SupportSessionError session-not-found, forbidden; InvitationError session-ended,
 *   mail-off, delivery-failed (recorded as a failed invitation)
 */
export async function sendSessionInvitation(
  deps: InvitationDeps,
  options: { actor: SessionActor; sessionId: string; recipient: InvitationRecipient },
): Promise<SentInvitation> {
  const { actor, recipient } = options;
  const record = await loadSessionFor(deps, actor, options.sessionId, "change");
  assertSessionJoinable(record, deps.clock.now());
  const delivery = deps.mail;
  if (delivery.kind === "off") throw new InvitationError("mail-off");

  const link = prepareJoinLink(deps.config.publicUrl);
  const template = await resolveInvitationTemplate(deps, actor.organisationId, recipient.locale);
  const values = await invitationValuesFor(deps.database.db, {
    organisationId: actor.organisationId,
    assignedUserId: record.assignedUserId,
    customerName: recipient.name,
    joinUrl: link.url,
    validUntil: record.validUntil,
    locale: recipient.locale,
  });
  const mail = composeInvitation(template, values, recipient.locale);
  const attempt = {
    organisationId: actor.organisationId,
    sessionId: record.id,
    recipientEmail: recipient.email,
    recipientName: recipient.name ?? null,
    locale: recipient.locale,
    sentByUserId: actor.userId,
  };

  let status: "sent" | "captured";
  try {
    status = await deliverMail(deps, delivery, {
      organisationId: actor.organisationId,
      to: recipient.email,
      ...mail,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn({ err: error, sessionId: record.id }, "invitation e-mail could not be delivered");
    await insertSessionInvitation(deps.database.db, {
      ...attempt,
      status: "failed",
      error: reason,
      sentAt: deps.clock.now(),
    });
    await auditSessionAction(deps, actor, {
      action: "session_invitation.failed",
      target: { type: "support_session", id: record.id },
      details: { to: recipient.email, locale: recipient.locale, error: reason },
    });
    throw new InvitationError("delivery-failed", { detail: reason, cause: error });
  }

  const now = deps.clock.now();
  const invitation = await transaction(deps.database.db, async (tx) => {
    await storeJoinLink(tx, link, record, now);
    return insertSessionInvitation(tx, { ...attempt, status, sentAt: now });
  });
  await auditSessionAction(deps, actor, {
    action: "session_invitation.sent",
    target: { type: "support_session", id: record.id },
    details: { to: recipient.email, locale: recipient.locale, status, invitationId: invitation.id },
  });
  return { invitation, joinUrl: link.url };
}
