/**
 * Pages and routes of the TeamViewer connection:
 *
 *   GET  /connection                 the user's connection (everyone signed in)
 *   GET  /connection/start           new state + PKCE, 302 to TeamViewer's consent page
 *   GET  /teamviewer/callback        TeamViewer's redirect back (the registered redirect URI)
 *   POST /connection/disconnect      revoke at TeamViewer, delete the tokens
 *   GET  /settings/teamviewer        app settings + script token (admins)
 *   POST /settings/teamviewer        save the app settings
 *   POST /settings/teamviewer/script-token          check by ping, then store
 *   POST /settings/teamviewer/script-token/delete   remove
 *   GET  /health                     TeamViewer health (admins)
 *
 * Plus the home card, the navigation entries and the demo banner (src/web/web-extensions.ts).
 */
import { type Context, Hono } from "hono";
import { findOrganisationScriptToken } from "../db/repositories/organisation-script-tokens.js";
import { findTeamViewerApp } from "../db/repositories/teamviewer-apps.js";
import { findTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import type { MessageKey } from "../i18n/index.js";
import { clientAddressOf } from "../identity/client-address.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole, requireUser } from "../identity/require-user.js";
import type { SessionUser } from "../identity/session-user.js";
import type { WebExtensions } from "../web/web-extensions.js";
import type { ActingUser } from "./acting-user.js";
import {
  callbackPath,
  defaultApiBaseUrl,
  defaultAuthorizeUrl,
  defaultRedirectUri,
  hasAllowedEndpoints,
} from "./app-endpoints.js";
import {
  type AppSettingsInput,
  type FieldErrors,
  readAppSettingsForm,
  saveAppSettings,
} from "./app-settings.js";
import { type ConnectFailure, completeTeamViewerConnect, startTeamViewerConnect } from "./connect-flow.js";
import { disconnectTeamViewer } from "./disconnect.js";
import { checkTeamViewerHealth } from "./health-check.js";
import {
  ConnectionCard,
  ConnectionPage,
  type ConnectionView,
  connectPath,
  disconnectPath,
} from "./pages/connection-page.js";
import { HealthPage, healthPath } from "./pages/health-page.js";
import { type NoticeDefinition, readNotice } from "./pages/notices.js";
import {
  SettingsPage,
  type SettingsView,
  scriptTokenDeletePath,
  scriptTokenPath,
  settingsPath,
} from "./pages/settings-page.js";
import { removeScriptToken, saveScriptToken } from "./script-token.js";
import type { TeamViewerAccess } from "./teamviewer-access.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";

export interface TeamViewerRouteDeps extends AppDeps {
  web: WebExtensions;
  teamViewer: TeamViewerAccess;
}

const connectionPath = "/connection";

const connectionNotices = {
  connected: { message: "tv.notice.connected", isProblem: false },
  disconnected: { message: "tv.notice.disconnected", isProblem: false },
  "revoke-failed": { message: "tv.notice.revokeFailed", isProblem: true },
  expired: { message: "tv.notice.expired", isProblem: true },
  denied: { message: "tv.notice.denied", isProblem: true },
  "invalid-client": { message: "tv.notice.invalidClient", isProblem: true },
  rejected: { message: "tv.notice.rejected", isProblem: true },
  "account-permission": { message: "tv.notice.accountPermission", isProblem: true },
  unavailable: { message: "tv.notice.unavailable", isProblem: true },
  "insecure-app": { message: "tv.notice.insecureApp", isProblem: true },
} as const satisfies Record<
  ConnectFailure | "connected" | "disconnected" | "revoke-failed" | "insecure-app",
  NoticeDefinition
>;

const settingsNotices = {
  saved: { message: "tv.settings.saved", isProblem: false },
  unchanged: { message: "tv.settings.unchanged", isProblem: false },
  "script-token-saved": { message: "tv.scriptToken.saved", isProblem: false },
  "script-token-removed": { message: "tv.scriptToken.removed", isProblem: false },
} as const satisfies Record<string, NoticeDefinition>;

/** Headers of answers that carry one-time values in their URL: kept out of caches and referrers. */
const oneTimeHeaders = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export function createTeamViewerRoutes(deps: TeamViewerRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: connectionPath, label: "nav.connection" });
  deps.web.addNavEntry({ href: settingsPath, label: "nav.settings", roles: ["admin"] });
  deps.web.addNavEntry({ href: healthPath, label: "nav.health", roles: ["admin"] });
  deps.web.addHomeCard({
    id: "teamviewer",
    render: async (c) => <ConnectionCard t={c.get("t")} view={await loadConnectionView(deps, c)} />,
  });
  deps.web.addBanner(async (c) =>
    (await isUsingSimulator(deps, c)) ? <p class="banner">{c.get("t").t("demo.banner")}</p> : null,
  );

  const routes = new Hono<AppEnv>();
  // Not behind requireUser: its redirect to the login page would carry this URL, code and all,
  // in `next`. A visitor whose session ended meanwhile starts again from the connection page.
  routes.get(callbackPath, async (c) => {
    const user = c.get("user");
    const session = c.get("session");
    let notice: keyof typeof connectionNotices = "expired";
    if (user !== undefined && session !== undefined) {
      const outcome = await completeTeamViewerConnect(deps, actingUser(c, user), session.id, c.req.url);
      notice = outcome.kind === "connected" ? "connected" : outcome.reason;
    }
    for (const [name, value] of Object.entries(oneTimeHeaders)) c.header(name, value);
    // Always the same internal page: nothing in the callback chooses where the browser goes.
    return c.redirect(`${connectionPath}?notice=${notice}`, 303);
  });

  const signedIn = new Hono<SignedInEnv>();
  signedIn.get(connectionPath, requireUser, async (c) => {
    const t = c.get("t");
    const view = await loadConnectionView(deps, c);
    const notice = readNotice(connectionNotices, c.req.query("notice"));
    return c.render(<ConnectionPage t={t} view={view} notice={notice} />, {
      title: t.t("tv.connection.title"),
    });
  });

  signedIn.get(connectPath, requireUser, async (c) => {
    const actor = actingUser(c, c.get("user"));
    const app = await resolveTeamViewerApp(deps, actor.organisationId);
    if (app === undefined) return c.redirect(connectionPath, 303);
    // An app stored before the plain-http rule (app-endpoints.ts): its client would refuse it.
    if (!hasAllowedEndpoints(app)) return c.redirect(`${connectionPath}?notice=insecure-app`, 303);
    const url = await startTeamViewerConnect(deps, actor, c.get("session").id);
    c.header("Cache-Control", "no-store");
    return c.redirect(url, 302);
  });

  signedIn.post(disconnectPath, requireUser, async (c) => {
    const outcome = await disconnectTeamViewer(deps, actingUser(c, c.get("user")));
    return c.redirect(
      `${connectionPath}?notice=${outcome === "failed" ? "revoke-failed" : "disconnected"}`,
      303,
    );
  });

  signedIn.get(settingsPath, requireRole("admin"), async (c) => {
    const notice = readNotice(settingsNotices, c.req.query("notice"));
    return renderSettings(deps, c, {}, undefined, notice);
  });

  signedIn.post(settingsPath, requireRole("admin"), async (c) => {
    const input = readAppSettingsForm(await c.req.parseBody());
    const result = await saveAppSettings(deps, actingUser(c, c.get("user")), input);
    if (result.kind === "invalid") {
      c.status(422);
      return renderSettings(deps, c, { input, errors: result.errors });
    }
    return c.redirect(`${settingsPath}?notice=${result.changed.length > 0 ? "saved" : "unchanged"}`, 303);
  });

  signedIn.post(scriptTokenPath, requireRole("admin"), async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.scriptToken === "string" ? body.scriptToken.trim() : "";
    const result = await saveScriptToken(deps, actingUser(c, c.get("user")), token);
    if (result.kind === "invalid") {
      c.status(422);
      return renderSettings(deps, c, {}, result.error);
    }
    return c.redirect(`${settingsPath}?notice=script-token-saved`, 303);
  });

  signedIn.post(scriptTokenDeletePath, requireRole("admin"), async (c) => {
    await removeScriptToken(deps, actingUser(c, c.get("user")));
    return c.redirect(`${settingsPath}?notice=script-token-removed`, 303);
  });

  signedIn.get(healthPath, requireRole("admin"), async (c) => {
    const t = c.get("t");
    const user = c.get("user");
    const report = await checkTeamViewerHealth(deps, deps.teamViewer, {
      userId: user.id,
      organisationId: user.organisationId,
    });
    return c.render(<HealthPage t={t} report={report} />, { title: t.t("tv.health.title") });
  });

  routes.route("/", signedIn);
  return routes;
}

function actingUser(c: Context, user: SessionUser): ActingUser {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    label: user.email,
    ip: clientAddressOf(c),
    userAgent: c.req.header("user-agent") ?? null,
  };
}

async function loadConnectionView(
  deps: TeamViewerRouteDeps,
  c: Context<SignedInEnv>,
): Promise<ConnectionView> {
  const user = c.get("user");
  const [app, connection] = await Promise.all([
    resolveTeamViewerApp(deps, user.organisationId),
    findTeamViewerConnection(deps.database.db, deps.vault, user.id),
  ]);
  return {
    isConfigured: app !== undefined,
    isAdmin: user.role === "admin",
    connection:
      connection === undefined
        ? undefined
        : { status: connection.status, name: connection.teamViewerName, email: connection.teamViewerEmail },
  };
}

/** Visitors see the banner whenever the simulator runs; signed-in users when their organisation uses it. */
async function isUsingSimulator(deps: TeamViewerRouteDeps, c: Context<AppEnv>): Promise<boolean> {
  if (deps.demoTeamViewerApp === undefined) return false;
  const user = c.get("user");
  if (user === undefined) return true;
  return (await resolveTeamViewerApp(deps, user.organisationId))?.isSimulator === true;
}

async function renderSettings(
  deps: TeamViewerRouteDeps,
  c: Context<SignedInEnv>,
  submitted: { input?: AppSettingsInput; errors?: FieldErrors },
  scriptTokenError?: MessageKey,
  notice?: NoticeDefinition,
) {
  const t = c.get("t");
  const { organisationId } = c.get("user");
  const [stored, scriptToken, resolved] = await Promise.all([
    findTeamViewerApp(deps.database.db, deps.vault, organisationId),
    findOrganisationScriptToken(deps.database.db, deps.vault, organisationId),
    resolveTeamViewerApp(deps, organisationId),
  ]);
  const examples = {
    redirectUri: defaultRedirectUri(deps.config.publicUrl),
    authorizeUrl: defaultAuthorizeUrl,
    apiBaseUrl: defaultApiBaseUrl,
  };
  const view: SettingsView = {
    values: submitted.input ?? {
      clientId: stored?.clientId ?? "",
      clientSecret: "",
      redirectUri: stored?.redirectUri ?? examples.redirectUri,
      authorizeUrl: stored?.authorizeUrl ?? examples.authorizeUrl,
      apiBaseUrl: stored?.apiBaseUrl ?? examples.apiBaseUrl,
    },
    errors: submitted.errors ?? {},
    hasStoredSecret: stored !== undefined,
    examples,
    simulator:
      resolved?.isSimulator !== true ? "none" : deps.config.demoMode === "on" ? "forced" : "fallback",
    hasScriptToken: scriptToken !== undefined,
    scriptTokenError,
  };
  return c.render(<SettingsPage t={t} view={view} notice={notice} />, { title: t.t("tv.settings.title") });
}
