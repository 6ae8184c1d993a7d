/**
 * Scale-out (issue #8): three real service processes against ONE PostgreSQL server on loopback,
 * the simulator on its own loopback port as TeamViewer.
 * - All three start at the same moment on an empty database and migrate concurrently.
 * - A session created through one instance is read, identically, through the others.
 * - The report sync's leases never let two instances walk the same account: every report page
 *   is requested exactly once (the simulator's journal), and every record is stored once.
 */
import { readFileSync } from "node:fs";
import { createSystemClock, type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../../src/api-keys/api-keys.js";
import type { Config } from "../../../src/config/config-schema.js";
import { loadConfig } from "../../../src/config/load-config.js";
import { migrationsFolder } from "../../../src/db/migrate.js";
import { type Database, openDatabase } from "../../../src/db/open-database.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { connectionReports, reportSyncAccounts } from "../../../src/db/schema.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { generateKeyEntry } from "../../support/keys.js";
import {
  isPostgresAvailable,
  type PostgresServer,
  startPostgresServer,
} from "../../support/postgres-server.js";
import { queryRows } from "../../support/query-rows.js";
import { actorOf, addSimulatedUser } from "../../support/simulated-users.js";
import { type ServiceInstance, startInstances } from "./service-instances.js";

const seededReports = 2_500;
/** Small pages, so the backfill takes several turns (10 pages each) that the instances contend for. */
const reportPageSize = 100;

(isPostgresAvailable() ? describe : describe.skip)("three instances on one PostgreSQL", () => {
  let postgres: PostgresServer;
  let simulatorServer: SimulatorServer;
  let env: Record<string, string>;
  let instances: ServiceInstance[] = [];
  let database: Database;
  let config: Config;
  let connected: { organisationId: string; apiKey: string };

  beforeAll(async () => {
    postgres = await startPostgresServer();
    simulatorServer = await startSimulatorServer({
      port: 0,
      // The instances run on the real clock; so must TeamViewer.
      clock: createSystemClock(),
      autoApprove: true,
      pageSize: { reports: reportPageSize },
      journalLimit: 100_000,
    });
    simulatorServer.simulator.admin.seedReports({ count: seededReports });
    env = {
      DATABASE_URL: await postgres.createDatabase(),
      ATTENDANT_KEYS: generateKeyEntry("shared"),
      // The seeded records span two years.
      ATTENDANT_REPORT_BACKFILL_DAYS: "3650",
    };
    config = loadConfig({ env: { ...env, ATTENDANT_DATA_DIR: "/nonexistent" } });
    database = await openDatabase(config);
    // The organisation is connected to TeamViewer the moment the first instance has created it,
    // seconds before any instance's first scheduler tick, so their first discovery finds it.
    [instances, connected] = await Promise.all([startInstances(3, env), connectOrganisationOnceCreated()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
    await simulatorServer?.close();
    await postgres?.stop();
  }, 60_000);

  it("three instances started at the same moment on an empty database all migrate and become ready", async () => {
    expect(instances).toHaveLength(3);
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
      entries: unknown[];
    };
    const applied = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(applied[0]?.count).toBe(journal.entries.length);
    const organisations = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from organisations`,
    );
    expect(organisations[0]?.count).toBe(1);
    for (const instance of instances) expect(instance.stderr()).not.toMatch(/error/i);
  });

  it("a session created through one instance is read identically through the other two", async () => {
    const { apiKey } = connected;
    const [first, second, third] = instances;
    if (first === undefined || second === undefined || third === undefined)
      throw new Error("three instances");
    const api = (instance: ServiceInstance, method: string, path: string, body?: unknown) =>
      fetch(`${instance.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const created = await api(first, "POST", "/sessions", {
      ticket: { externalId: "4711", title: "Outlook does not start" },
      group: { name: "Scale-out" },
    });
    expect(created.status).toBe(201);
    // The supporter's links are shown to the creator only, once.
    const { supporterLinks, joinUrl, ...created201 } = (await created.json()) as {
      id: string;
      supporterLinks: unknown;
      joinUrl: string | null;
    };
    expect(supporterLinks).toBeDefined();
    // The join address too is in the answer that made it only (ADR 0035).
    expect(joinUrl).toMatch(/\/join\//);
    const session = { ...created201, joinUrl: null };
    for (const instance of [second, third]) {
      const read = await api(instance, "GET", `/sessions/${session.id}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual(session);
    }
    const closed = await api(third, "POST", `/sessions/${session.id}/close`);
    expect(closed.status).toBe(200);
    const reread = await api(second, "GET", `/sessions/${session.id}`);
    expect(((await reread.json()) as { state: string }).state).toBe("closed");
  });

  it("the report sync's leases let no two instances walk the same account: each page is fetched once", async () => {
    const deadline = Date.now() + 50_000;
    let accounts: (typeof reportSyncAccounts.$inferSelect)[] = [];
    while (Date.now() < deadline) {
      accounts = await database.db.select().from(reportSyncAccounts);
      // Done when the backfill is over and every page is committed (the phase may flip first).
      if (accounts[0]?.phase === "polling" && accounts[0].recordsSynced === seededReports) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The company script token is the only source: it sees every record.
    expect(accounts.map((account) => [account.sourceKind, account.phase])).toEqual([
      ["organisation", "polling"],
    ]);

    const pageRequests = simulatorServer.simulator.admin
      .journal()
      .filter((entry) => entry.method === "GET" && /\/reports\/connections$/i.test(entry.path))
      .filter((entry) => !entry.query.includes("session_code"));
    const cursors = pageRequests.map((entry) => new URLSearchParams(entry.query).get("offset_id") ?? "first");
    // One request per page, none twice: two instances walking the account would repeat a cursor.
    expect(cursors.length).toBe(Math.ceil(seededReports / reportPageSize));
    expect(new Set(cursors).size).toBe(cursors.length);

    const stored = await queryRows<{ count: number; distinct: number }>(
      database.db,
      sql`select count(*)::int as count, count(distinct ${connectionReports.teamViewerReportId})::int as distinct from ${connectionReports}`,
    );
    expect(stored[0]).toEqual({ count: seededReports, distinct: seededReports });
    // Each committed page adds its records once: a page stored by two instances would count twice.
    expect(accounts[0]?.recordsSynced).toBe(seededReports);
  });

  /** Once an instance has made the installation's organisation: the simulator's app, script token, a supporter. */
  async function connectOrganisationOnceCreated(): Promise<{ organisationId: string; apiKey: string }> {
    const organisation = await waitForOrganisation();
    if (config.keyring === undefined) throw new Error("the test config has keys");
    const vault = new SecretBox(config.keyring);
    const clock = { now: () => new Date() };
    const { simulator } = simulatorServer;
    const demo = simulator.demo();
    await saveTeamViewerApp(
      database.db,
      vault,
      {
        organisationId: organisation.id,
        clientId: demo.clientId,
        clientSecret: demo.clientSecret,
        redirectUri: "http://localhost:3000/teamviewer/callback",
        authorizeUrl: demo.authorizeUrl,
        apiBaseUrl: demo.apiBaseUrl,
      },
      clock.now(),
    );
    // A company script token of its own: the demo tenant's well-known one is removed by every
    // instance that starts outside demo mode (src/reports/demo-script-token.ts).
    const scriptToken = simulator.admin.createScriptToken({ ownerUserid: "u7005", scope: "company" }).token;
    await saveOrganisationScriptToken(
      database.db,
      vault,
      { organisationId: organisation.id, token: scriptToken, createdByUserId: null },
      clock.now(),
    );
    const supporter = await addSimulatedUser(
      { db: database.db, vault, clock, simulator, organisationId: organisation.id },
      { role: "supporter", email: "kenji@contoso.example", teamViewerUserid: "u7005" },
    );
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@contoso.example",
      role: "admin",
    });
    const { token } = await createApiKey(
      { database, clock },
      {
        actor: actorOf(admin),
        name: "helpdesk",
        scopes: ["sessions:read", "sessions:write"],
        actingUserId: supporter.id,
      },
    );
    return { organisationId: organisation.id, apiKey: token };
  }

  async function waitForOrganisation(): Promise<{ id: string }> {
    for (let attempt = 0; attempt < 600; attempt++) {
      // Until the first migration has run there is no table to ask.
      const rows = await queryRows<{ id: string }>(database.db, sql`select id from organisations`).catch(
        () => [],
      );
      if (rows[0] !== undefined) return rows[0];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("no instance created the organisation");
  }
});
