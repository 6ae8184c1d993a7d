import { describe, expect, it } from "vitest";
import type { Database, Db } from "../../../src/db/open-database.js";
import { createReportSyncScheduler } from "../../../src/jobs/report-sync-scheduler.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createReportHarness, sorted } from "./report-harness.js";

/** A process dying inside the transaction boundary: the `crashAt`-th transaction throws just before it would commit. */
function dyingBeforeCommit(database: Database, crashAt: number): Database {
  let transactions = 0;
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return (fn: (tx: Db) => Promise<unknown>, config?: unknown) =>
        target.transaction(async (tx) => {
          const result = await fn(tx);
          transactions += 1;
          if (transactions === crashAt) throw new Error("killed before commit");
          return result;
        }, config as never);
    },
  });
  return { ...database, db };
}

describe("report sync after a crash", () => {
  const engine = usePgliteEngine();

  it("resumes at the page that was not committed, with nothing lost and nothing duplicated", async () => {
    const h = await createReportHarness(engine, { reports: 5_000, pageSize: 500 });
    await h.saveScriptToken();
    const dying = { ...h.deps, database: dyingBeforeCommit(h.database, 4) };
    const doomed = createReportSyncScheduler({
      deps: { ...dying, teamViewer: createTeamViewerAccess(dying) },
      instanceId: "doomed",
      options: { backfillDays: 1000 },
      timers: { setInterval: () => undefined, clearInterval: () => undefined },
    });
    await doomed.tick();
    const [afterCrash] = await h.accounts();
    // Three pages committed; the fourth page's records and cursor are both gone.
    expect(await h.storedReportIds()).toHaveLength(1_500);
    const resumeOffset = afterCrash?.cursorOffsetId;
    expect(resumeOffset).toEqual(expect.any(String));

    const restarted = h.createScheduler("restarted", { backfillDays: 1000 });
    // The dead instance's lease was released by its finally block here; a killed process's expires.
    await h.tickUntil(restarted, async () => (await h.accounts())[0]?.phase === "polling");
    const asked = h.simulator.admin
      .journal()
      .filter((entry) => new URLSearchParams(entry.query).get("offset_id") === resumeOffset);
    // Once by the dead instance, once after the restart: no page before it was fetched again.
    expect(asked).toHaveLength(2);
    const stored = await h.storedReportIds();
    expect(stored).toHaveLength(5_000);
    expect(sorted(stored)).toEqual(sorted(await h.simulatorReportIds()));
  });
});
