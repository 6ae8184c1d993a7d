/**
 * Pages and downloads answered to a signed-in person carry data only they may see: a browser must
 * not keep them, or Back after sign-out (or the next person at a shared computer) shows them again
 * from the cache. Routes that chose their own caching keep it. Runs after `webContext`, which
 * finds the user.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-deps.js";

export function noStoreWhenSignedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const isSignedIn = c.get("user") !== undefined;
    await next();
    if (isSignedIn && !c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
  };
}
