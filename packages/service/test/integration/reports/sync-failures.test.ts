import { describe, expect, it } from "vitest";
import { findTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import { usePgliteEngine } from "../../support/engines.js";
import { connectToSimulatedAccount } from "../../support/simulated-users.js";
import { openForeignSession, playConnection } from "./live-reports.js";
import { createReportHarness, saveRevokedConnection } from "./report-harness.js";

describe("report sync failures and windows", () => {
  const engine = usePgliteEngine();

  it("a dead token marks the account and the connection needs reconnect, and nothing loops", async () => {
    const h = await createReportHarness(engine, { reports: 50 });
    const kenji = await h.addUser("supporter");
    await saveRevokedConnection(h, kenji.id);
    const scheduler = h.createScheduler("instance-a");
    for (let tick = 0; tick < 60; tick++) {
      h.clock.advance(20_000);
      await scheduler.tick();
    }
    const [account] = await h.accounts();
    expect(account?.status).toBe("needs_reconnect");
    expect((await findTeamViewerConnection(h.database.db, h.deps.vault, kenji.id))?.status).toBe(
      "needs_reconnect",
    );
    // One list call (401), one refresh (invalid_grant); twenty minutes of ticks add nothing.
    expect(h.reportListCalls()).toBe(1);
    const tokenCalls = h.simulator.admin.journal().filter((entry) => /oauth2\/token$/i.test(entry.path));
    expect(tokenCalls).toHaveLength(1);

    // Reconnecting (a new grant) revives the account at the next discovery.
    await connectToSimulatedAccount({ ...h.deps, db: h.database.db, simulator: h.simulator }, kenji, "u7005");
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling", {
      stepMs: 20_000,
    });
    expect((await h.accounts())[0]?.status).toBe("active");
  });

  it("an overlapping window picks up a record listed late whose end is older than the high-water", async () => {
    const h = await createReportHarness(engine, { reports: 300 });
    await h.saveScriptToken();
    const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    const highWater = (await h.accounts())[0]?.highWaterEndDate;
    if (!highWater) throw new Error("no high-water");

    // TeamViewer lists a connection late: it ended 20 minutes before the newest stored record.
    const now = h.clock.now();
    const code = await openForeignSession(h, "crm:late");
    h.clock.set(new Date(highWater.getTime() - 25 * 60_000));
    const late = playConnection(h, code);
    h.clock.set(now);
    expect(Date.parse(late.end_date ?? "")).toBe(highWater.getTime() - 20 * 60_000);

    h.clock.advance(5 * 60_000);
    await scheduler.tick();
    expect(await h.storedReportIds()).toContain(late.id);
    expect(await h.storedReportIds()).toHaveLength(301);
  });
});
