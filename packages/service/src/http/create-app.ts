/**
 * Builds the HTTP application. Middleware order matters: the request id comes first so every
 * later log line and error carries it; security headers wrap everything, errors included.
 *
 * To add a feature, write `createXRoutes(deps)` returning a `Hono<AppEnv>` next to the feature
 * and mount it below with `app.route("/", …)`.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./app-deps.js";
import { createHealthRoutes } from "./health-routes.js";
import { problemResponse } from "./problem.js";
import { requestLogging } from "./request-logging.js";
import { securityHeaders } from "./security-headers.js";

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders({ isHttps: new URL(deps.config.publicUrl).protocol === "https:" }));

  app.route("/", createHealthRoutes(deps.database));

  app.notFound((c) =>
    isApiPath(c.req.path)
      ? problemResponse(c, 404, { detail: "No such endpoint." })
      : c.text("Not found", 404),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, error.status, error.message ? { detail: error.message } : {});
    }
    // The stack goes to the log only; the client gets the request id to quote.
    // The request logger is missing if the failure happened before its middleware ran.
    (c.get("logger") ?? deps.logger).error({ err: error }, "unhandled error");
    return problemResponse(c, 500, {
      detail: "Something went wrong on our side. Quote the request id when reporting it.",
    });
  });

  return app;
}

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}
