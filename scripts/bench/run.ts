/**
 * `npm run bench`: every benchmark case runs in a fresh child process (so its peak RSS is its
 * own); all results and the targets of issue #8 (pass/fail each) are printed as one JSON
 * document on stdout and written to bench/results/<timestamp>.json. What the numbers mean and
 * the latest ones: docs/performance.md.
 *
 *   npm run bench                       10k and 100k records, every group, both engines
 *   npm run bench -- --full             also 1M records (minutes on PGlite)
 *   npm run bench -- --quick            10k records only, fewer samples
 *   npm run bench -- --only backfill    groups whose name contains a word (repeatable):
 *                                       simulator, backfill, session-create, session-list,
 *                                       ready, freshness, watch, live, scale
 *   npm run bench -- --engines pglite   one engine (pglite, postgresql)
 *   npm run bench -- --sizes 10000,50000
 *   npm run bench -- --modes service    backfill modes to run (service, fetch, store, naive)
 *   npm run bench -- --only scale       pages over 1M stored reports (--full: also 5M on
 *                                       PostgreSQL; --scale-reports 200000: another count)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  findPostgresBinaries,
  type PostgresServer,
  startPostgresServer,
} from "../support/postgres-server.js";
import { runBackfillGroup } from "./groups/backfill-group.js";
import { runFreshnessGroup } from "./groups/freshness-group.js";
import { runLiveDeskGroup } from "./groups/live-desk-group.js";
import { runReadyGroup } from "./groups/ready-group.js";
import { runScaleGroup } from "./groups/scale-group.js";
import { runSessionCreateGroup } from "./groups/session-create-group.js";
import { runSessionListGroup } from "./groups/session-list-group.js";
import { runSessionWatchGroup } from "./groups/session-watch-group.js";
import { runSimulatorGroup } from "./groups/simulator-group.js";
import type { BackfillMode } from "./report-backfill.js";
import type { BenchContext, GroupResult } from "./support/bench-context.js";
import type { BenchEngine } from "./support/bench-service.js";

const { values: flags } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    engines: { type: "string" },
    sizes: { type: "string" },
    modes: { type: "string" },
    "scale-reports": { type: "string" },
  },
});

const sizes = flags.sizes
  ? flags.sizes.split(",").map(Number)
  : flags.quick
    ? [10_000]
    : flags.full
      ? [10_000, 100_000, 1_000_000]
      : [10_000, 100_000];
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error("--sizes: whole numbers > 0");
const scaleReports = Number(flags["scale-reports"] ?? (flags.quick ? 20_000 : 1_000_000));
if (!Number.isInteger(scaleReports) || scaleReports <= 0)
  throw new Error("--scale-reports: a whole number > 0");
const requestedEngines = (flags.engines ?? "pglite,postgresql").split(",") as BenchEngine[];
const engines = requestedEngines.filter((engine) => {
  if (engine === "postgresql" && findPostgresBinaries() === undefined) {
    process.stderr.write("bench: no PostgreSQL binaries (Debian's postgresql package); PGlite only\n");
    return false;
  }
  return true;
});

// Quick groups first, the long backfill last: a run cut short still has most of its numbers.
const groups: { name: string; run: (context: BenchContext, result: GroupResult) => Promise<void> }[] = [
  { name: "session-create", run: runSessionCreateGroup },
  { name: "session-list", run: runSessionListGroup },
  { name: "ready", run: runReadyGroup },
  { name: "freshness", run: runFreshnessGroup },
  { name: "session-watch", run: runSessionWatchGroup },
  { name: "live-desk", run: runLiveDeskGroup },
  { name: "simulator", run: runSimulatorGroup },
  { name: "scale", run: runScaleGroup },
  { name: "backfill", run: runBackfillGroup },
];
const selected = groups.filter(
  (group) => flags.only === undefined || flags.only.some((word) => group.name.includes(word)),
);

let postgres: Promise<PostgresServer> | undefined;
const modes = (flags.modes ?? "fetch,store,naive,service").split(",") as BackfillMode[];
const context: BenchContext = {
  sizes,
  modes,
  engines,
  isQuick: flags.quick,
  scaleReports: (engine) =>
    flags.full && engine === "postgresql" ? [scaleReports, 5_000_000] : [scaleReports],
  log: (line) => process.stderr.write(`bench: ${line}\n`),
  // Durable like a real server: the numbers must not come from switching fsync off.
  save: () => {
    writeReport(false);
  },
  postgres: () => {
    postgres ??= startPostgresServer({ isDurable: true });
    return postgres;
  },
};

const startedAt = new Date().toISOString();
const folder = fileURLToPath(new URL("../../bench/results/", import.meta.url));
const resultFile = `${folder}${startedAt.replaceAll(":", "-")}.json`;
const results: Record<string, GroupResult> = {};

/** The whole report so far; written after every group, so a run cut short keeps what it measured. */
function writeReport(isComplete: boolean): string {
  const targets = Object.values(results).flatMap((result) => result.targets ?? []);
  const report = {
    startedAt,
    finishedAt: isComplete ? new Date().toISOString() : null,
    options: { sizes, engines, modes, quick: flags.quick, only: flags.only ?? null },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: totalmem() / 2 ** 30,
      loadAverage: loadavg(),
    },
    targets: {
      passed: targets.filter((target) => target.passed).length,
      failed: targets.filter((target) => !target.passed).length,
      list: targets,
    },
    results,
  };
  const json = JSON.stringify(report, null, 2);
  mkdirSync(folder, { recursive: true });
  writeFileSync(resultFile, `${json}\n`);
  return json;
}

try {
  for (const group of selected) {
    context.log(`group ${group.name}`);
    const result: GroupResult = { cases: [], targets: [] };
    results[group.name] = result;
    await group.run(context, result);
    writeReport(false);
  }
} finally {
  await (await postgres)?.stop();
}
process.stdout.write(`${writeReport(true)}\n`);
