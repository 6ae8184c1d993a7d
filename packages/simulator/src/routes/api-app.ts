import { Hono } from "hono";
import { registerAppRoutes } from "../apps/app-routes.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { ApiFailure, apiErrorResponse } from "../wire/errors.js";
import { registerAccountRoutes } from "./account-routes.js";
import { registerAuthorizeRoutes } from "./authorize-routes.js";
import { registerConnectionExtrasRoutes } from "./connection-extras-routes.js";
import { registerDemoCallbackRoute } from "./demo-callback-route.js";
import { registerGroupRoutes } from "./group-routes.js";
import { registerOAuthTokenRoutes } from "./oauth-token-routes.js";
import { registerReportRoutes } from "./report-routes.js";
import { registerSessionRoutes } from "./session-routes.js";
import { registerUserRoutes } from "./user-routes.js";

/**
 * Server-side path matching is case-insensitive (docs/teamviewer-api.md, "Conventions on the
 * wire": `/api/v1/OAuth2/token` and `/api/v1/oauth2/token` both work). API ids are lower case, so API paths are routed in lower
 * case; `/v15/…` links keep their case because the supporter token is mixed-case.
 */
const CASE_INSENSITIVE_PATH = /^\/(api\/v1|oauth2|connect)(\/|$)/i;

export function routingPath(request: Request): string {
  const url = request.url;
  const pathStart = url.indexOf("/", url.indexOf("://") + 3);
  const queryStart = url.indexOf("?", pathStart);
  const path = pathStart < 0 ? "/" : url.slice(pathStart, queryStart < 0 ? undefined : queryStart);
  return CASE_INSENSITIVE_PATH.test(path) ? path.toLowerCase() : path;
}

/** The TeamViewer stand-in: Web API, OAuth pages and the simulated apps over one state. */
export function createApiApp(state: SimulatorState): Hono {
  const app = new Hono({ getPath: routingPath });
  registerOAuthTokenRoutes(app, state);
  registerAuthorizeRoutes(app, state);
  registerAccountRoutes(app, state);
  registerGroupRoutes(app, state);
  registerUserRoutes(app, state);
  registerSessionRoutes(app, state);
  registerReportRoutes(app, state);
  registerConnectionExtrasRoutes(app, state);
  registerAppRoutes(app, state);
  registerDemoCallbackRoute(app, state);
  app.notFound(() => apiErrorResponse(404, "not_found", "There is no such endpoint."));
  // The catch-all: TeamViewer-style bodies, never a crash or a stack trace (docs/teamviewer-api.md §6).
  app.onError((error) => {
    if (error instanceof ApiFailure) return error.toResponse();
    return apiErrorResponse(500, "internal_error", "The simulator failed to handle the request.");
  });
  return app;
}
