/**
 * Request and response schemas of the webhooks API (issue 7). camelCase like the rest of our
 * REST API, and so are the webhook payloads themselves (docs/webhooks.md).
 */
import { z } from "@hono/zod-openapi";
import { webhookDeliveryStates, webhookEventTypes } from "../db/schema.js";
import { maxDescriptionLength } from "../webhooks/manage-webhook-endpoints.js";
import { maxWebhookUrlLength } from "../webhooks/webhook-target.js";

const eventTypeSchema = z.enum(webhookEventTypes).openapi("WebhookEventType");

const eventTypesSchema = z
  .array(eventTypeSchema)
  .max(webhookEventTypes.length * 2)
  .openapi({
    description: "The event types to deliver; empty (the default) means every type, including future ones",
    example: ["session.created", "session.closed"],
  });

const urlSchema = z.string().trim().min(1).max(maxWebhookUrlLength).openapi({
  description:
    "Where events are POSTed: https, no credentials, not a private or loopback address (unless the operator allowed that network)",
  example: "https://helpdesk.example.com/attendant/webhooks",
});

export const createEndpointBodySchema = z
  .object({
    url: urlSchema,
    description: z.string().max(maxDescriptionLength).optional(),
    eventTypes: eventTypesSchema.optional(),
  })
  .strict()
  .openapi("CreateWebhookEndpointRequest");

export const updateEndpointBodySchema = z
  .object({
    url: urlSchema.optional(),
    description: z.string().max(maxDescriptionLength).optional(),
    eventTypes: eventTypesSchema.optional(),
    enabled: z
      .boolean()
      .optional()
      .openapi({ description: "false disables the endpoint; true enables it again" }),
  })
  .strict()
  .openapi("UpdateWebhookEndpointRequest");

export const endpointParamsSchema = z.object({
  endpointId: z.uuid().openapi({ param: { name: "endpointId", in: "path" } }),
});

export const deliveryParamsSchema = endpointParamsSchema.extend({
  deliveryId: z.uuid().openapi({ param: { name: "deliveryId", in: "path" } }),
});

export const deliveriesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: "Default 25" }),
    cursor: z.string().max(200).optional().openapi({ description: "`nextCursor` of the previous page" }),
  })
  .strict();

const iso = z.iso.datetime();

export const endpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventTypeSchema),
    enabled: z.boolean(),
    disabledAt: iso.nullable(),
    disabledReason: z
      .enum(["admin", "gone"])
      .nullable()
      .openapi({ description: "`gone`: the receiver answered 410 Gone" }),
    previousSecretExpiresAt: iso.nullable().openapi({
      description: "After a rotation: until when the previous secret still signs (as a second signature)",
    }),
    createdAt: iso,
    updatedAt: iso,
  })
  .openapi("WebhookEndpoint");

export const endpointListSchema = z
  .object({ endpoints: z.array(endpointSchema) })
  .openapi("WebhookEndpointList");

export const endpointWithSecretSchema = z
  .object({
    endpoint: endpointSchema,
    secret: z.string().openapi({
      description: "The signing secret (`whsec_…`). Shown only in this answer: store it now.",
      example: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
    }),
  })
  .openapi("WebhookEndpointWithSecret");

export const deliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.string().openapi({ description: "The `webhook-id` header", example: "msg_2b7c…" }),
    eventType: eventTypeSchema,
    eventCreatedAt: iso,
    state: z.enum(webhookDeliveryStates),
    attemptCount: z.number().int(),
    nextAttemptAt: iso.nullable().openapi({ description: "Null unless pending" }),
    createdAt: iso,
    updatedAt: iso,
  })
  .openapi("WebhookDelivery");

export const deliveryPageSchema = z
  .object({ deliveries: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .openapi("WebhookDeliveryPage");

export const attemptSchema = z
  .object({
    attemptedAt: iso,
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable().openapi({ description: "Null for a 2xx answer" }),
    durationMs: z.number().int(),
    responseExcerpt: z.string().nullable().openapi({ description: "The first 1 KiB of the answer" }),
  })
  .openapi("WebhookAttempt");

export const deliveryWithAttemptsSchema = z
  .object({ delivery: deliverySchema, attempts: z.array(attemptSchema) })
  .openapi("WebhookDeliveryWithAttempts");

export const testResultSchema = z
  .object({
    messageId: z.string(),
    succeeded: z.boolean(),
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    responseExcerpt: z.string().nullable(),
  })
  .openapi("WebhookTestResult");
