/**
 * Issues 6 and 8, "killed mid-sync": a real child process runs the report sync against the
 * simulator on a loopback port and is killed with SIGKILL at ten random points — during start-up
 * and migration, while a page is in flight, while a page is being stored or committed. After a
 * final run completes, the stored record set must be exactly the simulator's: nothing lost,
 * nothing twice. On PGlite every restart also has to get past the dead process's folder lock.
 */
import type { ChildProcess } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { TeamViewerClient } from "@attendant/teamviewer";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnCompiledChild } from "../../../../../scripts/support/compiled-child.js";
import { waitForExit } from "../../../../../scripts/support/wait-for-exit.js";
import { systemClock } from "../../../src/clock.js";
import { loadConfig } from "../../../src/config/load-config.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";
import { queryRows } from "../../support/query-rows.js";
import { chooseTestSeed, createSeededRandom, randomInt } from "../../support/seeded-random.js";
import { createSimulatedOrganisation } from "../../support/simulated-users.js";

const reportCount = 15_000;
const pageSize = 500;
const kills = 10;
const childPath = fileURLToPath(new URL("./sync-child.ts", import.meta.url));
const reportListPath = "/api/v1/reports/connections";

let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, pageSize: { reports: pageSize } });
  server.simulator.admin.seedReports({ count: reportCount });
});
afterAll(() => server.close());

describeEachEngine("report sync killed with SIGKILL", (engine) => {
  it("stores exactly the simulator's record set after ten kills at random points and a final run", async () => {
    const random = createSeededRandom(chooseTestSeed(`SIGKILL sync [${engine.name}]`));
    const env = await prepareDataFolder(engine);
    const expected = await simulatorReportIds();
    expect(expected).toHaveLength(reportCount);
    const killedAt: string[] = [];

    // Ten real kills: a run that finished before its kill point does not count as one.
    for (let attempt = 1; killedAt.filter((point) => point.endsWith("SIGKILL")).length < kills; attempt++) {
      if (attempt > 2 * kills) throw new Error(`only ${killedAt.length} kill points in ${attempt - 1} runs`);
      const pagesBefore = pageRequests();
      // One kill in five lands in start-up (opening, locking, migrating); the rest after the
      // first or second page request of this run, plus a random moment (fetching, storing, committing).
      const isDuringStartUp = random() < 0.2;
      const afterPages = isDuringStartUp ? 0 : randomInt(random, 1, 2);
      const extraDelayMs = isDuringStartUp ? randomInt(random, 0, 1_500) : randomInt(random, 0, 400);
      const child = spawnSync(env);
      const exited = waitForExit(child);
      let hasExited = false;
      void exited.then(() => {
        hasExited = true;
      });
      while (!hasExited && pageRequests() < pagesBefore + afterPages) await delay(5);
      await delay(extraDelayMs);
      child.kill("SIGKILL");
      const { signal } = await exited;
      killedAt.push(`${afterPages} pages + ${extraDelayMs} ms: ${signal ?? "ended by itself"}`);
    }
    console.info(`SIGKILL sync [${engine.name}] kill points`, killedAt);

    const final = await waitForExit(spawnSync(env));
    expect(final.stderr).toBe("");
    expect(final.code).toBe(0);
    const summary = JSON.parse(final.stdout.trim()) as { accounts: { outcome: string }[] };
    expect(summary.accounts.map((account) => account.outcome)).toEqual(["completed"]);

    const stored = await storedReportIds(env);
    expect(stored).toHaveLength(expected.length);
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...expected].sort());
  }, 300_000);
});

type ChildEnv = Record<string, string> & { ATTENDANT_DATA_DIR: string };

/** A migrated database with an organisation whose app and script token point at the simulator. */
async function prepareDataFolder(engine: TestEngine): Promise<ChildEnv> {
  const keyEntry = generateKeyEntry("kill-test");
  const settings = {
    ATTENDANT_KEYS: keyEntry,
    ATTENDANT_DEMO: "false",
    ATTENDANT_REPORT_BACKFILL_DAYS: "3650",
  };
  const config = await engine.createConfig(settings);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    if (config.keyring === undefined) throw new Error("the test config has a keyring");
    const vault = new SecretBox(config.keyring);
    const context = { db: database.db, vault, clock: systemClock, simulator: server.simulator };
    const organisation = await createSimulatedOrganisation(context, "http://localhost:3000");
    await saveOrganisationScriptToken(
      database.db,
      vault,
      {
        organisationId: organisation.id,
        token: server.simulator.demo().scriptToken,
        createdByUserId: null,
      },
      systemClock.now(),
    );
  } finally {
    await database.close();
  }
  return { ...settings, ATTENDANT_DATA_DIR: config.dataDir, DATABASE_URL: config.databaseUrl ?? "" };
}

function spawnSync(env: ChildEnv): ChildProcess {
  return spawnCompiledChild(childPath, {
    env: { ...process.env, ...env, ATTENDANT_LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function pageRequests(): number {
  return server.simulator.admin
    .journal()
    .filter((entry) => entry.method === "GET" && entry.path.toLowerCase() === reportListPath).length;
}

async function simulatorReportIds(): Promise<string[]> {
  const demo = server.simulator.demo();
  const client = new TeamViewerClient({
    accessToken: demo.scriptToken,
    baseUrl: demo.apiBaseUrl,
    allowInsecureRequests: true,
  });
  const ids: string[] = [];
  for await (const report of client.reports.connections.list({ from_date: "2000-01-01" }))
    ids.push(report.id);
  return ids;
}

/** Every stored report id, duplicates included, read after the last child has exited. */
async function storedReportIds(env: ChildEnv): Promise<string[]> {
  const database = await openDatabase(loadConfig({ env }));
  try {
    const rows = await queryRows<{ id: string }>(
      database.db,
      sql`select teamviewer_report_id as id from connection_reports`,
    );
    return rows.map((row) => row.id);
  } finally {
    await database.close();
  }
}
