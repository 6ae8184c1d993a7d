/**
 * Where a helpdesk opens the ticket widget (issue 23, docs/adr/0038-embedding-trust.md):
 * `GET /embed/ticket?assertion=<JWT>`, or the same as a form field `assertion` for hosts that
 * post. A verified assertion becomes an embed session and a 303 to
 * `/embed/widget/<integrationId>#token=<token>`: the fragment never reaches a server or a log.
 * Anything else gets the refusal page, framable by the integration's origins once it is known
 * and by any origin while it is not (docs/adr/0045-framing-refusals-of-unknown-integrations.md),
 * one warning in the log (the reason and the integration, never the assertion) and no session.
 *
 * Zendesk's app posts its signed-URL token (form field `token`) to
 * `/embed/zendesk/<integrationId>`; that first post gets the bridge page (zendesk-bridge.tsx), which
 * posts the token back with the ticket the ZAF SDK read. Jira's Forge panel calls
 * `POST /embed/forge/launch` with the Forge Invocation Token as its bearer and the title in
 * JSON, and gets `{url}`: the same widget address as the redirect, absolute. All three differ only
 * in the claim they verify (src/embedding/host-claim.ts); docs/adr/0044-zendesk-and-forge-entry-routes.md.
 *
 * The widget's shell page (`/embed/widget/:integrationId`) may be framed by that integration's
 * origins: `frameWidgetByItsIntegration` says so for whichever route serves it, mounted before
 * every route in src/http/create-app.ts.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/app-deps.js";
import { clientAddressOf } from "../../identity/client-address.js";
import { EmbedRefusal, type EmbedRefusalReason } from "../embed-refusal.js";
import { hmacClaim } from "../hmac-claim.js";
import type { HostClaim } from "../host-claim.js";
import type { EmbeddingDeps } from "../manage-embedding-integrations.js";
import {
  framingOriginsOf,
  type OpenedEmbedSession,
  openEmbedSession,
  refusalFramingOriginsOf,
} from "../open-embed-session.js";
import { forgeClaim, zendeskClaim } from "../platform/platform-claims.js";
import { RefusalDocument } from "./refusal-page.js";
import { ZendeskBridgeDocument, zafSdkUrl } from "./zendesk-bridge.js";

export const embedTicketPath = "/embed/ticket";
export const embedWidgetPathPrefix = "/embed/widget/";
export const zendeskEntryRoute = "/embed/zendesk/:integrationId";
export const forgeLaunchPath = "/embed/forge/launch";

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

const forgeHintSchema = z.object({
  title: z.string().max(1000),
  requester_name: z.string().max(1000).nullish(),
  requester_email: z.string().max(1000).nullish(),
});

function widgetAddressOf(opened: OpenedEmbedSession): string {
  return `${embedWidgetPathPrefix}${opened.integrationId}#token=${encodeURIComponent(opened.token)}`;
}

export function createEmbedEntryRoutes(deps: EmbeddingDeps & Pick<AppDeps, "config">): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  /** The one way every entry opens the widget; a refusal is logged once and answered by `refuse`. */
  async function open(
    c: Context<AppEnv>,
    claim: HostClaim,
    answer: {
      opened: (opened: OpenedEmbedSession) => Response;
      refused: (refusal: EmbedRefusal) => Response | Promise<Response>;
    },
  ): Promise<Response> {
    c.header("Cache-Control", "no-store");
    try {
      const opened = await openEmbedSession(deps, {
        claim,
        ip: clientAddressOf(c),
        userAgent: c.req.header("user-agent") ?? null,
      });
      c.set("embedFrameOrigins", opened.allowedOrigins);
      return answer.opened(opened);
    } catch (error) {
      if (!(error instanceof EmbedRefusal)) throw error;
      c.get("logger").warn(
        {
          reason: error.reason,
          integrationId: error.integrationId ?? null,
          ...(error.detail === undefined ? {} : { detail: error.detail }),
        },
        "refused to open the ticket widget",
      );
      c.set("embedFrameOrigins", await refusalFramingOriginsOf(deps, error.integrationId));
      return answer.refused(error);
    }
  }

  /** The page answers of the entries a browser frame posts to or opens. */
  function inFrame(c: Context<AppEnv>) {
    return {
      opened: (opened: OpenedEmbedSession) => c.redirect(widgetAddressOf(opened), 303),
      refused: (refusal: EmbedRefusal) =>
        c.html(
          html`<!doctype html>${<RefusalDocument t={c.get("t")} reason={refusal.reason} />}`,
          statusOf[refusal.reason],
        ),
    };
  }

  const textField = (body: Record<string, unknown>, name: string): string | undefined => {
    const value = body[name];
    return typeof value === "string" ? value : undefined;
  };

  routes.get(embedTicketPath, (c) => open(c, hmacClaim(c.req.query("assertion")), inFrame(c)));
  routes.post(embedTicketPath, async (c) => {
    const body = await c.req.parseBody();
    return open(c, hmacClaim(textField(body, "assertion")), inFrame(c));
  });

  routes.post(zendeskEntryRoute, async (c) => {
    const integrationId = c.req.param("integrationId");
    const body = await c.req.parseBody();
    const token = textField(body, "token")?.trim() ?? "";
    const ticketId = textField(body, "ticket_id");
    if (token !== "" && ticketId === undefined) {
      // Zendesk's own post: the ticket is not in it, the bridge page asks the sidebar for it. For
      // an integration that does not exist there is nothing to bridge to: the refusal page at once.
      const origins = await framingOriginsOf(
        deps,
        uuidPattern.test(integrationId) ? integrationId : undefined,
      );
      if (origins.length > 0) {
        c.header("Cache-Control", "no-store");
        c.set("embedFrameOrigins", origins);
        c.set("embedScriptSource", zafSdkUrl);
        return c.html(html`<!doctype html>${<ZendeskBridgeDocument t={c.get("t")} token={token} />}`);
      }
    }
    const optional = (name: string) => {
      const value = textField(body, name)?.trim();
      return value === undefined || value === "" ? undefined : value;
    };
    const claim = zendeskClaim(integrationId, token, {
      id: ticketId?.trim() ?? "",
      title: textField(body, "ticket_title") ?? "",
      requesterName: optional("requester_name"),
      requesterEmail: optional("requester_email"),
    });
    return open(c, claim, inFrame(c));
  });

  routes.post(forgeLaunchPath, async (c) => {
    const { t } = c.get("t");
    const refused = (refusal: EmbedRefusal) =>
      c.json(
        { reason: refusal.reason, error: t(`embed.refused.${refusal.reason}.text`) },
        statusOf[refusal.reason],
      );
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const hint = forgeHintSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!hint.success) {
      return c.json(
        {
          reason: "invalid-claims",
          error:
            'Send the issue as JSON: {"title": "…", "requester_name": "…", "requester_email": "…"}; "title" is required.',
        },
        400,
      );
    }
    const claim = forgeClaim(bearer, {
      title: hint.data.title,
      requesterName: hint.data.requester_name ?? undefined,
      requesterEmail: hint.data.requester_email ?? undefined,
    });
    return open(c, claim, {
      opened: (opened) => c.json({ url: new URL(widgetAddressOf(opened), deps.config.publicUrl).href }),
      refused,
    });
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
