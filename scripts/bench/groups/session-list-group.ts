/** Session lists with 100,000 sessions stored, read one at a time and under load (session-list.ts). */
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { startBenchSimulator } from "../support/bench-simulator.js";
import { runChild } from "../support/run-child.js";

/** Issue #26: every session list within the page targets, and the API list at ≥ 1,000 requests/s. */
const p95LimitMs = { pglite: 300, postgresql: 150 } as const;
const requestsPerSecondFloor = 1_000;

export async function runSessionListGroup(
  context: BenchContext,
  { cases, targets }: GroupResult,
): Promise<void> {
  const { server, credentials } = await startBenchSimulator(0);
  try {
    for (const engine of context.engines) {
      context.log(`sessions.list ${engine}`);
      const result = await runChild("session-list.ts", [
        JSON.stringify({
          engine,
          sessions: context.isQuick ? 10_000 : 100_000,
          samples: context.isQuick ? 50 : 200,
          connections: 50,
          loadMs: context.isQuick ? 3_000 : 10_000,
          simulator: credentials,
          ...(engine === "postgresql"
            ? { databaseUrl: await (await context.postgres()).createDatabase() }
            : {}),
        }),
      ]);
      cases.push(result);
      const latencies = result.latencies as Record<string, { p95Ms: number }>;
      for (const [read, { p95Ms }] of Object.entries(latencies)) {
        targets.push(judge(`session list ${engine} (${read}): p95`, p95Ms, "<=", p95LimitMs[engine], "ms"));
      }
      const load = result.loadMine as { requestsPerSecond: number };
      targets.push(
        judge(
          `session list ${engine} (mine) at 50 connections`,
          load.requestsPerSecond,
          ">=",
          requestsPerSecondFloor,
          "requests/s",
        ),
      );
      context.save();
    }
  } finally {
    await server.close();
  }
}
