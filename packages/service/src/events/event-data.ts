/**
 * The `data` of each webhook event, in camelCase wire names like the rest of the API
 * (docs/webhooks.md documents every field). Built from stored rows; never carries a secret: no
 * supporter links (they embed the service-queue token), no tokens, no internal columns such as
 * encrypted values or `raw`.
 */

import type { StoredConnectionReport } from "../db/repositories/connection-reports.js";
import type { SessionInvitation } from "../db/repositories/session-invitations.js";
import { toSessionJson } from "../sessions/session-json.js";
import { type SessionViewSource, toSupportSession } from "../sessions/support-session-view.js";

export type WebhookEventData = Record<string, unknown>;

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/**
 * session.created, session.customer_online, session.customer_left, session.closed, session.expired:
 * the session as
 * GET /api/v1/sessions/{id} shows it (same names, same `status` values), so a receiver parses
 * one shape. Without the supporter links (they embed the service-queue token), without `joinUrl`
 * (the join token is a credential kept only as its hash, while the outbox keeps payloads as
 * they are: docs/adr/0035-join-address-in-api-answers.md) and without the bookkeeping a
 * receiver cannot act on (correlation id, version, last refresh).
 */
export function sessionEventData(session: SessionViewSource, now: Date): WebhookEventData {
  const { correlationId, version, lastRefreshedAt, joinUrl, ...data } = toSessionJson(
    toSupportSession(session, now),
  );
  return data;
}

/** connection.reported, connection.updated */
export function connectionEventData(
  report: StoredConnectionReport,
  ticket: { externalId: string } | undefined,
): WebhookEventData {
  return {
    id: report.id,
    teamViewerReportId: report.teamViewerReportId,
    sessionCode: report.sessionCode,
    supportSessionId: report.supportSessionId,
    ticket: ticket === undefined ? null : { externalId: ticket.externalId },
    supporter: { teamViewerUserId: report.teamViewerUserId, name: report.userName },
    device: { id: report.deviceId, name: report.deviceName },
    group: { id: report.groupId, name: report.groupName },
    startDate: iso(report.startDate),
    endDate: iso(report.endDate),
    durationSeconds: report.durationSeconds,
    fee: report.fee,
    currency: report.currency,
    billingState: report.billingState,
    notes: report.notes,
    endCustomer: { name: report.endCustomerName, email: report.endCustomerEmail },
    feedback: { rating: report.feedbackRating, comment: report.feedbackComment },
    sessionNote: report.sessionNote,
    matchedBy: report.matchedBy,
  };
}

/** teamviewer.connection_lost */
export function connectionLostEventData(values: {
  userId: string;
  email: string;
  reason: "refresh_refused" | "access_refused";
}): WebhookEventData {
  return { userId: values.userId, userEmail: values.email, reason: values.reason };
}

/**
 * invitation.sent: who was invited to which session's ticket, in which language. Never the join
 * address: it is the customer's key to the session (the helpdesk's reply reads it sealed from
 * the invitation, src/helpdesks/helpdesk-writer.ts).
 */
export function invitationEventData(
  invitation: SessionInvitation,
  ticket: { externalId: string },
): WebhookEventData {
  return {
    id: invitation.id,
    supportSessionId: invitation.sessionId,
    ticket: { externalId: ticket.externalId },
    recipient: { email: invitation.recipientEmail, name: invitation.recipientName },
    locale: invitation.locale,
    status: invitation.status,
    sentAt: invitation.sentAt.toISOString(),
    sentByUserId: invitation.sentByUserId,
  };
}
