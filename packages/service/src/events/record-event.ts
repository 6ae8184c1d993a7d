/**
 * Domain events (`session.created`, `connection.reported`, …) into the outbox: the spine the
 * features talk through. Call these with the transaction that makes the change the event
 * reports, so the event exists exactly when the change does: a rolled-back change leaves no
 * event, a committed one always has its event, whatever crashes afterwards. This module knows
 * nothing of who listens: the webhook dispatcher (src/webhooks/webhook-dispatcher.ts) fans each
 * event out to webhook deliveries and helpdesk writes later.
 *
 * An organisation without a subscriber gets no row: nothing could ever receive it (an endpoint
 * and the helpdesk's write-back only get events that happen after they were set up), so the sync
 * of a large report history costs nothing extra there. Write-back subscribes to the session and
 * connection events of tickets (src/db/repositories/helpdesk-writes.ts).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db/open-database.js";
import { findReportsFirstSeenAt } from "../db/repositories/connection-reports.js";
import {
  type EventSubscribers,
  findEventSubscribers,
  insertWebhookEvent,
  insertWebhookEvents,
  type WebhookEventValues,
} from "../db/repositories/webhooks.js";
import type { WebhookEventType } from "../db/schema.js";
import { connectionEventData, type WebhookEventData } from "./event-data.js";

export interface WebhookEventInput {
  organisationId: string;
  type: WebhookEventType;
  data: WebhookEventData;
  now: Date;
  /**
   * Makes the event id a function of this key, so recording the same fact twice (a sweep that
   * runs again, a page fetched twice) yields one event. Random when absent.
   */
  onceKey?: string;
}

/** A Standard Webhooks message id: `msg_` and 32 hex digits. */
export function webhookMessageId(onceKey?: string): string {
  const hex =
    onceKey === undefined
      ? randomUUID().replaceAll("-", "")
      : createHash("sha256").update(onceKey).digest("hex").slice(0, 32);
  return `msg_${hex}`;
}

/**
 * Records one event in `tx`. Returns the event id, or undefined when nobody subscribes
 * (nothing was written) or an event with the same `onceKey` already exists.
 */
export async function recordWebhookEvent(tx: Db, event: WebhookEventInput): Promise<string | undefined> {
  const subscribers = await findEventSubscribers(tx, event.organisationId, event.type);
  if (!subscribers.endpoint && !subscribers.helpdesk) return undefined;
  const row = toWebhookEventRow(event);
  return (await insertWebhookEvent(tx, row)) ? row.id : undefined;
}

/** The outbox row an event is stored as, for statements that insert it together with other rows. */
export function toWebhookEventRow(event: WebhookEventInput): WebhookEventValues {
  return {
    id: webhookMessageId(event.onceKey === undefined ? undefined : `${event.type}:${event.onceKey}`),
    organisationId: event.organisationId,
    type: event.type,
    data: event.data,
    createdAt: event.now,
  };
}

/**
 * `connection.reported` for each of the given TeamViewer reports first seen at `firstSeenAt`
 * (a record the sync sees again is not new); called from the sync's page transaction.
 * `subscribers` is findEventSubscribers' answer, asked while the page was prepared: an endpoint
 * created in between receives the records of the pages that follow, as it would had it been
 * created a moment later; delivery checks each endpoint again, so a disabled one gets nothing.
 * When only write-back subscribes, only the records matched to a ticket are recorded: most of a
 * backfill is history no ticket of ours is part of.
 */
export async function recordReportedConnections(
  tx: Db,
  values: { organisationId: string; teamViewerReportIds: readonly string[]; firstSeenAt: Date },
  subscribers: EventSubscribers,
): Promise<void> {
  if (values.teamViewerReportIds.length === 0 || (!subscribers.endpoint && !subscribers.helpdesk)) return;
  const rows = await findReportsFirstSeenAt(tx, values);
  const recorded = subscribers.endpoint ? rows : rows.filter((row) => row.ticketExternalId !== null);
  // One statement for the page; ids derived from the report make a repeated page add nothing.
  await insertWebhookEvents(
    tx,
    recorded.map(({ report, ticketExternalId }) => ({
      id: webhookMessageId(`connection.reported:${report.id}`),
      organisationId: values.organisationId,
      type: "connection.reported" as const,
      data: connectionEventData(
        report,
        ticketExternalId === null ? undefined : { externalId: ticketExternalId },
      ),
      createdAt: values.firstSeenAt,
    })),
  );
}
