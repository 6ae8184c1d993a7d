/** The simulator's own report pages in-process: what the backfill's fetch limit is bounded by. */
import type { BenchContext, GroupResult } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

export async function runSimulatorGroup(context: BenchContext, result: GroupResult): Promise<void> {
  for (const records of context.sizes) {
    context.log(`simulator.reportPages ${records}`);
    result.cases.push(await runChild("simulator-report-pages.ts", [String(records), "200"]));
    context.save();
  }
}
