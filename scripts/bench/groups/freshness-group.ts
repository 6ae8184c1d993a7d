/** Connection end → report on the ticket (report-freshness.ts). */
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

export async function runFreshnessGroup(context: BenchContext, result: GroupResult): Promise<void> {
  context.log("reports.freshness");
  const measured = await runChild("report-freshness.ts", [
    JSON.stringify({ samples: context.isQuick ? 10 : 40 }),
  ]);
  result.cases.push(measured);
  result.targets.push(
    judge("freshness p95 at default settings ≤ 60 s", Number(measured.p95Ms), "<=", 60_000, "ms"),
  );
}
