/**
 * Where a helpdesk opens the ticket widget (issue 23, docs/adr/0038-embedding-trust.md):
 * `GET /embed/ticket?assertion=<JWT>`, or the same as a form field `assertion` for hosts that
 * post. A verified assertion becomes an embed session and a 303 to
 * `/embed/widget/<integrationId>#token=<token>`: the fragment never reaches a server or a log.
 * Anything else gets the refusal page, framable by the integration's origins once it is known,
 * one warning in the log (the reason and the integration, never the assertion) and no session.
 *
 * The widget's shell page (`/embed/widget/:integrationId`) may be framed by that integration's
 * origins: `frameWidgetByItsIntegration` says so for whichever route serves it, mounted before
 * every route in src/http/create-app.ts.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../http/app-deps.js";
import { clientAddressOf } from "../../identity/client-address.js";
import { EmbedRefusal, type EmbedRefusalReason } from "../embed-refusal.js";
import type { EmbeddingDeps } from "../manage-embedding-integrations.js";
import { framingOriginsOf, openEmbedSession } from "../open-embed-session.js";
import { RefusalDocument } from "./refusal-page.js";

export const embedTicketPath = "/embed/ticket";
export const embedWidgetPathPrefix = "/embed/widget/";

const statusOf: Record<EmbedRefusalReason, 400 | 403 | 404> = {
  "missing-assertion": 400,
  "garbled-assertion": 400,
  "invalid-claims": 400,
  "unknown-integration": 404,
  "integration-disabled": 403,
  "organisation-disabled": 403,
  "bad-signature": 403,
  expired: 403,
  "not-yet-valid": 403,
  replayed: 403,
  "unknown-agent": 403,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createEmbedEntryRoutes(deps: EmbeddingDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  async function open(c: Context<AppEnv>, assertion: string | undefined): Promise<Response> {
    c.header("Cache-Control", "no-store");
    try {
      const opened = await openEmbedSession(deps, {
        assertion,
        ip: clientAddressOf(c),
        userAgent: c.req.header("user-agent") ?? null,
      });
      c.set("embedFrameOrigins", opened.allowedOrigins);
      return c.redirect(
        `${embedWidgetPathPrefix}${opened.integrationId}#token=${encodeURIComponent(opened.token)}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof EmbedRefusal)) throw error;
      c.get("logger").warn(
        { reason: error.reason, integrationId: error.integrationId ?? null },
        "refused to open the ticket widget",
      );
      c.set("embedFrameOrigins", await framingOriginsOf(deps, error.integrationId));
      return c.html(
        html`<!doctype html>${<RefusalDocument t={c.get("t")} reason={error.reason} />}`,
        statusOf[error.reason],
      );
    }
  }

  routes.get(embedTicketPath, (c) => open(c, c.req.query("assertion")));
  routes.post(embedTicketPath, async (c) => {
    const field = (await c.req.parseBody()).assertion;
    return open(c, typeof field === "string" ? field : undefined);
  });

  return routes;
}

/** Lets the integration named in the widget's path frame it (`'none'` for an unknown one). */
export function frameWidgetByItsIntegration(
  deps: Pick<EmbeddingDeps, "database">,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const integrationId = c.req.param("integrationId") ?? "";
    c.set(
      "embedFrameOrigins",
      await framingOriginsOf(deps, uuidPattern.test(integrationId) ? integrationId : undefined),
    );
    await next();
  };
}

export const embedWidgetRoute = `${embedWidgetPathPrefix}:integrationId`;
