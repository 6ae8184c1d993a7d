/**
 * The TeamViewer feature in-process: the service's `createApp` on a fresh migrated database,
 * the simulator's `fetch` as `teamViewerFetch`, one fake clock driving both, captured logs, and
 * signed-in browsers made straight from the session use-case (the login page is identity's to
 * test). The simulator runs strict by default: exact redirect URI, PKCE S256 required,
 * single-use codes, and reuse of a rotated refresh token revokes the grant.
 */
import { createSimulator, type Simulator } from "@attendant/simulator";
import type { Hono } from "hono";
import { createFakeClock, type FakeClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import type { Database } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { createUser } from "../../../src/db/repositories/users.js";
import type { UserRole } from "../../../src/db/schema.js";
import type { AppDeps, AppEnv } from "../../../src/http/app-deps.js";
import { createApp } from "../../../src/http/create-app.js";
import { csrfFieldName, deriveCsrfToken } from "../../../src/identity/csrf.js";
import { cookieName, cookiePolicyFor } from "../../../src/identity/session-cookie.js";
import { sessionCookie } from "../../../src/identity/web-context.js";
import { startWebSession } from "../../../src/identity/web-sessions.js";
import { defaultRedirectUri } from "../../../src/teamviewer/app-endpoints.js";
import { createTeamViewerAccess, type TeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { captureLogs } from "../../support/capture-logs.js";
import type { TestEngine } from "../../support/engines.js";
import { fastPasswordHashing } from "../../support/fast-password-hashing.js";

export interface Browser {
  userId: string;
  email: string;
  webSessionId: string;
  /** The Cookie header value. */
  cookie: string;
  csrfToken: string;
}

export interface Harness {
  database: Database;
  config: Config;
  clock: FakeClock;
  simulator: Simulator;
  app: Hono<AppEnv>;
  deps: AppDeps;
  vault: SecretBox;
  logs: () => string;
  organisationId: string;
  /** A token store + client factory of its own, like a second look at the same process. */
  createAccess(database?: Database): TeamViewerAccess;
  signIn(role?: UserRole): Promise<Browser>;
  /** A new browser session for the same user, e.g. after the clock moved past the idle timeout. */
  reopen(browser: Browser): Promise<Browser>;
  get(path: string, browser?: Browser, headers?: Record<string, string>): Promise<Response>;
  post(path: string, browser: Browser, form?: Record<string, string>): Promise<Response>;
  /** Clicks "Connect TeamViewer" and answers the consent page's redirect back to us (not yet followed). */
  startConnect(browser: Browser): Promise<{ authorizeUrl: URL; callbackUrl: URL }>;
  /** The whole dance: connect, consent (auto-approved as Kenji Sato), callback. Returns the callback's answer. */
  connect(browser: Browser): Promise<Response>;
  /** Token-endpoint calls seen by the simulator so far. */
  tokenCalls(): { status: number | null }[];
}

export interface HarnessOptions {
  strict?: boolean;
  /** Store the simulator's demo app as the organisation's TeamViewer app (default true). */
  withApp?: boolean;
  /** Use the simulator as demo mode would, through `demoTeamViewerApp`. */
  asDemo?: boolean;
}

const publicUrl = "http://localhost:3000";

export async function createHarness(engine: TestEngine, options: HarnessOptions = {}): Promise<Harness> {
  const { database, config: baseConfig } = await engine.openDatabase({ ATTENDANT_PUBLIC_URL: publicUrl });
  await migrate(database);
  const config = baseConfig;
  if (config.keyring === undefined) throw new Error("test config has a keyring");
  const vault = new SecretBox(config.keyring);
  const clock = createFakeClock(new Date("2026-03-02T09:00:00Z"));
  const simulator = createSimulator({
    clock: { now: () => clock.now().getTime() },
    strict: options.strict ?? true,
    autoApprove: true,
    demoRedirectUri: defaultRedirectUri(publicUrl),
  });
  const demo = simulator.demo();
  const demoApp = {
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
    redirectUri: demo.redirectUri,
    authorizeUrl: demo.authorizeUrl,
    apiBaseUrl: demo.apiBaseUrl,
  };
  const organisation = await createOrganisation(database.db, { name: "Contoso Helpdesk" });
  if (options.withApp ?? !options.asDemo) {
    await saveTeamViewerApp(database.db, vault, { organisationId: organisation.id, ...demoApp }, clock.now());
  }
  const captured = captureLogs();
  const teamViewerFetch = simulator.fetch as typeof fetch;
  const deps: AppDeps = {
    database,
    config,
    clock,
    vault,
    logger: captured.logger,
    teamViewerFetch,
    passwordHashing: fastPasswordHashing,
    ...(options.asDemo ? { demoTeamViewerApp: demoApp } : {}),
  };
  const app = createApp(deps);
  const policy = cookiePolicyFor(publicUrl);
  let userCount = 0;
  const openSession = async (userId: string, email: string): Promise<Browser> => {
    const { token, session } = await startWebSession({ db: database.db, clock }, { userId });
    return {
      userId,
      email,
      webSessionId: session.id,
      cookie: `${cookieName(policy, sessionCookie)}=${token}`,
      csrfToken: deriveCsrfToken(session.csrfSecret),
    };
  };

  const harness: Harness = {
    database,
    config,
    clock,
    simulator,
    app,
    deps,
    vault,
    logs: captured.text,
    organisationId: organisation.id,
    createAccess: (other = database) => createTeamViewerAccess({ ...deps, database: other }),
    async signIn(role = "supporter") {
      userCount += 1;
      const email = `${role}${userCount}@contoso.example`;
      const user = await createUser(database.db, { organisationId: organisation.id, email, role });
      return openSession(user.id, email);
    },
    reopen: (browser) => openSession(browser.userId, browser.email),
    get: async (path, browser, headers = {}) =>
      app.request(new URL(path, publicUrl).href, {
        headers: { ...headers, ...(browser === undefined ? {} : { cookie: browser.cookie }) },
      }),
    post: async (path, browser, form = {}) =>
      app.request(new URL(path, publicUrl).href, {
        method: "POST",
        headers: { cookie: browser.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ [csrfFieldName]: browser.csrfToken, ...form }).toString(),
      }),
    async startConnect(browser) {
      const started = await harness.get("/connection/start", browser);
      if (started.status !== 302) throw new Error(`connect start answered ${started.status}`);
      const authorizeUrl = new URL(started.headers.get("location") ?? "");
      const consent = await simulator.fetch(authorizeUrl.href);
      const callbackUrl = new URL(consent.headers.get("location") ?? "");
      return { authorizeUrl, callbackUrl };
    },
    async connect(browser) {
      const { callbackUrl } = await harness.startConnect(browser);
      return harness.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);
    },
    tokenCalls: () =>
      simulator.admin
        .journal()
        .filter((entry) => entry.method === "POST" && /\/oauth2\/token$/i.test(entry.path))
        .map((entry) => ({ status: entry.status })),
  };
  return harness;
}

/** The text of an HTML page, for assertions on what a user reads. */
export async function pageText(response: Response): Promise<string> {
  return (await response.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}
