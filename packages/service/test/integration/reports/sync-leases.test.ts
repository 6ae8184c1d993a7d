import { expect, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/open-database.js";
import { acquireSyncLease, releaseSyncLease } from "../../../src/db/repositories/sync-leases.js";
import { createReportSyncScheduler } from "../../../src/jobs/report-sync-scheduler.js";
import { resolveReportSyncOptions } from "../../../src/reports/report-sync-options.js";
import { syncNextPage } from "../../../src/reports/sync-account-page.js";
import { SyncLeaseLostError } from "../../../src/reports/sync-failures.js";
import { discoverSyncAccounts } from "../../../src/reports/sync-sources.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { describeEachEngine } from "../../support/engines.js";
import { createReportHarness, sorted } from "./report-harness.js";

describeEachEngine("report sync leases", (engine) => {
  it("two instances on one database never sync the same account at once", async () => {
    const h = await createReportHarness(engine, { reports: 4_000, pageSize: 250 });
    await h.saveScriptToken();
    let inFlight = 0;
    let maxInFlight = 0;
    const countingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await (h.simulator.fetch as typeof fetch)(input, init);
      } finally {
        inFlight -= 1;
      }
    }) as typeof fetch;
    // PostgreSQL: the second instance has its own pool. PGlite is one connection by design.
    const otherDatabase = engine.name === "postgresql" ? await openDatabase(h.config) : h.database;
    const instance = (instanceId: string, database: Database) => {
      const base = { ...h.deps, database, teamViewerFetch: countingFetch };
      return createReportSyncScheduler({
        deps: { ...base, teamViewer: createTeamViewerAccess(base) },
        instanceId,
        options: { backfillDays: 1000 },
        timers: { setInterval: () => undefined, clearInterval: () => undefined },
        maxPagesPerTurn: 3,
      });
    };
    const a = instance("instance-a", h.database);
    const b = instance("instance-b", otherDatabase);
    try {
      let busy = 0;
      for (let round = 0; round < 40 && (await h.accounts())[0]?.phase !== "polling"; round++) {
        h.clock.advance(1_000);
        const [fromA, fromB] = await Promise.all([a.tick(), b.tick()]);
        busy += fromA.busy + fromB.busy;
      }
      expect((await h.accounts())[0]?.phase).toBe("polling");
      expect(sorted(await h.storedReportIds())).toEqual(sorted(await h.simulatorReportIds()));
      expect(maxInFlight).toBe(1);
      expect(busy).toBeGreaterThan(0);
    } finally {
      if (otherDatabase !== h.database) await otherDatabase.close();
    }
  });

  it("a lease is exclusive until it expires, and then another instance takes it over", async () => {
    const h = await createReportHarness(engine);
    await h.saveScriptToken();
    await discoverSyncAccounts(h.deps, { backfillDays: 90 });
    const [account] = await h.accounts();
    if (account === undefined) throw new Error("no account");
    const lease = (holder: string) =>
      acquireSyncLease(h.database.db, {
        syncAccountId: account.id,
        holder,
        now: h.clock.now(),
        ttlMs: 60_000,
      });
    expect(await lease("dead-instance")).toBe(true);
    expect(await lease("instance-b")).toBe(false);
    expect(await lease("dead-instance")).toBe(false);
    h.clock.advance(60_000);
    expect(await lease("instance-b")).toBe(true);
    await releaseSyncLease(h.database.db, account.id, "dead-instance");
    expect(await lease("instance-c")).toBe(false);
    await releaseSyncLease(h.database.db, account.id, "instance-b");
    expect(await lease("instance-c")).toBe(true);
  });

  it("a holder whose lease was taken over cannot commit its page", async () => {
    const h = await createReportHarness(engine, { reports: 100 });
    await h.saveScriptToken();
    await discoverSyncAccounts(h.deps, { backfillDays: 1000 });
    const [account] = await h.accounts();
    if (account === undefined) throw new Error("no account");
    const options = resolveReportSyncOptions({ leaseTtlMs: 60_000 });
    await acquireSyncLease(h.database.db, {
      syncAccountId: account.id,
      holder: "slow",
      now: h.clock.now(),
      ttlMs: 60_000,
    });
    h.clock.advance(61_000);
    await acquireSyncLease(h.database.db, {
      syncAccountId: account.id,
      holder: "fast",
      now: h.clock.now(),
      ttlMs: 60_000,
    });
    await expect(syncNextPage(h.deps, { account, holder: "slow", options })).rejects.toBeInstanceOf(
      SyncLeaseLostError,
    );
    expect(await h.storedReportIds()).toEqual([]);
    expect((await h.accounts())[0]?.cursorWindowFrom).toBeNull();
  });
});
