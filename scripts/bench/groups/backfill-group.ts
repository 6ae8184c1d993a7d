/**
 * Report backfill (issue #8): per size and engine, Attendant's sync pass against its three
 * references on the very same seeded records — the fetch limit, the store limit and the naive
 * baseline (report-backfill.ts says what each does) — each in a fresh process.
 */
import type { BackfillCaseInput, BackfillMode } from "../report-backfill.js";
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { startBenchSimulator } from "../support/bench-simulator.js";
import { runChild } from "../support/run-child.js";

/** The naive baseline inserts row by row; this many rows give a steady rate. */
const naiveRecords = 10_000;
const modes: BackfillMode[] = ["fetch", "store", "naive", "service"];

interface BackfillCase {
  engine: string;
  mode: BackfillMode;
  seededRecords: number;
  recordsPerSecond: number;
  peakRssMb: number;
}

export async function runBackfillGroup(context: BenchContext, result: GroupResult): Promise<void> {
  const cases: BackfillCase[] = [];
  const { targets } = result;
  for (const records of context.sizes) {
    const { server, credentials } = await startBenchSimulator(records);
    try {
      for (const engine of context.engines) {
        const byMode = new Map<BackfillMode, BackfillCase>();
        for (const mode of modes.filter((candidate) => context.modes.includes(candidate))) {
          context.log(`reports.backfill ${engine} ${mode} ${records}`);
          const input: BackfillCaseInput = {
            mode,
            engine,
            records,
            simulator: credentials,
            ...(mode === "naive" ? { limit: naiveRecords } : {}),
            ...(engine === "postgresql"
              ? { databaseUrl: await (await context.postgres()).createDatabase() }
              : {}),
          };
          const measured = (await runChild("report-backfill.ts", [
            JSON.stringify(input),
          ])) as unknown as BackfillCase;
          byMode.set(mode, measured);
          cases.push(measured);
          result.cases.push(measured);
          context.save();
        }
        const rate = (mode: BackfillMode) => byMode.get(mode)?.recordsPerSecond ?? Number.NaN;
        const limit = Math.min(rate("fetch"), rate("store"));
        if (byMode.size === modes.length)
          targets.push(
            judge(
              `backfill ${engine} ${records}: ≥ 80% of min(fetch, store) limit`,
              rate("service") / limit,
              ">=",
              0.8,
              "ratio",
            ),
            judge(
              `backfill ${engine} ${records}: ≥ 5× naive baseline`,
              rate("service") / rate("naive"),
              ">=",
              5,
              "ratio",
            ),
          );
      }
    } finally {
      await server.close();
    }
  }
  const smallest = Math.min(...context.sizes);
  const largest = Math.max(...context.sizes);
  if (largest > smallest) {
    for (const engine of context.engines) {
      const peak = (records: number) =>
        cases.find((c) => c.engine === engine && c.mode === "service" && c.seededRecords === records)
          ?.peakRssMb ?? Number.NaN;
      targets.push(
        judge(
          `backfill ${engine}: peak RSS growth ${smallest} → ${largest} records < 100 MB`,
          peak(largest) - peak(smallest),
          "<",
          100,
          "MB",
        ),
      );
    }
  }
}
