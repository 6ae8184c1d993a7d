/**
 * The session status watch (issue #24): how long after a customer joins the session shows them
 * waiting, and how many `GET /sessions` calls one supporter's account costs per minute for 1, 10
 * and 100 open sessions, at default settings. Runs the service's own watch against the
 * in-process simulator on one fake clock (the report test harness), because the latency is made
 * of timer phases (the 1 s tick, the 5 s pace) that real time would only sample slowly. The clock
 * moves in 100 ms steps with a tick every second, as the interval timer would; each customer
 * joins after a pseudo-random 1.0–9.9 s, so at a different phase of the pace. The latency is the
 * simulated time from the join to the tick after which the session is stored as waiting, plus
 * that tick's real duration (the work itself).
 *
 * Usage: session-watch.ts '{"samples":40}'; prints one JSON object.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadConfig, migrate, openDatabase } from "@attendant/service";
import { findSupportSession } from "../../packages/service/src/db/repositories/support-sessions.js";
import { createSessionStatusWatch } from "../../packages/service/src/jobs/session-status-watch.js";
import { closeSupportSession } from "../../packages/service/src/sessions/close-support-session.js";
import {
  defaultSessionWatchOptions,
  maxWatchCallsPerMinute,
} from "../../packages/service/src/sessions/session-watch-options.js";
import { openSessionFor } from "../../packages/service/test/integration/reports/live-reports.js";
import { createReportHarness } from "../../packages/service/test/integration/reports/report-harness.js";
import type { TestEngine } from "../../packages/service/test/support/engines.js";
import { percentile } from "./support/bench-context.js";
import { generateBenchKeys } from "./support/bench-service.js";

const { samples } = JSON.parse(process.argv[2] ?? '{"samples":40}') as { samples: number };
const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-watch-"));
const config = loadConfig({
  env: { ATTENDANT_DATA_DIR: dataDir, ATTENDANT_KEYS: generateBenchKeys(), ATTENDANT_DEMO: "false" },
});
const database = await openDatabase(config);
await migrate(database);
// The harness asks its engine for a database only when none is given; this one is given.
const h = await createReportHarness({} as TestEngine, { database: { database, config } });
const noTimers = { setInterval: () => undefined, clearInterval: () => undefined };
const watch = createSessionStatusWatch({ deps: h.deps, instanceId: "bench", timers: noTimers });
const { tickMs, paceMs } = defaultSessionWatchOptions;
const stepMs = 100;

/** Moves the clock one step; on the tick boundary runs a tick and returns its real duration. */
let elapsedMs = 0;
async function step(): Promise<number | undefined> {
  h.clock.advance(stepMs);
  elapsedMs += stepMs;
  if (elapsedMs % tickMs !== 0) return undefined;
  const started = performance.now();
  await watch.tick();
  return performance.now() - started;
}

async function stepFor(milliseconds: number): Promise<void> {
  for (let waited = 0; waited < milliseconds; waited += stepMs) await step();
}

// A deterministic spread of join moments (no Math.random: reruns sample the same phases).
let state = 12345;
const nextJoinDelayMs = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  // The high bits: an LCG's low bits repeat with a short period.
  return 1_000 + (Math.floor(state / 65_536) % 90) * stepMs;
};

const arrival = await h.addUser("supporter", { teamViewerUserid: "u7005" });
const session = await openSessionFor(h, arrival, "ARRIVAL");
const isOnline = async () =>
  (await findSupportSession(h.database.db, h.organisationId, session.id))?.isOnline === true;
const latenciesMs: number[] = [];
for (let i = 0; i < samples; i++) {
  await stepFor(nextJoinDelayMs());
  h.simulator.admin.customerJoin(session.code);
  const joinedAt = elapsedMs;
  for (;;) {
    const tickRealMs = await step();
    if (tickRealMs === undefined) continue;
    if (await isOnline()) {
      latenciesMs.push(elapsedMs - joinedAt + tickRealMs);
      break;
    }
    if (elapsedMs - joinedAt > 5 * 60_000) throw new Error("the customer was not shown after 5 min");
  }
  h.simulator.admin.customerLeave(session.code);
  while (await isOnline()) await stepFor(tickMs);
}

/** Closes the sessions, so the next measurement starts with none open. */
async function closeAll(supporter: Awaited<ReturnType<typeof h.addUser>>, ids: readonly string[]) {
  for (const sessionId of ids) await closeSupportSession(h.deps, { actor: h.actorOf(supporter), sessionId });
}
await closeAll(arrival, [session.id]);

// The account with `count` open sessions (and no others), over whole simulated minutes.
const minutes = 3;
const callsPerMinute: { openSessions: number; measured: number; budget: number }[] = [];
for (const count of [1, 10, 100]) {
  const supporter = arrival;
  const ids: string[] = [];
  for (let n = 0; n < count; n++) ids.push((await openSessionFor(h, supporter, `COST-${count}-${n}`)).id);
  h.simulator.admin.clearJournal();
  await stepFor(minutes * 60_000);
  const calls = h.simulator.admin
    .journal()
    .filter((entry) => entry.method === "GET" && /\/api\/v1\/sessions$/i.test(entry.path)).length;
  callsPerMinute.push({
    openSessions: count,
    measured: calls / minutes,
    budget: maxWatchCallsPerMinute(count, paceMs),
  });
  await closeAll(supporter, ids);
}
await database.close();
rmSync(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({
    benchmark: "sessions.watch",
    clock: "fake (simulated timer phases) + real tick duration",
    samples,
    arrivalP50Ms: percentile(latenciesMs, 0.5),
    arrivalP95Ms: percentile(latenciesMs, 0.95),
    arrivalMaxMs: Math.max(...latenciesMs),
    callsPerMinute,
  })}\n`,
);
