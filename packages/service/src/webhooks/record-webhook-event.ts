/**
 * Writes webhook events to the outbox. Call these with the transaction that makes the change the
 * event reports, so the event exists exactly when the change does: a rolled-back change leaves
 * no event, a committed one always has its event, whatever crashes afterwards. The dispatcher
 * (src/webhooks/webhook-dispatcher.ts) delivers them later.
 *
 * An organisation without an enabled endpoint subscribed to the type gets no row: nothing could
 * ever receive it (an endpoint only gets events that happen after it was created), so the sync
 * of a large report history costs nothing extra there.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open-database.js";
import { preparedStatement } from "../db/prepared-query.js";
import {
  endpointsSubscribedTo,
  insertWebhookEvent,
  insertWebhookEvents,
  type WebhookEventValues,
} from "../db/repositories/webhooks.js";
import { connectionReports, tickets, type WebhookEventType, webhookEndpoints } from "../db/schema.js";
import { connectionEventData, type WebhookEventData } from "./webhook-event-data.js";

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

/** Whether any enabled endpoint of the organisation would receive `type`. */
export async function hasWebhookSubscriber(
  tx: Db,
  organisationId: string,
  type: WebhookEventType,
): Promise<boolean> {
  const [row] = await selectSubscribedEndpoint(tx).execute({
    organisationId,
    eventTypes: JSON.stringify([type]),
  });
  return row !== undefined;
}

// Asked for every page a report sync stores: prepared once (src/db/prepared-query.ts).
const selectSubscribedEndpoint = preparedStatement("find_subscribed_webhook_endpoint", (db, name) =>
  db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(endpointsSubscribedTo(sql.placeholder("organisationId"), sql.placeholder("eventTypes")))
    .limit(1)
    .prepare(name),
);

/**
 * Records one event in `tx`. Returns the event id, or undefined when no endpoint subscribes
 * (nothing was written) or an event with the same `onceKey` already exists.
 */
export async function recordWebhookEvent(tx: Db, event: WebhookEventInput): Promise<string | undefined> {
  if (!(await hasWebhookSubscriber(tx, event.organisationId, event.type))) return undefined;
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
 * `isSubscribed` is {@link hasWebhookSubscriber}'s answer, asked while the page was prepared: an
 * endpoint created in between receives the records of the pages that follow, as it would had it
 * been created a moment later; delivery checks each endpoint again, so a disabled one gets nothing.
 */
export async function recordReportedConnections(
  tx: Db,
  values: { organisationId: string; teamViewerReportIds: readonly string[]; firstSeenAt: Date },
  isSubscribed: boolean,
): Promise<void> {
  if (values.teamViewerReportIds.length === 0 || !isSubscribed) return;
  const rows = await tx
    .select({ report: connectionReports, ticketExternalId: tickets.externalId })
    .from(connectionReports)
    .leftJoin(tickets, eq(tickets.id, connectionReports.ticketId))
    .where(
      and(
        eq(connectionReports.organisationId, values.organisationId),
        sql`${connectionReports.teamViewerReportId} in ${[...values.teamViewerReportIds]}`,
        eq(connectionReports.firstSeenAt, values.firstSeenAt),
      ),
    );
  // One statement for the page; ids derived from the report make a repeated page add nothing.
  await insertWebhookEvents(
    tx,
    rows.map(({ report, ticketExternalId }) => ({
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
