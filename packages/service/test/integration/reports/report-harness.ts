/**
 * The report sync in-process: a fresh migrated database, the simulator (its `fetch` as
 * `teamViewerFetch`) and the service on one fake clock, the organisation's app set to the
 * simulator's demo app, schedulers whose timers the test drives, and ways to read both sides'
 * record sets.
 */
import { createSimulator, type Simulator } from "@attendant/simulator";
import { TeamViewerClient } from "@attendant/teamviewer";
import { createFakeClock, type FakeClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import type { Database } from "../../../src/db/open-database.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { listSyncAccounts, type SyncAccount } from "../../../src/db/repositories/report-sync-accounts.js";
import { saveTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import type { User } from "../../../src/db/repositories/users.js";
import { connectionReports, type UserRole } from "../../../src/db/schema.js";
import {
  createReportSyncScheduler,
  type ReportSyncScheduler,
} from "../../../src/jobs/report-sync-scheduler.js";
import type { ReportSyncDeps } from "../../../src/reports/report-sync-deps.js";
import type { ReportSyncOptions } from "../../../src/reports/report-sync-options.js";
import type { SessionActor } from "../../../src/sessions/session-actor.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { captureLogs } from "../../support/capture-logs.js";
import type { TestEngine } from "../../support/engines.js";
import { actorOf, addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";

export interface ReportHarnessOptions {
  /** Historical reports seeded into the simulator (default none). */
  reports?: number;
  /** Simulator report page size (default 1000). */
  pageSize?: number;
  /** Simulator session list page size (default 1000). */
  sessionPageSize?: number;
  /** An existing database (a second instance, a restart) instead of a fresh one. */
  database?: { database: Database; config: Config };
}

export interface ReportHarness {
  database: Database;
  config: Config;
  clock: FakeClock;
  simulator: Simulator;
  deps: ReportSyncDeps;
  organisationId: string;
  logs: () => string;
  saveScriptToken(): Promise<void>;
  addUser(role: UserRole, options?: { teamViewerUserid?: string }): Promise<User>;
  actorOf(user: User): SessionActor;
  /** A scheduler on this harness's deps whose timers never fire by themselves. */
  createScheduler(instanceId: string, options?: Partial<ReportSyncOptions>): ReportSyncScheduler;
  /** Ticks, moving the clock `stepMs` before each, until `isDone` or `maxTicks`. */
  tickUntil(
    scheduler: ReportSyncScheduler,
    isDone: () => Promise<boolean>,
    options?: { stepMs?: number; maxTicks?: number },
  ): Promise<number>;
  accounts(): Promise<SyncAccount[]>;
  /**
   * Every report id the simulator lists to the company token, walked without faults and without
   * a date filter (its meaning depends on the reading, docs/teamviewer-api.md §4); `endedSince`
   * keeps those whose `end_date` is at or after it, `userid` only that TeamViewer user's.
   */
  simulatorReportIds(filter?: { endedSince?: Date; userid?: string }): Promise<string[]>;
  /** Every stored TeamViewer report id, duplicates included. */
  storedReportIds(): Promise<string[]>;
  /** Report-list requests the simulator saw. */
  reportListCalls(): number;
}

const start = new Date("2026-03-02T09:00:00Z");

export async function createReportHarness(
  engine: TestEngine,
  options: ReportHarnessOptions = {},
): Promise<ReportHarness> {
  const { database, config } = options.database ?? (await engine.openDatabase({ ATTENDANT_DEMO: "false" }));
  await migrate(database);
  if (config.keyring === undefined) throw new Error("test config has a keyring");
  const vault = new SecretBox(config.keyring);
  const clock = createFakeClock(start);
  const simulator = createSimulator({
    clock: { now: () => clock.now().getTime() },
    autoApprove: true,
    journalLimit: 100_000,
    pageSize: { reports: options.pageSize ?? 1000, sessions: options.sessionPageSize ?? 1000 },
  });
  if (options.reports !== undefined) simulator.admin.seedReports({ count: options.reports });
  const demo = simulator.demo();
  const organisation = await createSimulatedOrganisation(
    { db: database.db, vault, clock, simulator },
    "http://localhost:3000",
  );
  const captured = captureLogs();
  const appDeps = {
    database,
    config,
    clock,
    vault,
    logger: captured.logger,
    teamViewerFetch: simulator.fetch as typeof fetch,
  };
  const deps: ReportSyncDeps = { ...appDeps, teamViewer: createTeamViewerAccess(appDeps) };
  let userCount = 0;
  const noTimers = { setInterval: () => undefined, clearInterval: () => undefined };

  const harness: ReportHarness = {
    database,
    config,
    clock,
    simulator,
    deps,
    organisationId: organisation.id,
    logs: captured.text,
    saveScriptToken: () =>
      saveOrganisationScriptToken(
        database.db,
        vault,
        { organisationId: organisation.id, token: demo.scriptToken, createdByUserId: null },
        clock.now(),
      ),
    async addUser(role, userOptions = {}) {
      userCount += 1;
      return addSimulatedUser(
        { db: database.db, vault, clock, simulator, organisationId: organisation.id },
        {
          role,
          email: `${role}${userCount}@contoso.example`,
          teamViewerUserid: userOptions.teamViewerUserid,
        },
      );
    },
    actorOf,
    createScheduler: (instanceId, syncOptions = {}) =>
      createReportSyncScheduler({ deps, instanceId, options: syncOptions, timers: noTimers }),
    async tickUntil(scheduler, isDone, tickOptions = {}) {
      const maxTicks = tickOptions.maxTicks ?? 100;
      for (let ticks = 1; ticks <= maxTicks; ticks++) {
        clock.advance(tickOptions.stepMs ?? 5_000);
        await scheduler.tick();
        if (await isDone()) return ticks;
      }
      throw new Error(`not done after ${maxTicks} ticks`);
    },
    accounts: () => listSyncAccounts(database.db),
    async simulatorReportIds(filter = {}) {
      const client = new TeamViewerClient({
        accessToken: demo.scriptToken,
        baseUrl: demo.apiBaseUrl,
        fetch: simulator.fetch as typeof fetch,
        allowInsecureRequests: true,
      });
      const ids: string[] = [];
      const { endedSince } = filter;
      const query = filter.userid === undefined ? {} : { userid: filter.userid };
      for await (const report of client.reports.connections.list(query)) {
        if (endedSince === undefined || Date.parse(report.end_date ?? "") >= endedSince.getTime()) {
          ids.push(report.id);
        }
      }
      return ids;
    },
    async storedReportIds() {
      const rows = await database.db
        .select({ id: connectionReports.teamViewerReportId })
        .from(connectionReports);
      return rows.map((row) => row.id);
    },
    reportListCalls: () =>
      simulator.admin
        .journal()
        .filter((entry) => entry.method === "GET" && /\/reports\/connections$/i.test(entry.path)).length,
  };
  return harness;
}

/** For set comparisons in assertions. */
export const sorted = (ids: readonly string[]) => [...ids].sort();

/**
 * Gives `userId` a TeamViewer connection whose tokens the simulator never issued, as if
 * TeamViewer had revoked the grant: the next call with it fails with invalid_token / invalid_grant.
 */
export function saveRevokedConnection(h: ReportHarness, userId: string): Promise<unknown> {
  return saveTeamViewerConnection(
    h.database.db,
    h.deps.vault,
    {
      userId,
      teamViewerUserId: "u7005",
      teamViewerName: "Kenji Sato",
      teamViewerEmail: "kenji@example.com",
      accessToken: "12345678-RevokedAccessToken0001",
      refreshToken: "12345678-RevokedRefreshToken001",
      expiresAt: new Date(h.clock.now().getTime() + 3_600_000),
    },
    h.clock.now(),
  );
}
