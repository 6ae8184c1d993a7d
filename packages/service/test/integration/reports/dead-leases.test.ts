import { expect, it } from "vitest";
import { releaseLeasesOfDeadProcesses } from "../../../src/db/release-dead-leases.js";
import { acquireSyncLease } from "../../../src/db/repositories/sync-leases.js";
import { syncLeases } from "../../../src/db/schema.js";
import { discoverSyncAccounts } from "../../../src/reports/sync-sources.js";
import { describeEachEngine } from "../../support/engines.js";
import { createReportHarness } from "./report-harness.js";

describeEachEngine("leases of a process that died", (engine) => {
  it(
    engine.name === "pglite"
      ? "are released when the embedded database is opened again, since its folder lock proves their holder is dead"
      : "are kept on PostgreSQL, where their holder may be another live instance, until they expire",
    async () => {
      const h = await createReportHarness(engine, { reports: 10, pageSize: 10 });
      await h.saveScriptToken();
      await discoverSyncAccounts(h.deps, { backfillDays: 30 });
      const [account] = await h.accounts();
      if (account === undefined) throw new Error("the script token makes a sync account");
      const lease = {
        syncAccountId: account.id,
        holder: "killed-instance",
        now: h.clock.now(),
        ttlMs: 120_000,
      };
      expect(await acquireSyncLease(h.database.db, lease)).toBe(true);

      await releaseLeasesOfDeadProcesses(h.database);

      const remaining = await h.database.db.select().from(syncLeases);
      expect(remaining.map((row) => row.holder)).toEqual(engine.name === "pglite" ? [] : ["killed-instance"]);
      expect(await acquireSyncLease(h.database.db, { ...lease, holder: "restarted-instance" })).toBe(
        engine.name === "pglite",
      );
    },
  );
});
