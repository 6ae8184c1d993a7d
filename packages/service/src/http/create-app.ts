/**
 * Builds the HTTP application. Middleware order matters: the request id comes first so every
 * later log line and error carries it; security headers wrap everything, errors included.
 *
 * To add a feature, write `createXRoutes(deps)` returning a `Hono<AppEnv>` next to the feature
 * and mount it below with `app.route("/", …)`. Pages get the shell through `c.render` and put
 * navigation entries, home cards and banners into `web` (src/web/web-extensions.ts).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { createApiRoutes } from "../api/create-api-routes.js";
import { createApiKeyRoutes } from "../api-keys/api-key-routes.js";
import { createAccentStylesheetRoutes, createLogoRoutes } from "../brand/brand-asset-routes.js";
import { createBrandRoutes } from "../brand/brand-routes.js";
import { demoHelpdeskTicketPath } from "../embedding/demo-helpdesk.js";
import { requireEmbedToken } from "../embedding/require-embed-token.js";
import { createDemoHelpdeskRoutes } from "../embedding/web/demo-helpdesk-routes.js";
import {
  createEmbedEntryRoutes,
  embedWidgetRoute,
  frameWidgetByItsIntegration,
} from "../embedding/web/embed-entry-routes.js";
import { createIntegrationRoutes } from "../embedding/web/integration-routes.js";
import { createEmbedWidgetRoutes } from "../embedding/web/widget-routes.js";
import { createHelpdeskRoutes } from "../helpdesks/helpdesk-routes.js";
import { clientAddress } from "../identity/client-address.js";
import { csrfProtection } from "../identity/csrf.js";
import { createIdentityRoutes } from "../identity/identity-routes.js";
import { cookiePolicyFor } from "../identity/session-cookie.js";
import { webContext } from "../identity/web-context.js";
import { createTemplateRoutes } from "../invitations/template-routes.js";
import { createJoinRoutes } from "../join/join-routes.js";
import { createDeskWatch } from "../live/desk-watch.js";
import { createLiveDeskRoutes } from "../live/live-routes.js";
import { createStreamSlots, defaultStreamsPerUser } from "../live/stream-slots.js";
import { chooseMailDelivery } from "../mail/mail-delivery.js";
import { createOutboxRoutes } from "../mail/outbox-routes.js";
import { createOperatorApiRoutes } from "../operator/api/create-operator-api-routes.js";
import { createOperatorRoutes } from "../operator/web/operator-routes.js";
import { createReportRoutes } from "../reports/report-routes.js";
import { createSessionPolicyRoutes } from "../sessions/pages/session-policy-routes.js";
import { createSessionPageRoutes } from "../sessions/pages/session-routes.js";
import { createTeamViewerAccess } from "../teamviewer/teamviewer-access.js";
import { createTeamViewerRoutes } from "../teamviewer/teamviewer-routes.js";
import {
  renderCsrfRefused,
  renderNotFound,
  renderNulRefused,
  renderTooLarge,
  renderWrongHost,
} from "../web/error-pages.js";
import { createFaviconRoutes } from "../web/favicon.js";
import { pageRenderer } from "../web/layout.js";
import { createPageScriptRoutes } from "../web/page-scripts.js";
import { createStylesheetRoutes } from "../web/stylesheet.js";
import { createWebExtensions } from "../web/web-extensions.js";
import { createWebhookRoutes } from "../webhooks/webhook-routes.js";
import { isApiPath } from "./api-path.js";
import type { AppDeps, AppEnv } from "./app-deps.js";
import { limitRequestBody } from "./body-limit.js";
import { createHealthRoutes } from "./health-routes.js";
import { refuseOtherHosts } from "./host-check.js";
import { noStoreWhenSignedIn } from "./no-store-when-signed-in.js";
import { refuseNulCharacters } from "./nul-characters.js";
import { problemResponse } from "./problem.js";
import { describePublicHost } from "./public-host.js";
import { requestLogging } from "./request-logging.js";
import { securityHeaders } from "./security-headers.js";

/** Far above any form or API body (a session's description is at most 4000 characters). */
export const maxRequestBodyBytes = 1024 * 1024;
const maxRequestBodyLabel = `${maxRequestBodyBytes / (1024 * 1024)} MiB`;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(clientAddress({ trustedProxies: deps.config.trustedProxies }));
  app.use(requestLogging(deps.logger));
  // The uploaded logo answers with headers of its own, stricter than the pages' (brand-asset-routes.ts).
  app.route("/", createLogoRoutes({ db: deps.database.db }));
  const isDemoMode = deps.demoTeamViewerApp !== undefined;
  app.use(
    securityHeaders({
      isHttps: new URL(deps.config.publicUrl).protocol === "https:",
      framingOwnPages: isDemoMode ? [demoHelpdeskTicketPath] : [],
    }),
  );

  // Probes, the stylesheet and the icon come before the web middleware: they need no session lookup. The
  // probes also come before the host check: load balancers probe instances by address.
  app.route("/", createHealthRoutes(deps.database));
  app.route("/", createStylesheetRoutes());
  app.route("/", createAccentStylesheetRoutes());
  app.route("/", createFaviconRoutes());
  app.route("/", createPageScriptRoutes());

  const cookiePolicy = cookiePolicyFor(deps.config.publicUrl);
  const publicHost = describePublicHost(deps.config.publicUrl, { isDemoMode });
  const web = createWebExtensions();
  app.use(webContext({ db: deps.database.db, clock: deps.clock, policy: cookiePolicy }));
  app.use(noStoreWhenSignedIn());
  app.use(pageRenderer(web));
  // Before any body is read or route runs: a DNS-rebound name reaches nothing (ADR 0018).
  app.use(refuseOtherHosts({ publicHost, renderPage: renderWrongHost }));
  // Before anything reads a body (the CSRF check, the NUL check, validators), and before any
  // API key is checked: nobody may make us hold more than this in memory.
  app.use(
    limitRequestBody({
      maxBytes: maxRequestBodyBytes,
      refuse: (c) =>
        isApiPath(c.req.path)
          ? problemResponse(c, 413, {
              detail: `The request body is larger than ${maxRequestBodyLabel}. Send less in one request.`,
              extensions: { code: "body-too-large" },
            })
          : renderTooLarge(c, maxRequestBodyLabel),
    }),
  );
  app.use(
    csrfProtection({
      policy: cookiePolicy,
      publicHost,
      refuse: renderCsrfRefused,
    }),
  );
  // Before every route: no value with U+0000 may reach the database or TeamViewer.
  app.use(refuseNulCharacters({ renderPage: renderNulRefused }));
  // Before every route, so whichever route serves the widget's shell may be framed by its helpdesk.
  app.use(embedWidgetRoute, frameWidgetByItsIntegration(deps));

  app.route("/", createIdentityRoutes({ ...deps, cookiePolicy, web }));
  // One per app: its token store's single flight is what joins this process's refreshes.
  const teamViewer = createTeamViewerAccess(deps);
  app.route("/", createTeamViewerRoutes({ ...deps, web, teamViewer }));
  const mail = chooseMailDelivery(deps);
  app.route("/", createApiRoutes({ ...deps, teamViewer, mail }));
  app.route("/", createOperatorApiRoutes(deps));
  app.route("/", createOperatorRoutes({ ...deps, cookiePolicy }));
  // The end customer's page needs no session and shows nothing of the supporter (src/join/).
  app.route("/", createJoinRoutes(deps));
  // The ticket widget a helpdesk frames, opened by a signed assertion (src/embedding/).
  app.route("/", createEmbedEntryRoutes(deps));
  app.route("/", createSessionPageRoutes({ ...deps, web, teamViewer, mail }));
  // One watch and one set of stream slots per app, shared by the live desk and the ticket widget,
  // so one look at the database per interval however many pages and widgets are open.
  const maxStreamsPerUser = deps.liveDesk?.streamsPerUser ?? defaultStreamsPerUser;
  const live = {
    deskWatch: createDeskWatch({
      db: deps.database.db,
      clock: deps.clock,
      logger: deps.logger,
      ...deps.liveDesk,
    }),
    streamSlots: createStreamSlots(maxStreamsPerUser),
    maxStreamsPerUser,
  };
  app.route("/", createLiveDeskRoutes({ ...deps, web, teamViewer, ...live }));
  app.route("/", createEmbedWidgetRoutes({ ...deps, teamViewer, mail, ...live }, requireEmbedToken(deps)));
  app.route("/", createTemplateRoutes({ ...deps, web }));
  app.route("/", createBrandRoutes({ ...deps, web }));
  app.route("/", createSessionPolicyRoutes({ ...deps, web }));
  app.route("/", createApiKeyRoutes({ ...deps, web }));
  if (mail.kind === "outbox") app.route("/", createOutboxRoutes({ ...deps, web }));
  app.route("/", createReportRoutes({ ...deps, web, teamViewer }));
  app.route("/", createWebhookRoutes({ ...deps, web }));
  app.route("/", createHelpdeskRoutes({ ...deps, web }));
  app.route("/", createIntegrationRoutes({ ...deps, web }));
  // Try the widget without a helpdesk: only a demo has this page (src/embedding/demo-helpdesk.ts).
  if (isDemoMode) app.route("/", createDemoHelpdeskRoutes(deps));

  app.notFound((c) =>
    isApiPath(c.req.path) ? problemResponse(c, 404, { detail: "No such endpoint." }) : renderNotFound(c),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      const refusal = describeHttpRefusal(error.status, error.message);
      return problemResponse(c, error.status, { detail: refusal.detail, extensions: { code: refusal.code } });
    }
    // The stack goes to the log only; the client gets the request id to quote.
    // The request logger is missing if the failure happened before its middleware ran.
    (c.get("logger") ?? deps.logger).error({ err: error }, "unhandled error");
    return problemResponse(c, 500, {
      detail: "Something went wrong on our side. Quote the request id when reporting it.",
    });
  });

  return app;
}

/**
 * Refusals raised by the framework itself (malformed JSON, a body that is not JSON) get a stable
 * `code` like our own errors, and a detail that says how to fix the request.
 */
function describeHttpRefusal(status: number, message: string): { code: string; detail: string } {
  if (status === 415) {
    return {
      code: "unsupported-media-type",
      detail: "Send the request body as JSON with the header Content-Type: application/json.",
    };
  }
  if (status === 400) {
    return {
      code: "malformed-request",
      detail: message ? `${message}. Check that the body is valid JSON.` : "The request could not be read.",
    };
  }
  return { code: "request-refused", detail: message || "The request was refused." };
}
