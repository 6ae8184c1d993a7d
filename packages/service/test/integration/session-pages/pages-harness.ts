/**
 * The supporter pages in-process: the sessions harness (simulator, temp database, fake clock,
 * connected supporters) plus signed-in browsers and a mailer that records what it was given.
 */
import { randomUUID } from "node:crypto";
import type { User } from "../../../src/db/repositories/users.js";
import { updateUser } from "../../../src/db/repositories/users.js";
import type { AppDeps, Mailer } from "../../../src/http/app-deps.js";
import { hashPassword } from "../../../src/identity/passwords.js";
import type { TestEngine } from "../../support/engines.js";
import { fastPasswordHashing } from "../../support/fast-password-hashing.js";
import { Browser, type BrowserOptions, testPassword } from "../../web/web-harness.js";
import { createSessionHarness, type SessionHarness } from "../sessions/session-harness.js";

export type SentMail = Parameters<Mailer["send"]>[0];

export interface PagesHarness extends SessionHarness {
  /** Messages the fake mailer accepted (empty when the harness has no mailer). */
  sentMail: SentMail[];
  /** A browser signed in as `user` (who gets a password and a display name first). */
  signIn(user: User, displayName?: string): Promise<Browser>;
  /** A browser without cookies: the end customer (`ip`: the address the app sees). */
  visitor(options?: BrowserOptions): Browser;
}

export const sampleSessionForm = {
  externalId: "4711",
  title: "Outlook does not start",
  requesterName: "Erika Mustermann",
  requesterEmail: "erika@example.org",
  validityHours: "24",
  group: "Helpdesk",
};

/** Fills in "New session" as a supporter would; returns the new session's page path. */
export async function createSessionThroughPage(
  browser: Browser,
  fields: Record<string, string> = {},
): Promise<string> {
  const response = await browser.submit("/sessions/new", "/sessions/new", {
    ...sampleSessionForm,
    ...fields,
  });
  const location = response.headers.get("location") ?? "";
  if (response.status !== 303 || !location.startsWith("/sessions/")) {
    throw new Error(`creating a session answered ${response.status}: ${await response.text()}`);
  }
  return location.split("?")[0] ?? location;
}

/** Sends the invitation form on the session page. */
export function invite(browser: Browser, sessionPath: string, fields: Record<string, string> = {}) {
  return browser.submit(sessionPath, `${sessionPath}/invitations`, {
    requestId: randomUUID(),
    email: "erika@example.org",
    name: "Erika Mustermann",
    locale: "en",
    ...fields,
  });
}

/** The join page path inside a text (an e-mail, a page). */
export function joinPathIn(text: string): string {
  const path = /http:\/\/localhost:3000(\/join\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (path === undefined) throw new Error(`no join address in: ${text}`);
  return path;
}

export async function createPagesHarness(
  engine: TestEngine,
  options: {
    mailer?: "recording" | Mailer;
    demo?: boolean;
    liveDesk?: AppDeps["liveDesk"];
    /** More configuration variables, e.g. ATTENDANT_DEMO=true to put the organisation on the demo app. */
    env?: Record<string, string>;
  } = {},
): Promise<PagesHarness> {
  const sentMail: SentMail[] = [];
  const recording: Mailer = { send: async (message) => void sentMail.push(message) };
  const extra: Pick<AppDeps, "mailer" | "demoTeamViewerApp" | "liveDesk"> = {};
  if (options.liveDesk !== undefined) extra.liveDesk = options.liveDesk;
  if (options.mailer !== undefined)
    extra.mailer = options.mailer === "recording" ? recording : options.mailer;
  if (options.demo) {
    // Its presence is what makes the app a demo (mail goes to the outbox); the organisation's
    // own stored app still wins for TeamViewer calls, so these values are never used.
    extra.demoTeamViewerApp = {
      clientId: "100001-AttendantDemoApp0001",
      clientSecret: "unused",
      redirectUri: "http://localhost:3000/teamviewer/callback",
      authorizeUrl: "http://localhost:4010/oauth2/authorize",
      apiBaseUrl: "http://localhost:4010/api/v1",
    };
  }
  const h = await createSessionHarness(engine, extra, options.env);
  const origin = "http://localhost:3000";
  return {
    ...h,
    sentMail,
    async signIn(user, displayName = "Kenji Sato") {
      await updateUser(
        h.database.db,
        user.id,
        { passwordHash: await hashPassword(testPassword, fastPasswordHashing), displayName },
        h.clock.now(),
      );
      const browser = new Browser({ app: h.app, origin }, undefined);
      await browser.signIn(user.email);
      return browser;
    },
    visitor: (options) => new Browser({ app: h.app, origin }, options),
  };
}
