/**
 * An in-process app on a fresh PGlite database with a fake clock, and a tiny browser that keeps
 * cookies and submits forms the way a real one does (same-origin Origin header, the page's CSRF
 * token), so tests read like what a user does.
 */
import { expect } from "vitest";
import { createFakeClock, type FakeClock } from "../../src/clock.js";
import type { Database, Db } from "../../src/db/open-database.js";
import type { Organisation } from "../../src/db/repositories/organisations.js";
import { createUser, type User, updateUser } from "../../src/db/repositories/users.js";
import type { UserRole } from "../../src/db/schema.js";
import { createApp } from "../../src/http/create-app.js";
import { ensureDefaultOrganisation } from "../../src/identity/organisation.js";
import { hashPassword } from "../../src/identity/passwords.js";
import { resolveKeyring } from "../../src/vault/demo-keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import { captureLogs } from "../support/capture-logs.js";
import { type TestEngine, usePgliteEngine } from "../support/engines.js";
import { fastPasswordHashing } from "../support/fast-password-hashing.js";

export const testPassword = "correct horse battery staple";

export interface WebHarness {
  app: ReturnType<typeof createApp>;
  database: Database;
  db: Db;
  clock: FakeClock;
  organisation: Organisation;
  origin: string;
  logs: ReturnType<typeof captureLogs>;
  addUser(role: UserRole, email?: string, options?: { isDisabled?: boolean }): Promise<User>;
  browser(options?: BrowserOptions): Browser;
}

/**
 * Call inside a describe block; `create()` gives each test its own app and database, closed
 * after the test.
 */
export interface WebHarnessOptions {
  publicUrl?: string;
  /** Run as demo mode does: a (never called) simulator app stands in for TeamViewer. */
  isDemo?: boolean;
  /** More configuration variables, e.g. ATTENDANT_TRUSTED_PROXIES. */
  env?: Record<string, string>;
}

export function useWebHarnesses(): { create(options?: WebHarnessOptions): Promise<WebHarness> } {
  const engine = usePgliteEngine();
  return { create: (options) => createWebHarness(engine, options) };
}

async function createWebHarness(engine: TestEngine, options: WebHarnessOptions = {}): Promise<WebHarness> {
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const { database, config } = await engine.openDatabase({
    ATTENDANT_PUBLIC_URL: publicUrl,
    ATTENDANT_DEMO: "false",
    ...options.env,
  });
  const logs = captureLogs();
  const clock = createFakeClock();
  const app = createApp({
    database,
    config,
    clock,
    logger: logs.logger,
    vault: new SecretBox(resolveKeyring(config, logs.logger)),
    passwordHashing: fastPasswordHashing,
    ...(options.isDemo ? { demoTeamViewerApp: unusedDemoApp } : {}),
  });
  const organisation = await ensureDefaultOrganisation(database.db);
  const harness: WebHarness = {
    app,
    database,
    db: database.db,
    clock,
    organisation,
    origin: new URL(publicUrl).origin,
    logs,
    async addUser(role, email = `${role}@example.com`, userOptions = {}) {
      const user = await createUser(database.db, {
        organisationId: organisation.id,
        email,
        displayName: `${role} person`,
        role,
        passwordHash: await hashPassword(testPassword, fastPasswordHashing),
      });
      if (!userOptions.isDisabled) return user;
      return (await updateUser(database.db, user.id, { isDisabled: true }, clock.now())) ?? user;
    },
    browser: (browserOptions = {}) => new Browser(harness, browserOptions),
  };
  return harness;
}

const unusedDemoApp = {
  clientId: "100001-AttendantDemoApp0001",
  clientSecret: "not-used-by-these-tests",
  redirectUri: "http://localhost:3000/teamviewer/callback",
  authorizeUrl: "http://127.0.0.1:9/oauth2/authorize",
  apiBaseUrl: "http://127.0.0.1:9/api/v1",
};

export interface BrowserOptions {
  /**
   * The origin the browser shows in its address bar, where it sends requests and which it names
   * in `Origin`; the harness's public origin unless set (e.g. a DNS-rebound name).
   */
  origin?: string;
  /** The TCP peer address the app sees. */
  ip?: string;
  /** An `X-Forwarded-For` header sent with every request, as a proxy would add it. */
  forwardedFor?: string;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  private readonly origin: string;

  constructor(
    /** An in-process app, or anything that answers `request` like one (a child process over fetch). */
    private readonly harness: { app: Pick<WebHarness["app"], "request">; origin: string },
    private readonly options: BrowserOptions = {},
  ) {
    this.origin = options.origin ?? harness.origin;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    if (this.options.forwardedFor !== undefined) headers.set("x-forwarded-for", this.options.forwardedFor);
    // With an address, the request looks like one from @hono/node-server's socket.
    const { ip } = this.options;
    const env = ip === undefined ? undefined : { incoming: { socket: { remoteAddress: ip } } };
    const response = await this.harness.app.request(`${this.origin}${path}`, { ...init, headers }, env);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** A form post as the browser would send it, from our own origin. */
  /** `fields` as pairs when a name repeats (checkboxes). */
  post(
    path: string,
    fields: Record<string, string> | [string, string][],
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: this.origin,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Opens `pagePath`, then submits `fields` with the CSRF token that page rendered. */
  async submit(pagePath: string, action: string, fields: Record<string, string>): Promise<Response> {
    const token = await this.csrfTokenFrom(pagePath);
    return this.post(action, { _csrf: token, ...fields });
  }

  async csrfTokenFrom(pagePath: string): Promise<string> {
    const page = await this.get(pagePath);
    const html = await page.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    expect(token, `no CSRF field on ${pagePath} (status ${page.status})`).toBeDefined();
    return token ?? "";
  }

  async signIn(email: string, password = testPassword): Promise<Response> {
    const response = await this.submit("/login", "/login", { email, password });
    expect(response.status, "sign-in should redirect").toBe(303);
    return response;
  }
}
