/**
 * Webhook events of support sessions, recorded in the transaction of the change (see
 * record-event.ts): creation, the customer coming online and leaving again, a supporter's
 * connection, closing, and expiry.
 */

import type { Db } from "../db/open-database.js";
import type { MatchedReport } from "../db/repositories/connection-reports.js";
import {
  findSupportSession,
  type SupportSessionChanges,
  type SupportSessionRecord,
} from "../db/repositories/support-sessions.js";
import { findEventSubscribers } from "../db/repositories/webhooks.js";
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

/**
 * `session.connected`, once per session, when the first report of a connection to its customer
 * is matched to it: TeamViewer tells of a connection only by its report, after it ended
 * (docs/adr/0028-session-status-watch.md), so this is when Attendant can know. `connectedAt` is
 * the earliest start among the reports matched now; a later report adds no second event.
 * Called in the transaction that matched the reports.
 */
export async function recordSessionsConnected(
  tx: Db,
  organisationId: string,
  matched: readonly MatchedReport[],
  now: Date,
): Promise<void> {
  if (matched.length === 0) return;
  const subscribers = await findEventSubscribers(tx, organisationId, "session.connected");
  if (!subscribers.endpoint && !subscribers.helpdesk) return;
  const connectedAt = new Map<string, Date | null>();
  for (const { supportSessionId, startDate } of matched) {
    const earliest = connectedAt.get(supportSessionId);
    if (earliest === undefined || (startDate !== null && (earliest === null || startDate < earliest)))
      connectedAt.set(supportSessionId, startDate);
  }
  for (const [sessionId, startDate] of connectedAt) {
    const session = await findSupportSession(tx, organisationId, sessionId);
    if (session === undefined) continue;
    await recordWebhookEvent(tx, {
      organisationId,
      type: "session.connected",
      data: { ...sessionEventData(session, now), connectedAt: startDate?.toISOString() ?? null },
      now,
      onceKey: sessionId,
    });
  }
}
