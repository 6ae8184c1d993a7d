/**
 * One report-backfill case in its own process (so its peak RSS is its own). The simulator runs
 * in the parent (support/bench-simulator.ts) with the records seeded; this process walks them
 * newest first in pages of 1000 over loopback HTTP, in one of four ways:
 * - `service`: Attendant's own sync pass (`attendant reports sync`: leases, matching, cursor).
 * - `fetch`: the fetch limit, fetching and parsing the same pages and storing nothing.
 * - `store`: the store limit, each page bulk-upserted in one 1000-row statement as the sync runs
 *   it (on PGlite without the per-row reference checks, see `storePage`); only the statements
 *   are timed (the page is fetched untimed in between).
 * - `naive`: the baseline a first attempt would be: pages one after another, one INSERT per row
 *   (each its own transaction). It is slow, so it stops after `limit` records; its rate per row
 *   does not depend on how many follow.
 *
 * Every way first does its own work on the first pages untimed, for another organisation with
 * the same records (see `warmUp`).
 *
 * Usage: report-backfill.ts '<json of BackfillCaseInput>'; prints one JSON object.
 */
import { limitHeapGrowth } from "@attendant/service";
import { TeamViewerClient } from "@attendant/teamviewer";
import { count, eq } from "drizzle-orm";
import { upsertConnectionReports } from "../../packages/service/src/db/repositories/connection-reports.js";
import { listSyncAccounts } from "../../packages/service/src/db/repositories/report-sync-accounts.js";
import { connectionReports } from "../../packages/service/src/db/schema.js";
import { transaction } from "../../packages/service/src/db/transaction.js";
import { withoutReferenceChecks } from "../../packages/service/src/db/without-reference-checks.js";
import { toConnectionReportValues } from "../../packages/service/src/reports/report-record.js";
import { resolveReportSyncOptions } from "../../packages/service/src/reports/report-sync-options.js";
import { runAccountTurn } from "../../packages/service/src/reports/run-account-turn.js";
import { runReportSyncPass } from "../../packages/service/src/reports/run-sync-pass.js";
import { discoverSyncAccounts } from "../../packages/service/src/reports/sync-sources.js";
import { type BenchEngine, openBenchService } from "./support/bench-service.js";
import type { BenchSimulator } from "./support/bench-simulator.js";

export type BackfillMode = "service" | "fetch" | "store" | "naive";

export interface BackfillCaseInput {
  mode: BackfillMode;
  engine: BenchEngine;
  records: number;
  simulator: BenchSimulator;
  databaseUrl?: string;
  /** Stop after this many records (the naive baseline). */
  limit?: number;
}

/** The seeded records span two years; a backfill must reach all of them. */
const backfillDays = 3650;
const dayMs = 86_400_000;
/**
 * What is timed is each way's steady pace, not a fresh process compiling its code, opening its
 * connections and planning its first statements: in a 10k case (ten pages) that first page took
 * as long as two to three later ones, in every way (docs/performance.md).
 */
const warmUpPages = 2;

// Every way runs in a process set up as `attendant reports sync` sets up its own.
limitHeapGrowth();
const input = JSON.parse(process.argv[2] ?? "null") as BackfillCaseInput | null;
if (input === null) throw new Error("usage: report-backfill.ts '<json case>'");

const service = await openBenchService(input);
const { deps, organisationId } = service;
const db = deps.database.db;
const limit = input.limit ?? Number.POSITIVE_INFINITY;

async function* simulatorPages() {
  const client = new TeamViewerClient({
    accessToken: input?.simulator.scriptToken ?? "",
    baseUrl: input?.simulator.apiBaseUrl ?? "",
    allowInsecureRequests: true,
  });
  const fromDate = new Date(Date.now() - backfillDays * dayMs);
  yield* client.reports.connections.list({ from_date: fromDate }, {}).pages();
}

type SimulatorPage = { items: Parameters<typeof toConnectionReportValues>[0][] };

const valuesOf = (page: SimulatorPage, forOrganisation = organisationId) =>
  page.items.map((report) =>
    toConnectionReportValues(report, { organisationId: forOrganisation, syncAccountId: null }),
  );

/**
 * One page's upsert as the sync's page transaction runs it (store-report-batch.ts): on PGlite
 * without the per-row reference checks, which the sync's held lease makes redundant there.
 */
async function storePage(values: ReturnType<typeof valuesOf>): Promise<void> {
  if (input?.engine !== "pglite") return upsertConnectionReports(db, values, new Date());
  await transaction(db, (tx) =>
    withoutReferenceChecks(tx, () => upsertConnectionReports(tx, values, new Date())),
  );
}

async function insertOneByOne(values: ReturnType<typeof valuesOf>): Promise<void> {
  for (const row of values) {
    const now = new Date();
    await db
      .insert(connectionReports)
      .values({ ...row, firstSeenAt: now, lastSeenAt: now })
      .onConflictDoNothing();
  }
}

/** The mode's own work on the first pages, for another organisation, untimed. */
async function warmUp(mode: BackfillMode): Promise<void> {
  const warmUpOrganisationId = await service.addOrganisation("Bench warm-up");
  if (mode === "service") {
    // One turn of the sync, as the pass runs them, stopped after the first pages.
    await discoverSyncAccounts(deps, { organisationId: warmUpOrganisationId, backfillDays });
    for (const account of await listSyncAccounts(db, warmUpOrganisationId)) {
      const turn = await runAccountTurn(deps, {
        syncAccountId: account.id,
        holder: "bench-warm-up",
        options: resolveReportSyncOptions({ backfillDays }),
        maxPages: warmUpPages,
        isSweepForced: true,
        skipCodePoll: true,
      });
      if (turn.kind !== "done" || turn.failure !== undefined || turn.pages !== warmUpPages) {
        throw new Error(`the warm-up turn did not sync ${warmUpPages} pages: ${JSON.stringify(turn)}`);
      }
    }
    return;
  }
  let pages = 0;
  for await (const page of simulatorPages()) {
    if (mode === "store") await storePage(valuesOf(page, warmUpOrganisationId));
    if (mode === "naive") await insertOneByOne(valuesOf(page, warmUpOrganisationId));
    if (++pages === warmUpPages) break;
  }
}

const warmUpStarted = performance.now();
await warmUp(input.mode);
// Reported, not hidden: the first pages of a fresh process, JIT and first statements included.
const warmUpSeconds = (performance.now() - warmUpStarted) / 1000;
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

let processed = 0;
let timedMs = 0;
let outcome: { outcome: string; error: string | null }[] | undefined;
const started = performance.now();
switch (input.mode) {
  case "service": {
    let nextReportAt = 100_000;
    const summary = await runReportSyncPass(deps, {
      organisationId,
      instanceId: "bench",
      options: { backfillDays },
      // A long case reports as it goes, so a run cut short still shows its rate and memory.
      onProgress: ({ received }) => {
        if (received < nextReportAt) return;
        nextReportAt += 100_000;
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(
          `progress ${JSON.stringify({ received, seconds, recordsPerSecond: received / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
        );
      },
    });
    processed = summary.received;
    timedMs = performance.now() - started;
    // A pass that gave up (backoff exhausted, lease lost) must show why, not pass as a slow one.
    outcome = summary.accounts.map((account) => ({ outcome: account.outcome, error: account.error }));
    break;
  }
  case "fetch": {
    for await (const page of simulatorPages()) processed += page.items.length;
    timedMs = performance.now() - started;
    break;
  }
  case "store": {
    for await (const page of simulatorPages()) {
      const values = valuesOf(page);
      const statementStarted = performance.now();
      await storePage(values);
      timedMs += performance.now() - statementStarted;
      processed += values.length;
    }
    break;
  }
  case "naive": {
    for await (const page of simulatorPages()) {
      const values = valuesOf(page);
      await insertOneByOne(values);
      processed += values.length;
      if (processed >= limit) break;
    }
    timedMs = performance.now() - started;
    break;
  }
}
const [stored] = await db
  .select({ count: count() })
  .from(connectionReports)
  .where(eq(connectionReports.organisationId, organisationId));
const peakRssMb = process.resourceUsage().maxRSS / 1024;
await service.close();

process.stdout.write(
  `${JSON.stringify({
    benchmark: "reports.backfill",
    engine: input.engine,
    mode: input.mode,
    seededRecords: input.records,
    processedRecords: processed,
    storedRecords: input.mode === "fetch" ? 0 : (stored?.count ?? 0),
    seconds: timedMs / 1000,
    warmUp: { pages: warmUpPages, seconds: warmUpSeconds },
    recordsPerSecond: processed / (timedMs / 1000),
    rssBeforeMb,
    peakRssMb,
    ...(outcome === undefined ? {} : { outcome }),
  })}\n`,
);
