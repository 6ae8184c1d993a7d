/**
 * The REST API under `/api/v1` (issue 5 "REST API", issue 7). Built with @hono/zod-openapi so
 * the same schemas that validate requests describe them: `api.getOpenAPI31Document(…)` (or
 * `api.doc31(…)`) serves the OpenAPI document.
 *
 * Order per request: API key → scope → Idempotency-Key (POST) → input validation → use case.
 * Bad input is 400 problem+json listing each field; a SupportSessionError becomes its own status
 * and `code`; anything else reaches the app's 500 handler.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { embeddingErrorResponse, registerEmbeddingRoutes } from "../embedding/api/embedding-routes.js";
import { EmbeddingError } from "../embedding/embedding-error.js";
import { HelpdeskTicketError } from "../helpdesks/complete-ticket.js";
import { HelpdeskWriteError } from "../helpdesks/helpdesk-write-history.js";
import type { AppDeps } from "../http/app-deps.js";
import { problemResponse } from "../http/problem.js";
import { InvitationError } from "../invitations/invitation-error.js";
import type { MailDelivery } from "../mail/mail-delivery.js";
import { ConnectionReportError } from "../reports/connection-report-error.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import { WebhookError } from "../webhooks/webhook-error.js";
import { requireApiKey } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { ApiProblemError } from "./api-problem-error.js";
import { invitationErrorResponse, supportSessionErrorResponse, validationHook } from "./api-problems.js";
import { registerDocumentationRoutes } from "./documentation-routes.js";
import { registerHelpdeskRoutes } from "./helpdesk-routes.js";
import { registerInvitationRoutes } from "./invitation-routes.js";
import { registerOrganisationRoutes } from "./organisation-routes.js";
import { rateLimitPerKey } from "./rate-limit.js";
import { connectionReportErrorResponse, registerReportRoutes } from "./report-routes.js";
import { registerSessionRoutes } from "./session-routes.js";
import { registerTicketRoutes } from "./ticket-routes.js";
import { registerWebhookRoutes, webhookErrorResponse } from "./webhook-routes.js";

export const apiBasePath = "/api/v1";

export function createApiRoutes(deps: AppDeps & SessionDeps & { mail: MailDelivery }): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(apiBasePath);
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key: `atd_<prefix>_<secret>`",
  });
  // The document and reference page come before the key check: they are public.
  registerDocumentationRoutes(api, { publicUrl: deps.config.publicUrl, basePath: apiBasePath });
  api.use("*", requireApiKey(deps));
  api.use("*", rateLimitPerKey({ ...deps, limitPerMinute: deps.config.apiRateLimitPerMinute }));
  api.onError((error, c) => {
    if (error instanceof SupportSessionError) return supportSessionErrorResponse(c, error);
    if (error instanceof InvitationError) return invitationErrorResponse(c, error);
    if (error instanceof ConnectionReportError) return connectionReportErrorResponse(c, error);
    if (error instanceof WebhookError) return webhookErrorResponse(c, error);
    if (error instanceof EmbeddingError) return embeddingErrorResponse(c, error);
    if (error instanceof HelpdeskTicketError) {
      const status = (
        { "title-required": 400, "ticket-not-found": 422, "helpdesk-unavailable": 503 } as const
      )[error.reason];
      return problemResponse(c, status, { detail: error.message, extensions: { code: error.reason } });
    }
    if (error instanceof HelpdeskWriteError) {
      return problemResponse(c, error.reason === "forbidden" ? 403 : 404, {
        detail: error.message,
        extensions: { code: error.reason === "forbidden" ? "forbidden" : "helpdesk-write-not-found" },
      });
    }
    if (error instanceof ApiProblemError) {
      return problemResponse(c, error.status, { detail: error.detail, extensions: { code: error.code } });
    }
    throw error;
  });
  registerSessionRoutes(api, deps);
  registerInvitationRoutes(api, deps);
  registerTicketRoutes(api, deps);
  registerOrganisationRoutes(api, deps);
  registerReportRoutes(api, deps);
  registerWebhookRoutes(api, deps);
  registerHelpdeskRoutes(api, deps);
  registerEmbeddingRoutes(api, { ...deps, publicUrl: deps.config.publicUrl });
  return api;
}
