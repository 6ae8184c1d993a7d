/**
 * `/api/v1/webhooks/…` (issue 7): endpoints (CRUD, secret rotation, a test event), their
 * deliveries with every attempt, and re-sending one. `webhooks:read` to look, `webhooks:write`
 * to change; the key's role must allow it too (admins change, admins and auditors look;
 * organisation-wide keys act as admin).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { WebhookDeliverySummary, WebhookEndpointRecord } from "../db/repositories/webhooks.js";
import { problemResponse } from "../http/problem.js";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
} from "../webhooks/manage-webhook-endpoints.js";
import {
  getDelivery,
  listDeliveries,
  resendDelivery,
  sendTestEvent,
} from "../webhooks/webhook-deliveries.js";
import type { WebhookDeps } from "../webhooks/webhook-deps.js";
import type { WebhookError, WebhookErrorReason, WebhookInputProblem } from "../webhooks/webhook-error.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { problemResponses } from "./route-helpers.js";
import {
  createEndpointBodySchema,
  deliveriesQuerySchema,
  deliveryPageSchema,
  deliveryParamsSchema,
  deliverySchema,
  deliveryWithAttemptsSchema,
  endpointListSchema,
  endpointParamsSchema,
  endpointSchema,
  endpointWithSecretSchema,
  testResultSchema,
  updateEndpointBodySchema,
} from "./webhook-schemas.js";

const json = <S>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const webhookProblemResponses = {
  400: problemResponses[400],
  401: problemResponses[401],
  403: problemResponses[403],
  404: { ...problemResponses[404], description: "No such endpoint or delivery" },
  409: { ...problemResponses[409], description: "The endpoint is disabled" },
  429: problemResponses[429],
} as const;

const errorStatus: Record<WebhookErrorReason, ContentfulStatusCode> = {
  forbidden: 403,
  "endpoint-not-found": 404,
  "delivery-not-found": 404,
  "endpoint-disabled": 409,
  "invalid-input": 400,
};

const errorDetail: Record<Exclude<WebhookErrorReason, "invalid-input">, string> = {
  forbidden: "Your role does not allow this: admins manage webhooks, admins and auditors may look.",
  "endpoint-not-found": "There is no such webhook endpoint in your organisation.",
  "delivery-not-found": "This endpoint has no such delivery.",
  "endpoint-disabled": "The endpoint is disabled; enable it before re-sending.",
};

const problemMessages: Record<WebhookInputProblem, string> = {
  "invalid-url": "not an absolute URL",
  "unsupported-scheme": "must be an https URL",
  "credentials-in-url": "must not contain a user name or password",
  "https-required": "must use https (plain http only to networks the operator allowed)",
  "private-address":
    "is a private, loopback or otherwise non-public address; the operator can allow it with ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS",
  "description-too-long": "is too long",
  "unknown-event-type": "contains an unknown event type",
  "invalid-cursor": "is not a cursor this API returned",
};

const locationOf = (field: string) => (field === "cursor" ? "query" : "body");

/** A WebhookError as problem+json; the API's error handler calls it (see create-api-routes.ts). */
export function webhookErrorResponse(c: Context<ApiEnv>, error: WebhookError): Response {
  if (error.reason !== "invalid-input") {
    return problemResponse(c, errorStatus[error.reason], {
      detail: errorDetail[error.reason],
      extensions: { code: error.reason },
    });
  }
  const errors = error.problems.map((entry) => ({
    in: locationOf(entry.field),
    field: entry.field,
    message: problemMessages[entry.problem],
  }));
  return problemResponse(c, 400, {
    detail: `The request has invalid values: ${[...new Set(errors.map((entry) => entry.field))].join(", ")}.`,
    extensions: { code: "invalid-request", errors },
  });
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function disabledReasonOf(endpoint: WebhookEndpointRecord): "admin" | "gone" | null {
  if (endpoint.disabledAt === null) return null;
  return endpoint.disabledReason === "gone" ? "gone" : "admin";
}

function toEndpointJson(endpoint: WebhookEndpointRecord) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.disabledAt === null,
    disabledAt: iso(endpoint.disabledAt),
    disabledReason: disabledReasonOf(endpoint),
    previousSecretExpiresAt: iso(endpoint.previousSecretExpiresAt),
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

function toDeliveryJson(delivery: WebhookDeliverySummary) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    eventCreatedAt: delivery.eventCreatedAt.toISOString(),
    state: delivery.state,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.state === "pending" ? delivery.nextAttemptAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}

export function registerWebhookRoutes(api: OpenAPIHono<ApiEnv>, deps: WebhookDeps): void {
  const actorOf = (c: Context<ApiEnv>) => c.get("apiPrincipal").actor;

  api.openapi(
    createRoute({
      method: "get",
      path: "/webhooks/endpoints",
      summary: "List webhook endpoints",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:read")] as const,
      responses: {
        200: json(endpointListSchema, "Every endpoint of the organisation"),
        ...webhookProblemResponses,
      },
    }),
    async (c) => {
      const endpoints = await listEndpoints(deps, actorOf(c));
      return c.json({ endpoints: endpoints.map(toEndpointJson) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/webhooks/endpoints",
      summary: "Register a webhook endpoint; the answer carries its signing secret, once",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: {
        body: { content: { "application/json": { schema: createEndpointBodySchema } }, required: true },
      },
      responses: { 201: json(endpointWithSecretSchema, "Created"), ...webhookProblemResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const created = await createEndpoint(deps, {
        actor: actorOf(c),
        input: { url: body.url, description: body.description ?? "", eventTypes: body.eventTypes ?? [] },
      });
      return c.json({ endpoint: toEndpointJson(created.endpoint), secret: created.secret }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/webhooks/endpoints/{endpointId}",
      summary: "Retrieve a webhook endpoint",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:read")] as const,
      request: { params: endpointParamsSchema },
      responses: { 200: json(endpointSchema, "The endpoint"), ...webhookProblemResponses },
    }),
    async (c) => {
      const endpoint = await getEndpoint(deps, {
        actor: actorOf(c),
        endpointId: c.req.valid("param").endpointId,
      });
      return c.json(toEndpointJson(endpoint), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/webhooks/endpoints/{endpointId}",
      summary: "Change an endpoint's URL, description or event types, or disable/enable it",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: {
        params: endpointParamsSchema,
        body: { content: { "application/json": { schema: updateEndpointBodySchema } }, required: true },
      },
      responses: { 200: json(endpointSchema, "The changed endpoint"), ...webhookProblemResponses },
    }),
    async (c) => {
      const { endpointId } = c.req.valid("param");
      const { enabled, ...input } = c.req.valid("json");
      const actor = actorOf(c);
      let endpoint = await updateEndpoint(deps, {
        actor,
        endpointId,
        input: {
          ...(input.url === undefined ? {} : { url: input.url }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.eventTypes === undefined ? {} : { eventTypes: input.eventTypes }),
        },
      });
      if (enabled !== undefined)
        endpoint = await setEndpointEnabled(deps, { actor, endpointId, isEnabled: enabled });
      return c.json(toEndpointJson(endpoint), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/webhooks/endpoints/{endpointId}",
      summary: "Delete an endpoint with its delivery history",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: { params: endpointParamsSchema },
      responses: { 204: { description: "Deleted" }, ...webhookProblemResponses },
    }),
    async (c) => {
      await deleteEndpoint(deps, { actor: actorOf(c), endpointId: c.req.valid("param").endpointId });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/webhooks/endpoints/{endpointId}/rotate-secret",
      summary: "Replace the signing secret; the previous one keeps signing for 24 hours",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: { params: endpointParamsSchema },
      responses: {
        200: json(endpointWithSecretSchema, "The new secret, shown once"),
        ...webhookProblemResponses,
      },
    }),
    async (c) => {
      const rotated = await rotateEndpointSecret(deps, {
        actor: actorOf(c),
        endpointId: c.req.valid("param").endpointId,
      });
      return c.json({ endpoint: toEndpointJson(rotated.endpoint), secret: rotated.secret }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/webhooks/endpoints/{endpointId}/test",
      summary: "Send a signed `webhook.test` event now and report the receiver's answer",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: { params: endpointParamsSchema },
      responses: { 200: json(testResultSchema, "What the receiver answered"), ...webhookProblemResponses },
    }),
    async (c) => {
      const result = await sendTestEvent(deps, {
        actor: actorOf(c),
        endpointId: c.req.valid("param").endpointId,
      });
      return c.json(
        {
          messageId: result.messageId,
          succeeded: result.error === null,
          responseStatus: result.status,
          error: result.error,
          durationMs: result.durationMs,
          responseExcerpt: result.excerpt,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/webhooks/endpoints/{endpointId}/deliveries",
      summary: "List an endpoint's deliveries, newest first",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:read")] as const,
      request: { params: endpointParamsSchema, query: deliveriesQuerySchema },
      responses: { 200: json(deliveryPageSchema, "One page"), ...webhookProblemResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await listDeliveries(deps, {
        actor: actorOf(c),
        endpointId: c.req.valid("param").endpointId,
        limit: query.limit,
        cursor: query.cursor,
      });
      return c.json({ deliveries: page.deliveries.map(toDeliveryJson), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}",
      summary: "Retrieve a delivery with every attempt",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:read")] as const,
      request: { params: deliveryParamsSchema },
      responses: {
        200: json(deliveryWithAttemptsSchema, "The delivery and its attempts"),
        ...webhookProblemResponses,
      },
    }),
    async (c) => {
      const found = await getDelivery(deps, { actor: actorOf(c), ...c.req.valid("param") });
      return c.json(
        {
          delivery: toDeliveryJson(found.delivery),
          attempts: found.attempts.map((attempt) => ({
            attemptedAt: attempt.attemptedAt.toISOString(),
            responseStatus: attempt.responseStatus,
            error: attempt.error,
            durationMs: attempt.durationMs,
            responseExcerpt: attempt.responseExcerpt,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/resend",
      summary: "Send a delivery's event again (same webhook-id, fresh retry schedule)",
      tags: ["Webhooks"],
      middleware: [requireScope("webhooks:write")] as const,
      request: { params: deliveryParamsSchema },
      responses: {
        202: json(deliverySchema, "Queued; it is sent within seconds"),
        ...webhookProblemResponses,
      },
    }),
    async (c) => {
      const delivery = await resendDelivery(deps, { actor: actorOf(c), ...c.req.valid("param") });
      return c.json(toDeliveryJson(delivery), 202);
    },
  );
}
