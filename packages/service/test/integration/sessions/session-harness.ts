/**
 * Support sessions in-process: a fresh migrated database, the simulator's `fetch` as
 * `teamViewerFetch` on the same fake clock, the organisation's TeamViewer app set to the
 * simulator's demo app, and supporters whose TeamViewer connections are issued directly by the
 * simulator (the OAuth dance is the TeamViewer feature's to test).
 */
import { createSimulator, type Simulator } from "@attendant/simulator";
import { createApiKey } from "../../../src/api-keys/api-keys.js";
import { createFakeClock, type FakeClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import type { Database } from "../../../src/db/open-database.js";
import { createUser, type User } from "../../../src/db/repositories/users.js";
import type { ApiKeyScope, UserRole } from "../../../src/db/schema.js";
import type { AppDeps } from "../../../src/http/app-deps.js";
import { createApp } from "../../../src/http/create-app.js";
import type { SessionActor } from "../../../src/sessions/session-actor.js";
import type { SessionDeps } from "../../../src/sessions/session-deps.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { captureLogs } from "../../support/capture-logs.js";
import type { TestEngine } from "../../support/engines.js";
import { fastPasswordHashing } from "../../support/fast-password-hashing.js";
import { actorOf, addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";

export interface SessionHarness {
  database: Database;
  config: Config;
  clock: FakeClock;
  simulator: Simulator;
  deps: SessionDeps;
  app: ReturnType<typeof createApp>;
  /** What `app` was built from: another app from them is a second instance on the same database. */
  appDeps: AppDeps;
  organisationId: string;
  logs: () => string;
  /** A user of the organisation; with `teamViewerUserid` also connected to that simulator account. */
  addUser(role: UserRole, options?: { teamViewerUserid?: string }): Promise<User>;
  actorOf(user: User): SessionActor;
  /** An API key (as an admin would create it); `user` null for an organisation-wide key. */
  createKey(user: User | null, scopes?: ApiKeyScope[]): Promise<string>;
  /** One request to our REST API. */
  api(
    method: string,
    path: string,
    options?: {
      key?: string;
      json?: unknown;
      /** A raw body, sent as is (for malformed-input tests); `json` is the usual way. */
      body?: string;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
  /** Every session TeamViewer (the simulator) holds, closed ones included. */
  teamViewerSessions(): Promise<
    { code: string; custom_api?: string; state: string; assigned_userid?: string }[]
  >;
}

const publicUrl = "http://localhost:3000";

/** `extraDeps`: a mailer, or the demo app (which turns on the demo outbox), for the pages' tests. */
export async function createSessionHarness(
  engine: TestEngine,
  extraDeps: Pick<AppDeps, "mailer" | "demoTeamViewerApp" | "liveDesk"> = {},
  /** More configuration variables, e.g. a low ATTENDANT_API_RATE_LIMIT_PER_MINUTE. */
  env: Record<string, string> = {},
): Promise<SessionHarness> {
  const { database, config } = await engine.openDatabase({
    ATTENDANT_PUBLIC_URL: publicUrl,
    ATTENDANT_DEMO: "false",
    ...env,
  });
  await migrate(database);
  if (config.keyring === undefined) throw new Error("test config has a keyring");
  const vault = new SecretBox(config.keyring);
  const clock = createFakeClock(new Date("2026-03-02T09:00:00Z"));
  const simulator = createSimulator({ clock: { now: () => clock.now().getTime() }, autoApprove: true });
  const demo = simulator.demo();
  const organisation = await createSimulatedOrganisation(
    { db: database.db, vault, clock, simulator },
    publicUrl,
  );
  const captured = captureLogs();
  const appDeps: AppDeps = {
    database,
    config,
    clock,
    vault,
    logger: captured.logger,
    teamViewerFetch: simulator.fetch as typeof fetch,
    passwordHashing: fastPasswordHashing,
    ...extraDeps,
    // Demo mode's QuickSupport modules go to this simulator, as the started service's go to its own.
    ...(extraDeps.demoTeamViewerApp === undefined
      ? {}
      : { saveDemoQuickSupportModule: (module) => simulator.admin.saveCustomModule(module) }),
  };
  const deps: SessionDeps = { ...appDeps, teamViewer: createTeamViewerAccess(appDeps) };
  const app = createApp(appDeps);
  let count = 0;

  const harness: SessionHarness = {
    database,
    config,
    clock,
    simulator,
    deps,
    app,
    appDeps,
    organisationId: organisation.id,
    logs: captured.text,
    async addUser(role, options = {}) {
      count += 1;
      return addSimulatedUser(
        { db: database.db, vault, clock, simulator, organisationId: organisation.id },
        { role, email: `${role}${count}@contoso.example`, teamViewerUserid: options.teamViewerUserid },
      );
    },
    actorOf,
    async createKey(user, scopes = ["sessions:read", "sessions:write"]) {
      const admin = await createUser(database.db, {
        organisationId: organisation.id,
        email: `key-admin${++count}@contoso.example`,
        role: "admin",
      });
      const { token } = await createApiKey(deps, {
        actor: harness.actorOf(admin),
        name: "helpdesk",
        scopes,
        actingUserId: user?.id ?? null,
      });
      return token;
    },
    api: async (method, path, options = {}) =>
      app.request(new URL(path, publicUrl).href, {
        method,
        headers: {
          ...(options.key === undefined ? {} : { authorization: `Bearer ${options.key}` }),
          ...(options.json === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
        ...(options.body === undefined ? {} : { body: options.body }),
      }),
    async teamViewerSessions() {
      const response = await simulator.fetch(`${demo.apiBaseUrl}/sessions?full_list=true&state=open,closed`, {
        headers: { authorization: `Bearer ${demo.scriptToken}` },
      });
      return ((await response.json()) as { sessions: [] }).sessions;
    },
  };
  return harness;
}

/** A valid create request for the use case. */
export const sampleTicket = {
  externalId: "4711",
  title: "Outlook does not start",
  url: "https://helpdesk.example/tickets/4711",
  requesterName: "Erika Mustermann",
  requesterEmail: "erika@example.org",
};
