/**
 * `/api/v1/sessions` (issue 5, "REST API"): create, list, retrieve, update, close, and a new join
 * page address (issue 25). Handlers only translate between HTTP and the use cases in
 * src/sessions/ and src/invitations/; who may do what is decided there.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { completeTicketFromHelpdesk } from "../helpdesks/complete-ticket.js";
import type { InvitationDeps } from "../invitations/invitation-deps.js";
import { issueJoinAddress, issueJoinAddressIfJoinable } from "../invitations/issue-join-address.js";
import { closeSupportSession } from "../sessions/close-support-session.js";
import { createSupportSession } from "../sessions/create-support-session.js";
import { getSupportSession, revealSupporterLinks } from "../sessions/get-support-session.js";
import { listSupportSessions } from "../sessions/list-support-sessions.js";
import { reassignSupportSession } from "../sessions/reassign-support-session.js";
import { refreshSupportSessionStatus } from "../sessions/refresh-support-session-status.js";
import { toSessionJson } from "../sessions/session-json.js";
import type { SupportSession } from "../sessions/support-session-view.js";
import { updateSupportSession } from "../sessions/update-support-session.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { idempotentPost } from "./idempotency.js";
import {
  idempotencyHeader,
  jsonContent as json,
  listFiltersOf,
  problem,
  problemResponses,
} from "./route-helpers.js";
import {
  createSessionBodySchema,
  listSessionsQuerySchema,
  sessionIdParamsSchema,
  sessionPageSchema,
  sessionSchema,
  updateSessionBodySchema,
} from "./session-schemas.js";

export function registerSessionRoutes(api: OpenAPIHono<ApiEnv>, deps: Omit<InvitationDeps, "mail">): void {
  const read = requireScope("sessions:read");
  const write = requireScope("sessions:write");
  const idempotent = idempotentPost(deps);

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions",
      summary: "Create a support session for a ticket",
      middleware: [write, idempotent] as const,
      request: {
        headers: idempotencyHeader,
        body: { content: { "application/json": { schema: createSessionBodySchema } }, required: true },
      },
      responses: {
        201: json(sessionSchema, "Created, with the supporter links and the join page address"),
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { actor, actingUserTeamViewer } = c.get("apiPrincipal");
      const claim = c.get("idempotencyClaim");
      const ticket = await completeTicketFromHelpdesk(deps, actor.organisationId, body.ticket);
      const created = await createSupportSession(deps, {
        ...body,
        ticket,
        actor,
        actorTeamViewer: actingUserTeamViewer,
        correlationId: claim?.correlationId,
        mayExistAlready: claim?.isResumed,
        validUntil: body.validUntil === undefined ? undefined : new Date(body.validUntil),
      });
      const joinUrl = await issueJoinAddressIfJoinable(deps, { actor, sessionId: created.session.id });
      c.header("Location", `/api/v1/sessions/${created.session.id}`);
      return c.json(toSessionJson(created.session, { supporterLinks: created.supporterLinks, joinUrl }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions",
      summary: "List support sessions, newest first",
      middleware: [read] as const,
      request: { query: listSessionsQuerySchema },
      responses: { 200: json(sessionPageSchema, "One page"), ...problemResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const { actor } = c.get("apiPrincipal");
      const scope = query.scope ?? (actor.userId === null ? "organisation" : "mine");
      const page = await listSupportSessions(deps, {
        actor,
        scope: { kind: scope },
        ...listFiltersOf(query),
      });
      return c.json({ ...page, sessions: page.sessions.map((session) => toSessionJson(session)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}",
      summary: "Retrieve a support session",
      middleware: [read] as const,
      request: {
        params: sessionIdParamsSchema,
        query: z.object({
          include: z.enum(["supporterLinks"]).optional().openapi({
            description: "Add the supporter links (audited; assigned supporter and admins only)",
          }),
          refresh: z
            .enum(["true", "false"])
            .optional()
            .openapi({ description: "Ask TeamViewer for the current state first" }),
        }),
      },
      responses: { 200: json(sessionSchema, "The session"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const { actor } = c.get("apiPrincipal");
      const options = { actor, sessionId: id };
      const session: SupportSession =
        query.refresh === "true"
          ? await refreshSupportSessionStatus(deps, options)
          : await getSupportSession(deps, options);
      const links =
        query.include === "supporterLinks" ? await revealSupporterLinks(deps, options) : undefined;
      return c.json(toSessionJson(session, { supporterLinks: links }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/sessions/{id}",
      summary: "Change the description or waiting message, or hand the session to a colleague",
      middleware: [write] as const,
      request: {
        params: sessionIdParamsSchema,
        body: { content: { "application/json": { schema: updateSessionBodySchema } }, required: true },
      },
      responses: { 200: json(sessionSchema, "The changed session"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const { actor } = c.get("apiPrincipal");
      let session = await updateSupportSession(deps, {
        actor,
        sessionId: id,
        changes: { description: body.description, waitingMessage: body.waitingMessage },
      });
      if (body.assignedUserId !== undefined) {
        session = await reassignSupportSession(deps, {
          actor,
          sessionId: id,
          assigneeUserId: body.assignedUserId,
        });
      }
      return c.json(toSessionJson(session), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/close",
      summary: "Close a support session at TeamViewer",
      middleware: [write, idempotent] as const,
      request: { params: sessionIdParamsSchema, headers: idempotencyHeader },
      responses: { 200: json(sessionSchema, "The closed session"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const session = await closeSupportSession(deps, { actor: c.get("apiPrincipal").actor, sessionId: id });
      return c.json(toSessionJson(session), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/join-address",
      summary: "Make a new join page address for the end customer",
      description:
        "Answers the session with `joinUrl`, the only valid address from now on: the previous one (from the create answer or an invitation) stops working. Assigned supporter and admins only; audited.",
      middleware: [write, idempotent] as const,
      request: { params: sessionIdParamsSchema, headers: idempotencyHeader },
      responses: {
        200: json(sessionSchema, "The session with its new `joinUrl`"),
        ...problemResponses,
        409: problem(
          "The session is closed or expired (`session-ended`), or the Idempotency-Key is in flight",
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { actor } = c.get("apiPrincipal");
      const { url } = await issueJoinAddress(deps, { actor, sessionId: id });
      const session = await getSupportSession(deps, { actor, sessionId: id });
      return c.json(toSessionJson(session, { joinUrl: url }), 200);
    },
  );
}
