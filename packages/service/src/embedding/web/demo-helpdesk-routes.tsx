/**
 * GET /demo/helpdesk-ticket, only in demo mode (create-app.ts mounts it only then): a page that
 * looks like a helpdesk's ticket and frames the ticket widget for the signed-in user, so a
 * newcomer sees the widget without a helpdesk (src/embedding/demo-helpdesk.ts).
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../http/app-deps.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import { requireUser } from "../../identity/require-user.js";
import { webActorOf } from "../../sessions/pages/web-actor.js";
import { renderNotFound } from "../../web/error-pages.js";
import { demoHelpdeskTicketPath, demoTicket, openDemoHelpdeskTicket } from "../demo-helpdesk.js";
import { EmbeddingError } from "../embedding-error.js";
import type { EmbeddingDeps } from "../manage-embedding-integrations.js";

export function createDemoHelpdeskRoutes(deps: EmbeddingDeps & Pick<AppDeps, "config">): Hono<AppEnv> {
  const routes = new Hono<SignedInEnv>();
  routes.get(demoHelpdeskTicketPath, requireUser, async (c) => {
    const { t } = c.get("t");
    let widgetUrl: string;
    try {
      ({ widgetUrl } = await openDemoHelpdeskTicket(
        { ...deps, publicUrl: deps.config.publicUrl },
        { actor: webActorOf(c), agentEmail: c.get("user").email },
      ));
    } catch (error) {
      if (!(error instanceof EmbeddingError)) throw error;
      return renderNotFound(c);
    }
    const title = t("demo.helpdesk.title", { id: demoTicket.externalId });
    return c.render(
      <div class="demo-helpdesk">
        <p class="hint">{t("demo.helpdesk.intro")}</p>
        <div class="demo-helpdesk-ticket">
          <section class="panel">
            <h2>{demoTicket.title}</h2>
            <p>
              {t("demo.helpdesk.requester")}: {demoTicket.requesterName} &lt;{demoTicket.requesterEmail}&gt;
            </p>
          </section>
          <iframe
            id="attendant-widget"
            src={widgetUrl}
            title={t("demo.helpdesk.widgetTitle", { id: demoTicket.externalId })}
            width="360"
            height="640"
          />
        </div>
      </div>,
      { title },
    );
  });
  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
