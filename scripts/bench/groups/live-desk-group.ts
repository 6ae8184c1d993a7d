/** Memory of the service with 1,000 open browser event streams, per engine (live-desk-streams.ts). */
import type { BenchContext, GroupResult } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

export async function runLiveDeskGroup(context: BenchContext, { cases }: GroupResult): Promise<void> {
  for (const engine of context.engines) {
    context.log(`live-desk.streams ${engine}`);
    cases.push(
      await runChild("live-desk-streams.ts", [
        JSON.stringify({
          engine,
          streams: context.isQuick ? 200 : 1_000,
          ...(engine === "postgresql"
            ? { databaseUrl: await (await context.postgres()).createDatabase() }
            : {}),
        }),
      ]),
    );
    context.save();
  }
}
