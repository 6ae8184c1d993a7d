/**
 * Webhook events of support sessions, recorded in the transaction of the change (see
 * record-event.ts): creation, the customer coming online and leaving again, closing, and
 * expiry.
 */

import type { Db } from "../db/open-database.js";
import type { SupportSessionChanges, SupportSessionRecord } from "../db/repositories/support-sessions.js";
import type { SessionViewSource } from "../sessions/support-session-view.js";
import { sessionEventData } from "./event-data.js";
import { recordWebhookEvent, type WebhookEventInput } from "./record-event.js";

/**
 * `session.created` for a session about to be stored; the statement that stores it writes the
 * event too, when an endpoint wants it (`insertSupportSession`).
 */
export function sessionCreatedEvent(session: SessionViewSource, now: Date): WebhookEventInput {
  return {
    organisationId: session.organisationId,
    type: "session.created",
    data: sessionEventData(session, now),
    now,
  };
}

/**
 * `session.customer_online` when the customer was not waiting before and is now;
 * `session.customer_left` when they were and no longer are, the session still open (their
 * QuickSupport closed, or the supporter's connection with them ended);
 * `session.closed` when an open session is now closed. `before` is the row the conditional
 * update in `tx` just replaced, so the comparison is exact even with concurrent writers.
 */
export async function recordSessionTransitions(
  tx: Db,
  values: { before: SupportSessionRecord; changes: SupportSessionChanges; now: Date },
): Promise<void> {
  const { before, changes, now } = values;
  const after = { ...before, ...changes } as SupportSessionRecord;
  const record = (type: "session.customer_online" | "session.customer_left" | "session.closed") =>
    recordWebhookEvent(tx, {
      organisationId: before.organisationId,
      type,
      data: sessionEventData(after, now),
      now,
    });
  if (after.isOnline && !before.isOnline && after.state === "open") await record("session.customer_online");
  if (!after.isOnline && before.isOnline && after.state === "open") await record("session.customer_left");
  if (after.state === "closed" && before.state !== "closed") await record("session.closed");
}

/** `session.expired`, once per session however often the sweep sees it. */
export async function recordSessionExpired(tx: Db, session: SupportSessionRecord, now: Date): Promise<void> {
  await recordWebhookEvent(tx, {
    organisationId: session.organisationId,
    type: "session.expired",
    data: sessionEventData(session, now),
    now,
    onceKey: session.id,
  });
}
