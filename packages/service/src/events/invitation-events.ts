/**
 * `invitation.sent`, recorded in the transaction that records an invitation as sent (see
 * record-event.ts), so webhooks and the helpdesk's public reply hear of every sent
 * invitation once, and of a refused one never.
 */
import type { Db } from "../db/open-database.js";
import type { SessionInvitation } from "../db/repositories/session-invitations.js";
import { findEventSubscribers } from "../db/repositories/webhooks.js";
import { invitationEventData } from "./event-data.js";
import { recordWebhookEvent } from "./record-event.js";

/** Whether the organisation's helpdesk connection replies on the ticket when an invitation is sent. */
export async function helpdeskRepliesToInvitations(tx: Db, organisationId: string): Promise<boolean> {
  return (await findEventSubscribers(tx, organisationId, "invitation.sent")).helpdesk;
}

export async function recordInvitationSent(
  tx: Db,
  values: { invitation: SessionInvitation; ticket: { externalId: string }; now: Date },
): Promise<void> {
  await recordWebhookEvent(tx, {
    organisationId: values.invitation.organisationId,
    type: "invitation.sent",
    data: invitationEventData(values.invitation, values.ticket),
    now: values.now,
    onceKey: values.invitation.id,
  });
}
