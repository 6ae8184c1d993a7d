/**
 * One attempt of one claimed delivery: sign the event with the endpoint's current secrets, POST
 * it, record the attempt, and decide what happens next — done on 2xx; on 410 Gone the endpoint is
 * disabled (the receiver said it is gone for good); otherwise retried on the schedule until it
 * runs out.
 */
import { signWebhook } from "@attendant/webhooks";
import { recordAuditEvent } from "../audit/audit-events.js";
import {
  cancelWebhookDelivery,
  finishWebhookAttempt,
  loadDeliveryTarget,
  loadSigningSecrets,
  updateWebhookEndpoint,
  type WebhookDeliveryRecord,
  type WebhookEventRecord,
} from "../db/repositories/webhooks.js";
import type { WebhookDeliveryState } from "../db/schema.js";
import { nextRetryAt } from "./retry-schedule.js";
import { sendWebhookRequest, type WebhookResponseOutcome } from "./send-webhook-request.js";
import { type WebhookDeps, webhookAttemptTimeoutMs } from "./webhook-deps.js";

export const webhookUserAgent = "Attendant-Webhooks/1";

/** The JSON body of an event: `{ type, timestamp, data }`, the same bytes on every attempt. */
export function webhookBodyOf(event: Pick<WebhookEventRecord, "type" | "createdAt" | "data">): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}

/** Signs and sends a body to an endpoint; shared by deliveries and the test event. */
export async function postSignedWebhook(
  deps: WebhookDeps,
  values: { endpointId: string; url: string; messageId: string; body: string },
): Promise<WebhookResponseOutcome> {
  const now = deps.clock.now();
  const secrets = await loadSigningSecrets(deps.database.db, deps.vault, values.endpointId, now);
  return sendWebhookRequest({
    url: values.url,
    headers: {
      "content-type": "application/json",
      "user-agent": webhookUserAgent,
      ...signWebhook({ id: values.messageId, timestamp: now, body: values.body, secret: secrets }),
    },
    body: values.body,
    timeoutMs: deps.attemptTimeoutMs ?? webhookAttemptTimeoutMs,
    allowedNetworks: deps.config.webhookAllowedPrivateNetworks,
    resolveHost: deps.resolveHost,
  });
}

export type DeliveryResult =
  | "succeeded"
  | "retrying"
  | "failed"
  | "endpoint-gone"
  | "cancelled"
  | "lease-lost";

export async function deliverWebhook(
  deps: WebhookDeps,
  delivery: WebhookDeliveryRecord,
  holder: string,
): Promise<DeliveryResult> {
  const db = deps.database.db;
  const target = await loadDeliveryTarget(db, delivery);
  if (target === undefined || target.endpoint.disabledAt !== null) {
    await cancelWebhookDelivery(db, delivery.id, holder, deps.clock.now());
    return "cancelled";
  }
  const { event, endpoint } = target;
  const attemptedAt = deps.clock.now();
  const outcome = await postSignedWebhook(deps, {
    endpointId: endpoint.id,
    url: endpoint.url,
    messageId: event.id,
    body: webhookBodyOf(event),
  });
  const isSuccess = outcome.error === null;
  const isGone = outcome.status === 410;
  const retryAt = isSuccess || isGone ? undefined : nextRetryAt(delivery.attemptCount + 1, attemptedAt);
  const state: WebhookDeliveryState = isSuccess ? "succeeded" : retryAt === undefined ? "failed" : "pending";
  const isRecorded = await finishWebhookAttempt(db, {
    deliveryId: delivery.id,
    holder,
    attempt: {
      attemptedAt,
      responseStatus: outcome.status,
      error: outcome.error,
      durationMs: outcome.durationMs,
      responseExcerpt: outcome.excerpt,
    },
    outcome: { state, nextAttemptAt: retryAt ?? attemptedAt },
    now: deps.clock.now(),
  });
  if (!isRecorded) return "lease-lost";
  if (isGone) {
    await disableGoneEndpoint(deps, endpoint.organisationId, endpoint.id);
    return "endpoint-gone";
  }
  if (isSuccess) return "succeeded";
  return state === "failed" ? "failed" : "retrying";
}

async function disableGoneEndpoint(
  deps: WebhookDeps,
  organisationId: string,
  endpointId: string,
): Promise<void> {
  const now = deps.clock.now();
  await updateWebhookEndpoint(deps.database.db, {
    organisationId,
    id: endpointId,
    changes: { disabledAt: now, disabledReason: "gone" },
    now,
  });
  await recordAuditEvent(
    { db: deps.database.db, clock: deps.clock },
    {
      organisationId,
      actor: { label: "system" },
      action: "webhook_endpoint.disabled",
      target: { type: "webhook_endpoint", id: endpointId },
      details: { reason: "gone", status: 410 },
    },
  );
  deps.logger.warn({ endpointId }, "a webhook receiver answered 410 Gone; its endpoint is disabled");
}
