/**
 * Start-up to ready and idle RSS (service-ready.ts): `npm start`'s source entry on PGlite, whose
 * first start must be quick (issue #26), then the compiled entry deployments run, per engine.
 */
import { execFileSync } from "node:child_process";
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

const idleRssLimitMb = { pglite: 400, postgresql: 150 } as const;
/** Issue #26: a fresh clone serves its sign-in link within 15 s of `npm ci` finishing. */
const firstStartLimitMs = 15_000;

export async function runReadyGroup(context: BenchContext, { cases, targets }: GroupResult): Promise<void> {
  context.log("service.ready source pglite");
  const fromSource = await runChild("service-ready.ts", [
    JSON.stringify({ engine: "pglite", entry: "source", idleMs: context.isQuick ? 3_000 : 10_000 }),
  ]);
  cases.push(fromSource);
  const firstStart = fromSource.fresh as { readyMs: number };
  targets.push(
    judge(
      "npm start from source: first start within 15 s",
      firstStart.readyMs,
      "<=",
      firstStartLimitMs,
      "ms",
    ),
  );
  context.save();

  context.log("service.ready: npm run build");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  // Unmeasured: the first start of a fresh checkout pays for the operating system's file cache.
  context.log("service.ready warm-up");
  await runChild("service-ready.ts", [JSON.stringify({ engine: "pglite", entry: "compiled", idleMs: 0 })]);
  for (const engine of context.engines) {
    context.log(`service.ready ${engine}`);
    const result = await runChild("service-ready.ts", [
      JSON.stringify({
        engine,
        entry: "compiled",
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
