/**
 * Pages and downloads answered to a signed-in person carry data only they may see: a browser must
 * not keep them, or Back after sign-out (or the next person at a shared computer) shows them again
 * from the cache. Routes that chose their own caching keep it. Runs after `webContext`, which
 * finds the user of a cookie; `requireEmbedToken` (src/embedding/) finds the widget's later.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-deps.js";

export function noStoreWhenSignedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wasSignedIn = c.get("user") !== undefined;
    await next();
    // Or signed in on the way: the ticket widget's token is resolved by its routes' own guard.
    const isSignedIn = wasSignedIn || c.get("user") !== undefined;
    if (isSignedIn && !c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
  };
}
