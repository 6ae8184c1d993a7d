/** Start-up to ready and idle RSS per engine (service-ready.ts), on the compiled entry. */
import { execFileSync } from "node:child_process";
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

const idleRssLimitMb = { pglite: 400, postgresql: 150 } as const;

export async function runReadyGroup(context: BenchContext, { cases, targets }: GroupResult): Promise<void> {
  context.log("service.ready: npm run build");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  // Unmeasured: the first start of a fresh checkout pays for the operating system's file cache.
  context.log("service.ready warm-up");
  await runChild("service-ready.ts", [JSON.stringify({ engine: "pglite", idleMs: 0 })]);
  for (const engine of context.engines) {
    context.log(`service.ready ${engine}`);
    const result = await runChild("service-ready.ts", [
      JSON.stringify({
        engine,
        idleMs: context.isQuick ? 3_000 : 10_000,
        ...(engine === "postgresql"
          ? { databaseUrl: await (await context.postgres()).createDatabase() }
          : {}),
      }),
    ]);
    cases.push(result);
    const existing = result.existing as { readyMs: number; idleRssMb: number };
    targets.push(
      judge(`ready ${engine}: existing data within 3 s`, existing.readyMs, "<=", 3_000, "ms"),
      judge(`idle RSS ${engine}`, existing.idleRssMb, "<", idleRssLimitMb[engine], "MB"),
    );
    context.save();
  }
}
