/**
 * The report views in-process: the pages harness (app, simulator, fake clock, signed-in
 * browsers, API keys) on one database shared by a describe block, with the simulator's seeded
 * reports synced in through the organisation's script token, as the background sync would.
 */
import type { Config } from "../../../src/config/config-schema.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import type { ReportSyncDeps } from "../../../src/reports/report-sync-deps.js";
import { runReportSyncPass } from "../../../src/reports/run-sync-pass.js";
import type { TestEngine } from "../../support/engines.js";
import type { Browser } from "../../web/web-harness.js";
import { createPagesHarness, type PagesHarness } from "../session-pages/pages-harness.js";

/** An engine whose `openDatabase` hands out one database for the whole describe block. */
export function sharedDatabaseEngine(engine: TestEngine): TestEngine {
  return {
    name: engine.name,
    createConfig: (env, options) => engine.createConfig(env, options),
    openSharedDatabase: (env) => engine.openSharedDatabase(env),
    openDatabase: (env) => engine.openSharedDatabase(env),
  };
}

export interface ViewsHarness extends PagesHarness {
  /** Saves the simulator's company script token for the organisation. */
  saveScriptToken(): Promise<void>;
  /** One sync pass of the organisation, as "Sync now" runs it. */
  syncReports(): Promise<void>;
}

/** Call from `beforeAll`; `reports` are seeded into the simulator (not yet synced). */
export async function createViewsHarness(
  engine: TestEngine,
  options: { reports?: number } = {},
): Promise<ViewsHarness> {
  let config: Config | undefined;
  const shared = sharedDatabaseEngine(engine);
  const h = await createPagesHarness(
    {
      ...shared,
      openDatabase: async (env) => {
        const opened = await shared.openDatabase(env);
        config = opened.config;
        return opened;
      },
    },
    { mailer: "recording" },
  );
  if (config === undefined) throw new Error("the harness opened no database");
  const deps: ReportSyncDeps = { ...h.deps, config };
  if (options.reports !== undefined) h.simulator.admin.seedReports({ count: options.reports });
  return {
    ...h,
    async saveScriptToken() {
      await saveOrganisationScriptToken(
        h.database.db,
        h.deps.vault,
        { organisationId: h.organisationId, token: h.simulator.demo().scriptToken, createdByUserId: null },
        h.clock.now(),
      );
    },
    async syncReports() {
      const summary = await runReportSyncPass(deps, {
        organisationId: h.organisationId,
        instanceId: "test-sync",
        options: { backfillDays: 1000 },
        sleep: async (ms) => h.clock.advance(ms),
      });
      const failed = summary.accounts.filter((account) => account.outcome !== "completed");
      if (failed.length > 0) throw new Error(`sync failed: ${JSON.stringify(failed)}`);
    },
  };
}

/**
 * A views harness whose organisation syncs with its script token, with Kenji (a supporter
 * connected to u7005) signed in, an admin, and an organisation-wide key that reads reports.
 */
export async function createKenjiReportsWorld(
  engine: TestEngine,
): Promise<{ h: ViewsHarness; kenjiBrowser: Browser; orgKey: string }> {
  const h = await createViewsHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  await h.addUser("admin");
  await h.saveScriptToken();
  const kenjiBrowser = await h.signIn(kenji, "Kenji Sato");
  const orgKey = await h.createKey(null, ["reports:read"]);
  return { h, kenjiBrowser, orgKey };
}
