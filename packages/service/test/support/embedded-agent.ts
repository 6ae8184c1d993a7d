/**
 * The ticket widget in-process, for tests (issue 23): the pages harness's app with the widget's
 * routes (src/embedding/web/widget-routes.tsx) mounted behind a small test guard that resolves
 * the X-Attendant-Embed header to a real browser sign-in of the user and the ticket they look at,
 * as the real entry route's embed session does. `openWidget` stands in for the host opening
 * `/embed/ticket` with a signed assertion; the tests then talk to the widget only through
 * `request`, with the header, as the widget's script does.
 */
import { Hono, type MiddlewareHandler } from "hono";
import type { User } from "../../src/db/repositories/users.js";
import type { EmbedEnv, EmbedTicketContext } from "../../src/embedding/embed-env.js";
import { embedTokenHeader } from "../../src/embedding/embed-env.js";
import { createEmbedWidgetRoutes } from "../../src/embedding/web/widget-routes.js";
import type { AppEnv } from "../../src/http/app-deps.js";
import { endWebSession, resolveWebSession, startWebSession } from "../../src/identity/web-sessions.js";
import type { IntervalTimers } from "../../src/jobs/interval-timers.js";
import { createDeskWatch } from "../../src/live/desk-watch.js";
import { createStreamSlots, defaultStreamsPerUser } from "../../src/live/stream-slots.js";
import { chooseMailDelivery } from "../../src/mail/mail-delivery.js";
import { createTeamViewerAccess } from "../../src/teamviewer/teamviewer-access.js";
import type { PagesHarness } from "../integration/session-pages/pages-harness.js";

export interface EmbeddedAgent {
  /** The embed token the widget holds in memory. */
  token: string;
  /** One request as the widget's script sends it: with the embed header, never a cookie. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a panel form (URL-encoded, as the widget's script sends FormData). */
  submit(path: string, fields: Record<string, string>): Promise<Response>;
  /** Ends the sign-in behind the token, as its idle or absolute timeout would. */
  end(): Promise<void>;
}

export interface EmbedWorld {
  /** The harness's app with the widget mounted. */
  app: Hono<AppEnv>;
  openWidget(options: {
    user: User;
    ticket: EmbedTicketContext["ticket"];
    theme?: "light" | "dark";
    locale?: string;
  }): Promise<EmbeddedAgent>;
}

const origin = "http://localhost:3000";
export const sampleIntegrationId = "6f1c2b9e-3d4a-4e5f-8a7b-9c0d1e2f3a4b";

export function createEmbedWorld(h: PagesHarness, options: { timers?: IntervalTimers } = {}): EmbedWorld {
  const embeds = new Map<string, { webToken: string; embed: EmbedTicketContext }>();
  const sessionDeps = { db: h.database.db, clock: h.clock };
  const guard: MiddlewareHandler<EmbedEnv> = async (c, next) => {
    const token = c.req.header(embedTokenHeader);
    const entry = token === undefined ? undefined : embeds.get(token);
    const resolved = entry === undefined ? undefined : await resolveWebSession(sessionDeps, entry.webToken);
    if (entry === undefined || resolved === undefined)
      return c.text(c.get("t").t("embed.refused.noToken"), 401);
    c.set("user", resolved.user);
    c.set("session", resolved.session);
    c.set("embed", entry.embed);
    await next();
  };
  const deps = h.appDeps;
  const widget = createEmbedWidgetRoutes(
    {
      ...deps,
      teamViewer: createTeamViewerAccess(deps),
      mail: chooseMailDelivery(deps),
      deskWatch: createDeskWatch({
        db: deps.database.db,
        clock: deps.clock,
        logger: deps.logger,
        ...(options.timers === undefined ? {} : { timers: options.timers }),
      }),
      streamSlots: createStreamSlots(),
      maxStreamsPerUser: defaultStreamsPerUser,
    },
    guard,
  );
  // The harness's app first: its middleware (security headers, language, CSRF, …) wraps the widget too.
  const app = new Hono<AppEnv>();
  app.route("/", h.app);
  app.route("/", widget);

  return {
    app,
    async openWidget({ user, ticket, theme, locale }) {
      const { token: webToken } = await startWebSession(sessionDeps, { userId: user.id });
      const token = `embed-${embeds.size + 1}-${webToken.slice(0, 12)}`;
      embeds.set(token, {
        webToken,
        embed: { integrationId: sampleIntegrationId, ticket, theme, locale },
      });
      const request = async (path: string, init: RequestInit = {}) =>
        app.request(new URL(path, origin).href, {
          ...init,
          headers: { ...(init.headers as Record<string, string> | undefined), [embedTokenHeader]: token },
        });
      return {
        token,
        request,
        submit: (path, fields) =>
          request(path, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
            body: new URLSearchParams(fields).toString(),
          }),
        end: () => endWebSession(sessionDeps, webToken),
      };
    },
  };
}
