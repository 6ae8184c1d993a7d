/**
 * `/api/v1/helpdesk/…` (issue 22): what write-back wrote to the organisation's helpdesk, with
 * each outcome, and re-sending one. Admins' and auditors' keys read (`helpdesk:read`); admins'
 * keys re-send (`helpdesk:write`).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { helpdeskWriteStates } from "../db/schema.js";
import type { HelpdeskDeps } from "../helpdesks/helpdesk-connection-settings.js";
import {
  type HelpdeskWriteView,
  helpdeskEventTypes,
  listHelpdeskWriteHistory,
  resendHelpdeskWrite,
} from "../helpdesks/helpdesk-write-history.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { problemResponses } from "./route-helpers.js";

const json = <S>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const writeSchema = z
  .object({
    id: z.uuid(),
    eventId: z.string().openapi({ description: "The outbox event (the webhook-id of the same event)" }),
    eventType: z.enum(helpdeskEventTypes),
    ticketExternalId: z.string(),
    state: z.enum(helpdeskWriteStates).openapi({
      description:
        "pending (waiting or retrying), done, failed (gave up or refused), stopped (the ticket is gone)",
    }),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable().openapi({ description: "When a pending write is tried next" }),
    outcome: z.string().nullable().openapi({ description: "What was written, or why not" }),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("HelpdeskWrite");

const pageSchema = z
  .object({
    writes: z.array(writeSchema),
    counts: z.object({
      pending: z.number().int(),
      done: z.number().int(),
      failed: z.number().int(),
      stopped: z.number().int(),
    }),
    nextBefore: z.string().optional().openapi({ description: "Pass as `before` for the next (older) page" }),
  })
  .openapi("HelpdeskWritePage");

const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).optional(),
    before: z.iso
      .datetime()
      .optional()
      .openapi({ description: "Only writes made before this time (a page's `nextBefore`)" }),
  })
  .strict();

const writeParamsSchema = z.object({ writeId: z.uuid().openapi({ param: { name: "writeId", in: "path" } }) });

function toWriteJson(write: HelpdeskWriteView) {
  return {
    ...write,
    nextAttemptAt: write.state === "pending" ? write.nextAttemptAt.toISOString() : null,
    createdAt: write.createdAt.toISOString(),
    updatedAt: write.updatedAt.toISOString(),
  };
}

export function registerHelpdeskRoutes(api: OpenAPIHono<ApiEnv>, deps: HelpdeskDeps): void {
  const actorOf = (c: Context<ApiEnv>) => c.get("apiPrincipal").actor;

  api.openapi(
    createRoute({
      method: "get",
      path: "/helpdesk/writes",
      summary: "What was written to the helpdesk, newest first, with each outcome",
      tags: ["Helpdesk"],
      middleware: [requireScope("helpdesk:read")] as const,
      request: { query: listQuerySchema },
      responses: { 200: json(pageSchema, "A page of writes and the count per state"), ...problemResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const page = await listHelpdeskWriteHistory(deps, {
        actor: actorOf(c),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        before: query.before === undefined ? undefined : new Date(query.before),
      });
      return c.json(
        {
          writes: page.writes.map(toWriteJson),
          counts: page.counts,
          ...(page.nextBefore === undefined ? {} : { nextBefore: page.nextBefore.toISOString() }),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/helpdesk/writes/{writeId}/resend",
      summary: "Write again (a fresh retry schedule; a note already on the ticket is not written twice)",
      tags: ["Helpdesk"],
      middleware: [requireScope("helpdesk:write")] as const,
      request: { params: writeParamsSchema },
      responses: { 202: json(writeSchema, "Queued; written within seconds"), ...problemResponses },
    }),
    async (c) => {
      const write = await resendHelpdeskWrite(deps, {
        actor: actorOf(c),
        writeId: c.req.valid("param").writeId,
      });
      return c.json(toWriteJson(write), 202);
    },
  );
}
