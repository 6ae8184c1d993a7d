/** Pages over a million stored reports, one at a time, next to issue #26's targets (report-scale.ts). */
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { startBenchSimulator } from "../support/bench-simulator.js";
import { runChild } from "../support/run-child.js";

/** Issue #26: every page a person uses answers within these at p95. */
const p95LimitMs = { pglite: 300, postgresql: 150 } as const;

export async function runScaleGroup(context: BenchContext, { cases, targets }: GroupResult): Promise<void> {
  const { server, credentials } = await startBenchSimulator(0);
  try {
    for (const engine of context.engines) {
      for (const reports of context.scaleReports(engine)) {
        context.log(`reports.scale ${engine} ${reports}`);
        const result = await runChild("report-scale.ts", [
          JSON.stringify({
            engine,
            reports,
            samples: context.isQuick ? 10 : 40,
            simulator: credentials,
            ...(engine === "postgresql"
              ? { databaseUrl: await (await context.postgres()).createDatabase() }
              : {}),
          }),
        ]);
        cases.push(result);
        const latencies = result.latencies as Record<string, { p95Ms: number }>;
        for (const [page, { p95Ms }] of Object.entries(latencies)) {
          targets.push(
            judge(`${page} ${engine} at ${reports} reports: p95`, p95Ms, "<=", p95LimitMs[engine], "ms"),
          );
        }
        context.save();
      }
    }
  } finally {
    await server.close();
  }
}
