/**
 * The per-API-key rate limit of `/api/v1` (issue 7): at most `limitPerMinute` requests per key
 * in each fixed wall-clock minute, counted in the database so every instance shares the count.
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
import type { Database } from "../db/open-database.js";
import { deleteApiKeyRateWindowsBefore } from "../db/repositories/api-key-rate-windows.js";
import { problemResponse } from "../http/problem.js";
import type { ApiEnv } from "./api-env.js";

export function rateLimitPerKey(deps: {
  database: Database;
  clock: Clock;
  limitPerMinute: number;
}): MiddlewareHandler<ApiEnv> {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const { apiKeyId, rateWindow } = c.get("apiPrincipal");
    const now = deps.clock.now().getTime();
    const { start: windowStart, requestCount: count } = rateWindow;
    // The first request of a window tidies the key's earlier windows: one row per key remains.
    if (count === 1) await deleteApiKeyRateWindowsBefore(deps.database.db, { apiKeyId, before: windowStart });
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
