/**
 * Invites the end customer by e-mail (issue 5, "Invitations by e-mail"). The message carries
 * only the join page's address, never a TeamViewer link. Exactly once across a crash
 * (docs/adr/0027-invitation-exactly-once.md):
 * 1. check the session may be changed by the actor and can still be joined;
 * 2. a request already recorded (the form's request id) is not sent again: a finished one is
 *    answered from its record, one left `sending` by a dead process is sent from its record;
 * 3. otherwise make a fresh join address and the e-mail in the recipient's language, and in one
 *    transaction store the address and the invitation (`sending`, the e-mail sealed in it);
 * 4. deliver it under a Message-ID of its own, then mark it sent, recording `invitation.sent` in
 *    the same transaction (for webhooks and the helpdesk's public reply, which keeps the join
 *    address sealed until the reply is on the ticket). A refused delivery is recorded and
 *    audited, and the previous address comes back.
 */
import { randomUUID } from "node:crypto";
import { loadBrand } from "../brand/organisation-brand.js";
import { findJoinTokenHash, restoreJoinLink } from "../db/repositories/join-links.js";
import {
  claimSendingInvitation,
  findInvitationByRequest,
  insertSendingInvitation,
  type SessionInvitation,
  settleInvitation,
} from "../db/repositories/session-invitations.js";
import { bindingFor, secretColumns } from "../db/repositories/stored-secrets.js";
import type { SupportSessionRecord } from "../db/repositories/support-sessions.js";
import { transaction } from "../db/transaction.js";
import { helpdeskRepliesToInvitations, recordInvitationSent } from "../events/invitation-events.js";
import type { Locale } from "../i18n/index.js";
import { prepareJoinLink, storeJoinLink } from "../join/join-links.js";
import { deliverMail, type MailDelivery } from "../mail/mail-delivery.js";
import { loadSessionFor } from "../sessions/load-session.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { composeInvitation, invitationValuesFor } from "./compose-invitation.js";
import { sealJoinUrlForHelpdesk } from "./helpdesk-join-url.js";
import { mailBrandOf } from "./invitation-branding.js";
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
  /**
   * The join address the e-mail carries, now the session's only valid one; absent when the
   * request had been answered before (only the token's hash is kept once it is sent).
   */
  joinUrl?: string;
}

/** What `message_sealed` holds: the composed e-mail and the address in it. */
interface RecordedMessage {
  subject: string;
  text: string;
  html: string;
  joinUrl: string;
  tokenHash: string;
}

type Deliverable = Exclude<MailDelivery, { kind: "off" }>;

/** Longer than one SMTP attempt may take (src/mail/smtp-url.ts), so a live sender keeps its claim. */
const sendingLeaseMs = 2 * 60_000;

/**
 * @throws SupportSessionError session-not-found, forbidden; InvitationError session-ended,
 *   mail-off, delivery-failed (recorded as a failed invitation)
 */
export async function sendSessionInvitation(
  deps: InvitationDeps,
  options: { actor: SessionActor; sessionId: string; recipient: InvitationRecipient; requestId: string },
): Promise<SentInvitation> {
  const { actor, recipient, requestId } = options;
  const record = await loadSessionFor(deps, actor, options.sessionId, "change");
  assertSessionJoinable(record, deps.clock.now());
  const delivery = deps.mail;
  if (delivery.kind === "off") throw new InvitationError("mail-off");

  const earlier = await findInvitationByRequest(deps.database.db, record.id, requestId);
  if (earlier !== undefined) return answerRecordedRequest(deps, actor, delivery, record, earlier);

  const link = prepareJoinLink(deps.config.publicUrl);
  const template = await resolveInvitationTemplate(deps, actor.organisationId, recipient.locale);
  const brand = await loadBrand(deps.database.db, actor.organisationId);
  if (brand === undefined) throw new Error(`organisation ${actor.organisationId} is missing`);
  const values = await invitationValuesFor(deps.database.db, {
    brand,
    assignedUserId: record.assignedUserId,
    customerName: recipient.name,
    joinUrl: link.url,
    validUntil: record.validUntil,
    locale: recipient.locale,
  });
  const message: RecordedMessage = {
    ...composeInvitation(template, values, recipient.locale, mailBrandOf(brand, deps.config.publicUrl)),
    joinUrl: link.url,
    tokenHash: link.tokenHash,
  };
  const id = randomUUID();
  const now = deps.clock.now();
  const recorded = await transaction(deps.database.db, async (tx) => {
    const replaced = await findJoinTokenHash(tx, record.id);
    const row = await insertSendingInvitation(tx, {
      id,
      organisationId: actor.organisationId,
      sessionId: record.id,
      recipientEmail: recipient.email,
      recipientName: recipient.name ?? null,
      locale: recipient.locale,
      sentByUserId: actor.userId,
      sentAt: now,
      requestId,
      messageSealed: deps.vault.encrypt(JSON.stringify(message), messageBinding(id)),
      replacedJoinTokenHash: replaced ?? null,
      leaseExpiresAt: new Date(now.getTime() + sendingLeaseMs),
    });
    if (row !== undefined) await storeJoinLink(tx, link, record, { now, locale: recipient.locale });
    return row;
  });
  if (recorded !== undefined) return deliverRecorded(deps, actor, delivery, record, recorded, message);
  // The same request, submitted twice at once, was recorded by the other submission.
  const concurrent = await findInvitationByRequest(deps.database.db, record.id, requestId);
  if (concurrent === undefined) throw new Error(`invitation request ${requestId} vanished`);
  return answerRecordedRequest(deps, actor, delivery, record, concurrent);
}

/** A request seen before: answered from its record, never a second e-mail of its own. */
async function answerRecordedRequest(
  deps: InvitationDeps,
  actor: SessionActor,
  delivery: Deliverable,
  session: SupportSessionRecord,
  invitation: SessionInvitation,
): Promise<SentInvitation> {
  if (invitation.status === "failed") {
    throw new InvitationError("delivery-failed", { detail: invitation.error ?? "" });
  }
  if (invitation.status !== "sending") return { invitation };
  const now = deps.clock.now();
  const claimed = await claimSendingInvitation(
    deps.database.db,
    invitation.id,
    now,
    new Date(now.getTime() + sendingLeaseMs),
  );
  // Another request is sending it right now; it stays `sending` until that one is done.
  if (claimed === undefined || claimed.messageSealed === null) return { invitation };
  const message = JSON.parse(
    deps.vault.decrypt(claimed.messageSealed, messageBinding(claimed.id)),
  ) as RecordedMessage;
  return deliverRecorded(deps, actor, delivery, session, claimed, message);
}

async function deliverRecorded(
  deps: InvitationDeps,
  actor: SessionActor,
  delivery: Deliverable,
  session: SupportSessionRecord,
  invitation: SessionInvitation,
  message: RecordedMessage,
): Promise<SentInvitation> {
  const target = { type: "support_session", id: invitation.sessionId } as const;
  let status: "sent" | "captured";
  try {
    status = await deliverMail(deps, delivery, {
      organisationId: invitation.organisationId,
      to: invitation.recipientEmail,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdOf(invitation.id, deps.config.publicUrl),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn(
      { err: error, sessionId: invitation.sessionId },
      "invitation e-mail could not be delivered",
    );
    await transaction(deps.database.db, async (tx) => {
      await restoreJoinLink(tx, invitation.sessionId, message.tokenHash, invitation.replacedJoinTokenHash);
      await settleInvitation(tx, invitation.id, {
        status: "failed",
        error: reason,
        sentAt: deps.clock.now(),
      });
    });
    await auditSessionAction(deps, actor, {
      action: "session_invitation.failed",
      target,
      details: { to: invitation.recipientEmail, locale: invitation.locale, error: reason },
    });
    throw new InvitationError("delivery-failed", { detail: reason, cause: error });
  }

  const sentAt = deps.clock.now();
  const sent = await transaction(deps.database.db, async (tx) => {
    const keptForHelpdesk = (await helpdeskRepliesToInvitations(tx, invitation.organisationId))
      ? { helpdeskJoinUrlSealed: sealJoinUrlForHelpdesk(deps.vault, invitation.id, message.joinUrl) }
      : {};
    const row = await settleInvitation(tx, invitation.id, { status, sentAt, ...keptForHelpdesk });
    await recordInvitationSent(tx, { invitation: row, ticket: session.ticket, now: sentAt });
    return row;
  });
  await auditSessionAction(deps, actor, {
    action: "session_invitation.sent",
    target,
    details: { to: sent.recipientEmail, locale: sent.locale, status, invitationId: sent.id },
  });
  return { invitation: sent, joinUrl: message.joinUrl };
}

function messageBinding(invitationId: string) {
  return bindingFor(secretColumns.invitationMessage, invitationId);
}

/** One Message-ID per invitation: a repeat sent after a crash is the same message to mail clients. */
function messageIdOf(invitationId: string, publicUrl: string): string {
  return `<invitation-${invitationId}@${new URL(publicUrl).hostname}>`;
}
