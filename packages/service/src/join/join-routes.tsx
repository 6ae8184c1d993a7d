/**
 * `GET /join/:token`: the end customer's page. No sign-in and no session cookie; answers
 * `no-store` (the URL is a credential), 404 for an unknown address, 410 for an ended session,
 * and 429 for a caller who has tried too many unknown addresses (guess-limiter.ts).
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import { clientAddressOf } from "../identity/client-address.js";
import { createGuessLimiter } from "./guess-limiter.js";
import { joinPathPrefix } from "./join-links.js";
import { JoinDocument } from "./join-page.js";
import { openJoinPage } from "./open-join-page.js";

const statusOf = { open: 200, unknown: 404, expired: 410, closed: 410 } as const;

export function createJoinRoutes(deps: Pick<AppDeps, "database" | "clock">): Hono<AppEnv> {
  const limiter = createGuessLimiter(deps.clock);
  const routes = new Hono<AppEnv>();
  routes.get(`${joinPathPrefix}:token`, async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex");
    // In-process test requests have no socket; they share one bucket.
    const ip = clientAddressOf(c) ?? "unknown";
    const t = c.get("t");
    const retryAfter = limiter.retryAfterSeconds(ip);
    if (retryAfter > 0) {
      c.header("Retry-After", String(retryAfter));
      return c.text(t.t("join.throttled"), 429);
    }
    const token = c.req.param("token");
    const view = await openJoinPage({ db: deps.database.db, now: deps.clock.now() }, token);
    if (view.kind === "unknown") limiter.recordMiss(ip);
    const selfPath = `${joinPathPrefix}${encodeURIComponent(token)}`;
    return c.html(
      html`<!doctype html>${<JoinDocument t={t} view={view} selfPath={selfPath} />}`,
      statusOf[view.kind],
    );
  });
  return routes;
}
