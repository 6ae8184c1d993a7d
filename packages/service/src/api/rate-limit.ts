/**
 * The per-API-key rate limit of `/api/v1` (issue 7): at most `limitPerMinute` requests per key
 * in each fixed wall-clock minute, counted when the key is looked up: in the database on
 * PostgreSQL, so every instance shares the count, and in memory on the embedded database, which
 * has one process (src/api-keys/authenticate-api-key.ts).
 * Past the limit the answer is 429 problem+json with `Retry-After` (seconds to the next
 * window). Every answer carries the IETF draft's `RateLimit-Limit/-Remaining/-Reset` and the
 * widespread `X-RateLimit-*` equivalents, so clients can slow down before they are refused.
 *
 * Fixed windows allow up to twice the limit across a window boundary; that is accepted for a
 * limit whose job is to stop runaway scripts, and it keeps the count one upsert per request.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { rateWindowMs } from "../api-keys/rate-window.js";
import type { Clock } from "../clock.js";
import { problemResponse } from "../http/problem.js";
import type { ApiEnv } from "./api-env.js";

export function rateLimitPerKey(deps: { clock: Clock; limitPerMinute: number }): MiddlewareHandler<ApiEnv> {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const { rateWindow } = c.get("apiPrincipal");
    const now = deps.clock.now().getTime();
    const { start: windowStart, requestCount: count } = rateWindow;
    const limit = deps.limitPerMinute;
    const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rateWindowMs - now) / 1000));
    const headers = {
      "RateLimit-Limit": String(limit),
      "RateLimit-Remaining": String(Math.max(0, limit - count)),
      "RateLimit-Reset": String(resetSeconds),
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": String(Math.max(0, limit - count)),
      "X-RateLimit-Reset": String(Math.floor((windowStart.getTime() + rateWindowMs) / 1000)),
    };
    if (count > limit) {
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      c.header("Retry-After", String(resetSeconds));
      return problemResponse(c, 429, {
        detail: `This API key has sent more than ${limit} requests this minute. Retry after ${resetSeconds} seconds.`,
        extensions: { code: "rate-limited", retryAfterSeconds: resetSeconds },
      });
    }
    await next();
    try {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } catch {
      // A response passed through from elsewhere has immutable headers: copy it first.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    }
  });
}
