/** Session creation through Attendant against the same call made directly (session-create.ts). */
import { type BenchContext, type GroupResult, judge } from "../support/bench-context.js";
import { startBenchSimulator } from "../support/bench-simulator.js";
import { runChild } from "../support/run-child.js";

export async function runSessionCreateGroup(
  context: BenchContext,
  { cases, targets }: GroupResult,
): Promise<void> {
  const { server, credentials } = await startBenchSimulator(0);
  try {
    for (const engine of context.engines) {
      const account = server.simulator.demo().accounts[0];
      if (account === undefined) throw new Error("the simulator's demo has no account");
      const tokens = server.simulator.admin.issueUserToken({
        clientId: credentials.clientId,
        userid: account.userid,
      });
      context.log(`sessions.create ${engine}`);
      const result = await runChild("session-create.ts", [
        JSON.stringify({
          engine,
          samples: context.isQuick ? 50 : 300,
          simulator: credentials,
          supporter: { userid: account.userid, ...tokens },
          ...(engine === "postgresql"
            ? { databaseUrl: await (await context.postgres()).createDatabase() }
            : {}),
        }),
      ]);
      cases.push(result);
      targets.push(
        judge(
          `session create ${engine}: service overhead at p50 < 5 ms`,
          Number(result.overheadP50Ms),
          "<",
          5,
          "ms",
        ),
      );
      context.save();
    }
  } finally {
    await server.close();
  }
}
