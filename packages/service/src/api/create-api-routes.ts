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
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import { requireApiKey } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { supportSessionErrorResponse, validationHook } from "./api-problems.js";
import { registerSessionRoutes } from "./session-routes.js";
import { registerTicketRoutes } from "./ticket-routes.js";

export const apiBasePath = "/api/v1";

export function createApiRoutes(deps: SessionDeps): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath(apiBasePath);
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key: `atd_<prefix>_<secret>`",
  });
  api.use("*", requireApiKey(deps));
  api.onError((error, c) => {
    if (error instanceof SupportSessionError) return supportSessionErrorResponse(c, error);
    throw error;
  });
  registerSessionRoutes(api, deps);
  registerTicketRoutes(api, deps);
  return api;
}
