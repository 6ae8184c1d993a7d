/**
 * `/api/v1/sessions/{id}/invitations` (issue 25, "The REST API gives what the UI gives"): invite
 * the end customer by e-mail, list the invitations, resend one, through the same use cases as
 * the session page's invitation form (src/invitations/), so an invitation is sent exactly once
 * (docs/adr/0027-invitation-exactly-once.md). The Idempotency-Key's claim id is the request id
 * the form would carry: a repeat after a crash finds the recorded invitation instead of sending
 * another.
 */
import { randomUUID } from "node:crypto";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { InvitationDeps } from "../invitations/invitation-deps.js";
import { listInvitationsOfSession } from "../invitations/list-invitations.js";
import { resendSessionInvitation } from "../invitations/resend-invitation.js";
import { sendSessionInvitation } from "../invitations/send-invitation.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { idempotentPost } from "./idempotency.js";
import { toInvitationJson, toSentInvitationJson } from "./invitation-json.js";
import {
  invitationListSchema,
  invitationParamsSchema,
  sendInvitationBodySchema,
  sentInvitationSchema,
} from "./invitation-schemas.js";
import { idempotencyHeader, jsonContent, problem, problemResponses } from "./route-helpers.js";
import { sessionIdParamsSchema } from "./session-schemas.js";

const invitationProblems = {
  ...problemResponses,
  404: problem("No such session, or no such invitation of it"),
  409: problem(
    "The session is closed or expired (`session-ended`), e-mail is not set up (`mail-off`), or the Idempotency-Key is in flight",
  ),
  502: problem("The mail server refused the e-mail (`delivery-failed`); it is recorded as failed"),
} as const;

export function registerInvitationRoutes(api: OpenAPIHono<ApiEnv>, deps: InvitationDeps): void {
  const read = requireScope("sessions:read");
  const write = requireScope("sessions:write");
  const idempotent = idempotentPost(deps);

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/invitations",
      summary: "Invite the end customer by e-mail to the session's join page",
      description:
        "Sends one e-mail in the chosen language with a fresh join page address, which replaces the previous one. Assigned supporter and admins only.",
      middleware: [write, idempotent] as const,
      request: {
        params: sessionIdParamsSchema,
        headers: idempotencyHeader,
        body: { content: { "application/json": { schema: sendInvitationBodySchema } }, required: true },
      },
      responses: {
        201: jsonContent(sentInvitationSchema, "Sent (or kept in the demo outbox)"),
        ...invitationProblems,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const sent = await sendSessionInvitation(deps, {
        actor: c.get("apiPrincipal").actor,
        sessionId: id,
        recipient: { email: body.email, name: body.name, locale: body.locale },
        requestId: c.get("idempotencyClaim")?.correlationId ?? randomUUID(),
      });
      return c.json(toSentInvitationJson(sent), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}/invitations",
      summary: "List the session's e-mail invitations, newest first",
      middleware: [read] as const,
      request: { params: sessionIdParamsSchema },
      responses: { 200: jsonContent(invitationListSchema, "The invitations"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const invitations = await listInvitationsOfSession(deps, {
        actor: c.get("apiPrincipal").actor,
        sessionId: id,
      });
      return c.json({ invitations: invitations.map(toInvitationJson) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/invitations/{invitationId}/resend",
      summary: "Send an invitation again, to the same address in the same language",
      description: "With a fresh join page address, which replaces the previous one.",
      middleware: [write, idempotent] as const,
      request: { params: invitationParamsSchema, headers: idempotencyHeader },
      responses: {
        201: jsonContent(sentInvitationSchema, "Sent again (or kept in the demo outbox)"),
        ...invitationProblems,
      },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      const sent = await resendSessionInvitation(deps, {
        actor: c.get("apiPrincipal").actor,
        sessionId: id,
        invitationId,
        requestId: c.get("idempotencyClaim")?.correlationId ?? randomUUID(),
      });
      return c.json(toSentInvitationJson(sent), 201);
    },
  );
}
