/**
 * What happened to an endpoint's events: the deliveries (newest first, paged), each with every
 * attempt, re-sending one, and sending a test event to check a receiver.
 */
import {
  findWebhookDelivery,
  listWebhookAttempts,
  listWebhookDeliveries,
  requeueWebhookDelivery,
  type WebhookAttemptRecord,
  type WebhookDeliverySummary,
} from "../db/repositories/webhooks.js";
import { webhookMessageId } from "../events/record-event.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { postSignedWebhook } from "./deliver-webhook.js";
import { getEndpoint } from "./manage-webhook-endpoints.js";
import type { WebhookResponseOutcome } from "./send-webhook-request.js";
import type { WebhookDeps } from "./webhook-deps.js";
import { WebhookError } from "./webhook-error.js";

export const defaultDeliveryPageSize = 25;
export const maxDeliveryPageSize = 100;

export interface DeliveryPage {
  deliveries: WebhookDeliverySummary[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

function encodeCursor(delivery: WebhookDeliverySummary): string {
  return Buffer.from(`${delivery.createdAt.toISOString()}|${delivery.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [date = "", id = ""] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(date);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new WebhookError("invalid-input", [{ field: "cursor", problem: "invalid-cursor" }]);
  }
  return { createdAt, id };
}

export async function listDeliveries(
  deps: WebhookDeps,
  options: {
    actor: SessionActor;
    endpointId: string;
    limit?: number | undefined;
    cursor?: string | undefined;
  },
): Promise<DeliveryPage> {
  const endpoint = await getEndpoint(deps, options);
  const limit = Math.min(Math.max(options.limit ?? defaultDeliveryPageSize, 1), maxDeliveryPageSize);
  const rows = await listWebhookDeliveries(deps.database.db, {
    endpointId: endpoint.id,
    limit: limit + 1,
    before: options.cursor === undefined ? undefined : decodeCursor(options.cursor),
  });
  const deliveries = rows.slice(0, limit);
  const last = deliveries.at(-1);
  return { deliveries, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null };
}

export interface DeliveryWithAttempts {
  delivery: WebhookDeliverySummary;
  attempts: WebhookAttemptRecord[];
}

export async function getDelivery(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string; deliveryId: string },
): Promise<DeliveryWithAttempts> {
  const endpoint = await getEndpoint(deps, options);
  const delivery = await findWebhookDelivery(deps.database.db, endpoint.id, options.deliveryId);
  if (delivery === undefined) throw new WebhookError("delivery-not-found");
  return { delivery, attempts: await listWebhookAttempts(deps.database.db, delivery.id) };
}

/**
 * Queues the delivery's event for the endpoint again, now, with the same `webhook-id` (receivers
 * that already have it can drop it) and a fresh retry schedule. Admins only; the endpoint must
 * be enabled.
 */
export async function resendDelivery(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string; deliveryId: string },
): Promise<WebhookDeliverySummary> {
  if (options.actor.role !== "admin") throw new WebhookError("forbidden");
  const { delivery } = await getDelivery(deps, options);
  const endpoint = await getEndpoint(deps, options);
  if (endpoint.disabledAt !== null) throw new WebhookError("endpoint-disabled");
  await requeueWebhookDelivery(deps.database.db, {
    eventId: delivery.eventId,
    endpointId: endpoint.id,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, options.actor, {
    action: "webhook_delivery.resent",
    target: { type: "webhook_delivery", id: delivery.id },
    details: { endpointId: endpoint.id, eventId: delivery.eventId, eventType: delivery.eventType },
  });
  const requeued = await findWebhookDelivery(deps.database.db, endpoint.id, delivery.id);
  if (requeued === undefined) throw new WebhookError("delivery-not-found");
  return requeued;
}

export interface TestEventResult extends WebhookResponseOutcome {
  messageId: string;
}

/**
 * Sends a `webhook.test` event right away, signed like every other, and returns what the
 * receiver answered. It is not an outbox event: not retried, not in the delivery history.
 * Works for a disabled endpoint too, so an admin can check a receiver before enabling it.
 */
export async function sendTestEvent(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string },
): Promise<TestEventResult> {
  if (options.actor.role !== "admin") throw new WebhookError("forbidden");
  const endpoint = await getEndpoint(deps, options);
  const messageId = webhookMessageId();
  const body = JSON.stringify({
    type: "webhook.test",
    timestamp: deps.clock.now().toISOString(),
    data: { endpointId: endpoint.id, message: "A test event from Attendant: the signature should verify." },
  });
  const outcome = await postSignedWebhook(deps, {
    endpointId: endpoint.id,
    url: endpoint.url,
    messageId,
    body,
  });
  return { ...outcome, messageId };
}
