/**
 * Webhook events of support sessions, recorded in the transaction of the change (see
 * record-webhook-event.ts): creation, the customer coming online, closing, and expiry.
 */

import type { Db } from "../db/open-database.js";
import {
  findSupportSession,
  type SupportSessionChanges,
  type SupportSessionRecord,
} from "../db/repositories/support-sessions.js";
import { recordWebhookEvent } from "./record-webhook-event.js";
import { sessionEventData } from "./webhook-event-data.js";

/** `session.created` for a session just inserted in `tx`. */
export async function recordSessionCreated(
  tx: Db,
  values: { organisationId: string; sessionId: string; now: Date },
): Promise<void> {
  const session = await findSupportSession(tx, values.organisationId, values.sessionId);
  if (session === undefined) throw new Error(`support session ${values.sessionId} is not in the transaction`);
  await recordWebhookEvent(tx, {
    organisationId: values.organisationId,
    type: "session.created",
    data: sessionEventData(session, values.now),
    now: values.now,
  });
}

/**
 * `session.customer_online` when the customer was not waiting before and is now;
 * `session.closed` when an open session is now closed. `before` is the row the conditional
 * update in `tx` just replaced, so the comparison is exact even with concurrent writers.
 */
export async function recordSessionTransitions(
  tx: Db,
  values: { before: SupportSessionRecord; changes: SupportSessionChanges; now: Date },
): Promise<void> {
  const { before, changes, now } = values;
  const after = { ...before, ...changes } as SupportSessionRecord;
  const record = (type: "session.customer_online" | "session.closed") =>
    recordWebhookEvent(tx, {
      organisationId: before.organisationId,
      type,
      data: sessionEventData(after, now),
      now,
    });
  if (after.isOnline && !before.isOnline && after.state === "open") await record("session.customer_online");
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
