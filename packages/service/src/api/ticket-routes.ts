/** `/api/v1/tickets/{externalId}/…`: a ticket's sessions, and reporting the ticket closed (issue 5). */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { listSupportSessions } from "../sessions/list-support-sessions.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { toSessionJson } from "../sessions/session-json.js";
import { closeTicket } from "../tickets/close-ticket.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { toClosedTicketJson } from "./closed-ticket-json.js";
import { idempotentPost } from "./idempotency.js";
import { listFiltersOf, problemResponses } from "./route-helpers.js";
import {
  closedTicketSchema,
  closeTicketBodySchema,
  sessionPageSchema,
  ticketParamsSchema,
  ticketSessionsQuerySchema,
} from "./session-schemas.js";

export function registerTicketRoutes(api: OpenAPIHono<ApiEnv>, deps: SessionDeps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/tickets/{externalId}/sessions",
      summary: "List a ticket's support sessions",
      middleware: [requireScope("sessions:read")] as const,
      request: { params: ticketParamsSchema, query: ticketSessionsQuerySchema },
      responses: {
        200: { content: { "application/json": { schema: sessionPageSchema } }, description: "One page" },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { externalId } = c.req.valid("param");
      const page = await listSupportSessions(deps, {
        actor: c.get("apiPrincipal").actor,
        scope: { kind: "ticket", externalId },
        ...listFiltersOf(c.req.valid("query")),
      });
      return c.json({ ...page, sessions: page.sessions.map((session) => toSessionJson(session)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/tickets/{externalId}/close",
      summary: "Report a ticket closed, optionally closing its open sessions",
      middleware: [requireScope("sessions:write"), idempotentPost(deps)] as const,
      request: {
        params: ticketParamsSchema,
        body: { content: { "application/json": { schema: closeTicketBodySchema } }, required: false },
      },
      responses: {
        200: {
          content: { "application/json": { schema: closedTicketSchema } },
          description: "The closed ticket",
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { externalId } = c.req.valid("param");
      const body = c.req.valid("json");
      const result = await closeTicket(deps, {
        actor: c.get("apiPrincipal").actor,
        externalId,
        closeOpenSessions: body.closeOpenSessions ?? false,
      });
      return c.json(toClosedTicketJson(result), 200);
    },
  );
}
