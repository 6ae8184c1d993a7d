import { describe, expect, it } from "vitest";
import { getReportSyncStatus } from "../../../src/reports/sync-status.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createReportHarness, sorted } from "./report-harness.js";

/** Long enough for the simulator's two years of seeded history. */
const wholeHistory = { backfillDays: 1000, pageTimeoutMs: 200 };

describe("report sync backfill", () => {
  const engine = usePgliteEngine();

  it("stores exactly the simulator's 50,000 records once each despite 429s, 5xx, stalled bodies and resets", async () => {
    const h = await createReportHarness(engine, { reports: 50_000 });
    await h.saveScriptToken();
    const expected = await h.simulatorReportIds();
    expect(expected).toHaveLength(50_000);
    const scheduler = h.createScheduler("instance-a", wholeHistory);
    const path = "/api/v1/reports/connections";
    const faults = [
      [2, { kind: "status", status: 429, retryAfterSeconds: 30 }],
      [4, { kind: "status", status: 500 }],
      [6, { kind: "stall" }],
      [8, { kind: "reset" }],
      [10, { kind: "status", status: 503 }],
    ] as const;
    const faultsBeforeTick = new Map<number, (typeof faults)[number][1]>(faults);
    let tick = 0;
    await h.tickUntil(
      scheduler,
      async () => {
        tick += 1;
        const fault = faultsBeforeTick.get(tick);
        if (fault !== undefined) h.simulator.admin.planFault({ method: "GET", path, ...fault });
        const [account] = await h.accounts();
        return account?.phase === "polling";
      },
      { stepMs: 10_000, maxTicks: 60 },
    );

    const stored = await h.storedReportIds();
    expect(stored).toHaveLength(expected.length);
    expect(sorted(stored)).toEqual(sorted(expected));
    const faulted = h.simulator.admin.journal().filter((entry) => entry.fault !== null);
    expect(faulted.map((entry) => entry.status)).toEqual([429, 500, 200, null, 503]);
    const [account] = await h.accounts();
    expect(account?.recordsSynced).toBe(50_000);
    expect(account?.cursorOffsetId).toBeNull();
  }, 120_000);

  it("pauses a rate-limited account until Retry-After and sends nothing for it meanwhile", async () => {
    const h = await createReportHarness(engine, { reports: 3_000, pageSize: 500 });
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const scheduler = h.createScheduler("instance-a", wholeHistory);
    h.simulator.admin.planFault({
      method: "GET",
      path: "/api/v1/reports/connections",
      kind: "status",
      status: 429,
      retryAfterSeconds: 120,
    });
    await scheduler.tick();
    const callsWhenPaused = h.reportListCalls();
    const status = await getReportSyncStatus(h.deps, { actor: h.actorOf(admin) });
    expect(status.accounts[0]?.pausedUntil).toEqual(new Date(h.clock.now().getTime() + 120_000));
    expect(status.accounts[0]?.lastError?.message).toContain("RateLimitError");

    for (let second = 0; second < 115; second += 5) {
      h.clock.advance(5_000);
      await scheduler.tick();
    }
    expect(h.reportListCalls()).toBe(callsWhenPaused);

    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    expect(sorted(await h.storedReportIds())).toEqual(sorted(await h.simulatorReportIds()));
    const after = await getReportSyncStatus(h.deps, { actor: h.actorOf(admin) });
    expect(after.accounts[0]).toMatchObject({ pausedUntil: null, recordsSynced: 3_000, lagSeconds: 0 });
  });

  it("backfills exactly the records ended since the horizon, then sweeps from the top without a date filter", async () => {
    const h = await createReportHarness(engine, { reports: 2_000, pageSize: 500 });
    await h.saveScriptToken();
    const scheduler = h.createScheduler("instance-a", { backfillDays: 90 });
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    const [account] = await h.accounts();
    const horizon = account?.backfillHorizon.getTime() ?? 0;
    expect(horizon).toBeLessThanOrEqual(h.clock.now().getTime() - 90 * 86_400_000 + 60_000);
    const sinceHorizon = await h.simulatorReportIds({ endedSince: new Date(horizon) });
    expect(sinceHorizon.length).toBeGreaterThan(0);
    expect(sinceHorizon.length).toBeLessThan(2_000);
    expect(sorted(await h.storedReportIds())).toEqual(sorted(sinceHorizon));

    const before = h.simulator.admin.journal().length;
    h.clock.advance(5 * 60_000);
    await scheduler.tick();
    const sweep = h.simulator.admin
      .journal()
      .slice(before)
      .filter((entry) => entry.path.endsWith("/connections"));
    // One page reaches past the newest end minus the overlap: the pass ends there.
    expect(sweep).toHaveLength(1);
    const query = new URLSearchParams(sweep[0]?.query);
    expect([query.has("from_date"), query.has("to_date"), query.has("offset_id")]).toEqual([
      false,
      false,
      false,
    ]);
    expect((await h.accounts())[0]?.lastPassCompletedAt).toEqual(h.clock.now());
  });
});
