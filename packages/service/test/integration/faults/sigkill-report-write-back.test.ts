/**
 * Issue 20, "crash campaign": report write-back. The service, a real child process, writes a
 * report's notes and billing state back to TeamViewer through the REST API; TeamViewer (the
 * simulator) applies the PUT and holds its answer, and the service is killed with SIGKILL in
 * that moment — after TeamViewer changed the report, before the local update. Meanwhile someone
 * changes the billing state in TeamViewer itself. After a restart, the next sync turn must make
 * the local report equal TeamViewer's, without sending the change again
 * (docs/adr/0030-report-write-back-across-a-crash.md).
 *
 * PGlite only: there a restart ends the dead process's write-back lease at once
 * (src/db/release-dead-leases.ts); on PostgreSQL it expires, the same code path after a wait
 * (test/integration/reports/write-back.test.ts proves the lease's end on the fake clock).
 */
import { mkdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../../src/api-keys/api-keys.js";
import { systemClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { findConnectionReport } from "../../../src/db/repositories/connection-reports.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { createLogger } from "../../../src/logging/logger.js";
import type { ReportJson } from "../../../src/reports/report-json.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { usePgliteEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";
import { actorOf, createSimulatedOrganisation } from "../../support/simulated-users.js";
import {
  type ServiceInstance,
  spawnServiceInstance,
  waitUntilReady,
} from "../scale-out/service-instances.js";

const reportsPath = "/api/v1/reports/connections";

describe("report write-back killed with SIGKILL", () => {
  const engine = usePgliteEngine();
  let simulator: SimulatorServer;
  beforeAll(async () => {
    simulator = await startSimulatorServer({ port: 0 });
    simulator.simulator.admin.seedReports({ count: 5 });
  });
  afterAll(() => simulator.close());

  it("makes the local report equal TeamViewer's in the next sync turn after a kill between the PUT and the local update, with exactly one PUT", async () => {
    const settings = {
      ATTENDANT_KEYS: generateKeyEntry("kill-write-back"),
      ATTENDANT_REPORT_BACKFILL_DAYS: "3650",
    };
    const config = await engine.createConfig(settings);
    mkdirSync(config.dataDir, { recursive: true });
    const { apiKey, organisationId } = await seedOrganisation(config, simulator);

    const first = await spawnServiceInstance(settings, { dataDir: config.dataDir });
    let report: ReportJson;
    try {
      await waitUntilReady(first);
      report = await firstSyncedReport(first, apiKey);
      // TeamViewer applies the PUT, then holds its answer until the service is gone.
      simulator.simulator.admin.planFault({
        method: "PUT",
        path: `${reportsPath}/*`,
        kind: "delay",
        delayMs: 600_000,
        when: "after",
      });
      const patch = fetch(`${first.url}${reportsPath}/${report.id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ notes: "Invoice 2026-031", billingState: "Billed" }),
      }).catch(() => undefined);
      while ((await remote(report.teamViewerReportId)).notes !== "Invoice 2026-031") await delay(10);
      await first.kill();
      expect(await patch).toBeUndefined();
    } finally {
      await first.stop();
    }

    // The kill came between the PUT and the local update: the report is marked, the fields old.
    const crashed = await storedReport(config, organisationId, report.id);
    expect(crashed.writeBackPending).toEqual({ notes: "Invoice 2026-031", billingState: "Billed" });
    expect(crashed.notes).toBe(report.notes);
    // Someone changes the billing state in TeamViewer before Attendant is back.
    simulator.simulator.admin.clearFaults();
    await changeInTeamViewer(report.teamViewerReportId, { billing_state: "DoNotBill" });
    const expected = await remote(report.teamViewerReportId);
    expect(expected).toMatchObject({ notes: "Invoice 2026-031", billing_state: "DoNotBill" });

    const second = await spawnServiceInstance(settings, { dataDir: config.dataDir });
    try {
      await waitUntilReady(second);
      const settled = await reportOnceSettled(second, apiKey, report.id);
      expect(settled).toMatchObject({ notes: expected.notes, billingState: expected.billing_state });
      expect(await remote(report.teamViewerReportId)).toEqual(expected);
    } finally {
      await second.stop();
    }
    // One PUT from the service (the one cut off by the kill) and the test's own in TeamViewer.
    const puts = simulator.simulator.admin.journal().filter((entry) => entry.method === "PUT");
    expect(puts).toHaveLength(2);
    const settledRow = await storedReport(config, organisationId, report.id);
    expect(settledRow).toMatchObject({ notes: "Invoice 2026-031", billingState: "DoNotBill" });
    expect(settledRow.raw).toMatchObject({ notes: "Invoice 2026-031", billing_state: "DoNotBill" });
  }, 240_000);

  /** The report as TeamViewer holds it, read with the company's script token. */
  async function remote(
    teamViewerReportId: string,
  ): Promise<{ notes: string | undefined; billing_state: string | undefined }> {
    const demo = simulator.simulator.demo();
    const response = await fetch(`${demo.apiBaseUrl}/reports/connections/${teamViewerReportId}`, {
      headers: { authorization: `Bearer ${demo.scriptToken}` },
    });
    expect(response.status).toBe(200);
    const { notes, billing_state } = (await response.json()) as { notes?: string; billing_state?: string };
    return { notes, billing_state };
  }

  async function changeInTeamViewer(teamViewerReportId: string, change: { billing_state: string }) {
    const demo = simulator.simulator.demo();
    const response = await fetch(`${demo.apiBaseUrl}/reports/connections/${teamViewerReportId}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${demo.scriptToken}`, "content-type": "application/json" },
      body: JSON.stringify(change),
    });
    expect(response.status).toBe(204);
  }
});

/** The first report the running service has synced, once its first sync stored some. */
async function firstSyncedReport(instance: ServiceInstance, apiKey: string): Promise<ReportJson> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const { reports } = await getJson<{ reports: ReportJson[] }>(instance, apiKey, `${reportsPath}?limit=1`);
    if (reports[0] !== undefined) return reports[0];
    await delay(250);
  }
  throw new Error(`the service synced no report: ${instance.stderr()}`);
}

/** The report once the service shows no write-back pending (the sync turn settled it). */
async function reportOnceSettled(instance: ServiceInstance, apiKey: string, id: string): Promise<ReportJson> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const report = await getJson<ReportJson>(instance, apiKey, `${reportsPath}/${id}`);
    if (report.writeBackPending === null) return report;
    expect(report.writeBackPending).toMatchObject({ notes: "Invoice 2026-031", billingState: "Billed" });
    await delay(250);
  }
  throw new Error("the write-back stayed pending");
}

async function getJson<T>(instance: ServiceInstance, apiKey: string, path: string): Promise<T> {
  const response = await fetch(`${instance.url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body as T;
}

/** Read while no service has the data folder open. */
async function storedReport(config: Config, organisationId: string, id: string) {
  const database = await openDatabase(config, { logger: createLogger("silent") });
  try {
    const row = await findConnectionReport(database.db, organisationId, id);
    if (row === undefined) throw new Error("the report is gone");
    return row;
  } finally {
    await database.close();
  }
}

/** An organisation whose script token sees the simulator's reports, and an admin's API key. */
async function seedOrganisation(
  config: Config,
  server: SimulatorServer,
): Promise<{ apiKey: string; organisationId: string }> {
  if (config.keyring === undefined) throw new Error("the test config has a keyring");
  const database = await openDatabase(config, { logger: createLogger("silent") });
  try {
    await migrate(database);
    const vault = new SecretBox(config.keyring);
    const context = { db: database.db, vault, clock: systemClock, simulator: server.simulator };
    const organisation = await createSimulatedOrganisation(context, "http://localhost:3000");
    // A company token of its own: a service outside demo mode removes the demo's
    // (src/reports/demo-script-token.ts).
    const token = server.simulator.admin.createScriptToken({ ownerUserid: "u7005", scope: "company" }).token;
    await saveOrganisationScriptToken(
      database.db,
      vault,
      { organisationId: organisation.id, token, createdByUserId: null },
      systemClock.now(),
    );
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@contoso.example",
      role: "admin",
    });
    const apiKey = await createApiKey(
      { database, clock: systemClock },
      {
        actor: actorOf(admin),
        name: "billing",
        scopes: ["reports:read", "reports:write"],
        actingUserId: null,
      },
    );
    return { apiKey: apiKey.token, organisationId: organisation.id };
  } finally {
    await database.close();
  }
}
