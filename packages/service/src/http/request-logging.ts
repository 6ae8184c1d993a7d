/**
 * One log line per request with its id, method, path, status and duration. The path is logged
 * without the query string: OAuth callbacks carry the authorization `code` there; and join
 * page paths without their token.
 *
 * The request id and the redacted path are bound to the request's logger before any other
 * middleware runs, so a line logged on the way (a refused NUL character, a failed CSRF check, an
 * unhandled error) carries the path already redacted and nobody logs `c.req.path` itself.
 */
import type { MiddlewareHandler } from "hono";
import { redactJoinToken } from "../join/join-links.js";
import type { Logger } from "../logging/logger.js";
import type { AppEnv } from "./app-deps.js";

export function requestLogging(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestLogger = logger.child({ requestId: c.get("requestId"), path: redactJoinToken(c.req.path) });
    c.set("logger", requestLogger);
    await next();
    requestLogger.info(
      {
        method: c.req.method,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      "request",
    );
  };
}
