/**
 * The guard of the widget's own requests (`/embed/panel`, `/embed/stream`, `/embed/actions/*`):
 * the embed session's token from the `X-Attendant-Embed` header, never a cookie (browsers block
 * third-party cookies in a helpdesk's iframe). Behind it `c.get("user")` and `c.get("session")`
 * are the agent's, exactly as on signed-in pages, so every role check applies unchanged;
 * `c.get("embed")` is the asserted ticket, and `c.get("t")` speaks the host's language. Without a live session: 401 and a short fragment
 * telling the agent to reload the ticket page, which signs a fresh assertion.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { createTranslator, negotiateLocale } from "../i18n/index.js";
import { type EmbedEnv, embedTokenHeader } from "./embed-env.js";
import { resolveEmbedSession } from "./embed-sessions.js";

export function requireEmbedToken(deps: { database: { db: Db }; clock: Clock }): MiddlewareHandler<EmbedEnv> {
  return createMiddleware<EmbedEnv>(async (c, next) => {
    const token = c.req.header(embedTokenHeader);
    const resolved =
      token === undefined || token === ""
        ? undefined
        : await resolveEmbedSession({ db: deps.database.db, clock: deps.clock }, token);
    if (resolved === undefined) {
      c.status(401);
      // No header at all is someone opening the address by hand; a token that no longer works is an ended session.
      const message = c
        .get("t")
        .t(token === undefined || token === "" ? "embed.refused.noToken" : "embed.sessionEnded");
      return c.html(`<p class="embed-expired" role="alert">${message}</p>`);
    }
    c.set("user", resolved.user);
    c.set("session", resolved.session);
    c.set("embed", resolved.embed);
    c.set("embedFrameOrigins", resolved.allowedOrigins);
    // The host's language first (it matches the page around the widget), then the agent's own.
    c.set(
      "t",
      createTranslator(
        negotiateLocale({
          explicit: [resolved.embed.locale, resolved.user.locale],
          acceptLanguage: c.req.header("accept-language"),
        }),
        resolved.user.timeZone,
      ),
    );
    await next();
  });
}
