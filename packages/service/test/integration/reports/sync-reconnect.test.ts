import { expect, it } from "vitest";
import { deleteTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import { resolveReportSyncOptions } from "../../../src/reports/report-sync-options.js";
import { runAccountTurn } from "../../../src/reports/run-account-turn.js";
import { describeEachEngine } from "../../support/engines.js";
import { connectToSimulatedAccount } from "../../support/simulated-users.js";
import { createReportHarness, type ReportHarness } from "./report-harness.js";

/** Long enough for the simulator's two years of seeded history. */
const wholeHistory = { backfillDays: 1000, pageTimeoutMs: 200 };

/** Whether the one active account finished a pass that started after `since`. */
async function hasCompletedPassSince(h: ReportHarness, since: Date): Promise<boolean> {
  const active = (await h.accounts()).filter((account) => account.status === "active");
  const [account] = active;
  return (
    active.length === 1 &&
    account?.phase === "polling" &&
    account.lastPassCompletedAt !== null &&
    account.lastPassCompletedAt > since
  );
}

describeEachEngine("report sync after reconnecting to another TeamViewer account", (engine) => {
  it("backfills the new TeamViewer account's whole history instead of continuing the old account's sync", async () => {
    const h = await createReportHarness(engine, { reports: 3_000, pageSize: 250 });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const scheduler = h.createScheduler("instance-a", wholeHistory);
    await h.tickUntil(scheduler, () => hasCompletedPassSince(h, new Date(0)), { stepMs: 10_000 });
    const accountA = await h.simulatorReportIds({ userid: "u7005" });
    expect(accountA.length).toBeGreaterThan(1_000);
    expect(new Set(await h.storedReportIds())).toEqual(new Set(accountA));

    await deleteTeamViewerConnection(h.database.db, supporter.id);
    await h.tickUntil(scheduler, async () =>
      (await h.accounts()).every((account) => account.status === "inactive"),
    );
    await connectToSimulatedAccount(
      { ...h.deps, db: h.database.db, simulator: h.simulator },
      supporter,
      "u7006",
    );
    const reconnectedAt = h.clock.now();
    await h.tickUntil(scheduler, () => hasCompletedPassSince(h, reconnectedAt), { stepMs: 10_000 });

    const accountB = await h.simulatorReportIds({ userid: "u7006" });
    expect(accountB.length).toBeGreaterThan(1_000);
    const stored = new Set(await h.storedReportIds());
    expect(accountB.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(accountA.length + accountB.length);
  }, 120_000);

  it("never pages the old TeamViewer account's cursor with the grant of the account the user reconnected to", async () => {
    const h = await createReportHarness(engine, { reports: 600, pageSize: 250 });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const scheduler = h.createScheduler("instance-a", wholeHistory);
    await h.tickUntil(scheduler, () => hasCompletedPassSince(h, new Date(0)), { stepMs: 10_000 });
    const [accountA] = await h.accounts();
    if (accountA === undefined) throw new Error("no sync account");

    // Reconnected to another TeamViewer account before discovery has seen it.
    await connectToSimulatedAccount(
      { ...h.deps, db: h.database.db, simulator: h.simulator },
      supporter,
      "u7006",
    );
    const listCallsBefore = h.reportListCalls();
    const turn = await runAccountTurn(h.deps, {
      syncAccountId: accountA.id,
      holder: "instance-b",
      options: resolveReportSyncOptions(wholeHistory),
      maxPages: 4,
      isSweepForced: true,
    });

    expect(turn).toMatchObject({ kind: "done", received: 0, failure: { kind: "source-gone" } });
    expect(h.reportListCalls()).toBe(listCallsBefore);
    const [after] = await h.accounts();
    expect(after).toMatchObject({
      status: "inactive",
      recordsSynced: accountA.recordsSynced,
      highWaterEndDate: accountA.highWaterEndDate,
    });
  }, 120_000);
});
