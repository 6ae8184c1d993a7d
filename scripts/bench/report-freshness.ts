/**
 * Report freshness (issue #8): how long after a connection ends its report is on the ticket, at
 * default settings. Runs the service's own scheduler and use cases against the in-process
 * simulator on one fake clock (the report test harness), because the delay is made of timer
 * phases — the 5 s scheduler tick, the 20 s code poll, the 5 min sweep — that would take hours of
 * real time to sample. The clock moves in 1 s steps with a tick every 5 s, as the interval timer
 * would; each connection lasts a random 30–150 s, so it ends at a random phase of every timer.
 * The latency is the simulated time from the end to the tick after which the report is on the
 * ticket, plus that tick's real duration (the work itself).
 *
 * Usage: report-freshness.ts '{"samples":40}'; prints one JSON object.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadConfig, migrate, openDatabase } from "@attendant/service";
import { listTicketConnectionReports } from "../../packages/service/src/db/repositories/connection-reports.js";
import { findTicketByExternalId } from "../../packages/service/src/db/repositories/tickets.js";
import { defaultReportSyncIntervals } from "../../packages/service/src/jobs/report-sync-scheduler.js";
import { openSessionFor } from "../../packages/service/test/integration/reports/live-reports.js";
import { createReportHarness } from "../../packages/service/test/integration/reports/report-harness.js";
import type { TestEngine } from "../../packages/service/test/support/engines.js";
import { percentile } from "./support/bench-context.js";
import { generateBenchKeys } from "./support/bench-service.js";

const { samples } = JSON.parse(process.argv[2] ?? '{"samples":40}') as { samples: number };
const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-freshness-"));
const config = loadConfig({
  env: { ATTENDANT_DATA_DIR: dataDir, ATTENDANT_KEYS: generateBenchKeys(), ATTENDANT_DEMO: "false" },
});
const database = await openDatabase(config);
await migrate(database);
// The harness asks its engine for a database only when none is given; this one is given.
const h = await createReportHarness({} as TestEngine, { reports: 200, database: { database, config } });
const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
await h.saveScriptToken();
const scheduler = h.createScheduler("bench");
const tickMs = defaultReportSyncIntervals.tickMs;

/** Moves the clock one second; on the tick boundary runs a tick and returns its real duration. */
let elapsedMs = 0;
async function step(): Promise<number | undefined> {
  h.clock.advance(1_000);
  elapsedMs += 1_000;
  if (elapsedMs % tickMs !== 0) return undefined;
  const started = performance.now();
  await scheduler.tick();
  return performance.now() - started;
}

// Backfill first: freshness is a property of the polling phase.
while ((await h.accounts())[0]?.phase !== "polling") await step();

// A deterministic spread of connection lengths (no Math.random: reruns sample the same phases).
let state = 12345;
const nextSeconds = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return 30 + (state % 121);
};

const latenciesMs: number[] = [];
for (let i = 0; i < samples; i++) {
  const externalId = `F-${i}`;
  const session = await openSessionFor(h, supporter, externalId);
  const ticket = await findTicketByExternalId(h.database.db, h.organisationId, externalId);
  if (ticket === undefined) throw new Error("no ticket");
  h.simulator.admin.customerJoin(session.code);
  h.simulator.admin.supporterConnect(session.code);
  for (let second = nextSeconds(); second > 0; second--) await step();
  h.simulator.admin.endConnection(session.code);
  const endedAt = elapsedMs;
  for (;;) {
    const tickRealMs = await step();
    if (tickRealMs === undefined) continue;
    if ((await listTicketConnectionReports(h.database.db, ticket.id)).length > 0) {
      latenciesMs.push(elapsedMs - endedAt + tickRealMs);
      break;
    }
    if (elapsedMs - endedAt > 15 * 60_000)
      throw new Error(`report of ${externalId} not on its ticket after 15 min`);
  }
}
await database.close();
rmSync(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({
    benchmark: "reports.freshness",
    clock: "fake (simulated timer phases) + real tick duration",
    samples,
    p50Ms: percentile(latenciesMs, 0.5),
    p95Ms: percentile(latenciesMs, 0.95),
    maxMs: Math.max(...latenciesMs),
  })}\n`,
);
