/** Customer arrival → session shown waiting, and the watch's calls per account (session-watch.ts). */
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { runChild } from "../support/run-child.js";

export async function runSessionWatchGroup(context: BenchContext, result: GroupResult): Promise<void> {
  context.log("sessions.watch");
  const measured = await runChild("session-watch.ts", [
    JSON.stringify({ samples: context.isQuick ? 10 : 40 }),
  ]);
  result.cases.push(measured);
  result.targets.push(
    judge(
      "customer arrival shown, p95 at default settings ≤ 10 s",
      Number(measured.arrivalP95Ms),
      "<=",
      10_000,
      "ms",
    ),
  );
  const perAccount = measured.callsPerMinute as { openSessions: number; measured: number; budget: number }[];
  for (const { openSessions, measured: calls, budget } of perAccount) {
    result.targets.push(
      judge(
        `session watch calls per minute per account, ${openSessions} open sessions ≤ budget`,
        calls,
        "<=",
        budget,
        "calls/min",
      ),
    );
  }
}
