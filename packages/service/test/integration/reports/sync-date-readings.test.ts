/**
 * What `from_date` and `to_date` bound is read three ways (docs/teamviewer-api.md §4): the
 * schema's (`from_date` the start, `to_date` the end), both on the end, both on the start. The
 * sync must store exactly what TeamViewer holds under each, including a connection that started
 * before the newest stored end minus the overlap and ended after it: a long session, the kind
 * that gets billed, which a sweep paged by `from_date` would miss under the schema's reading.
 */
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { openForeignSession, playConnection } from "./live-reports.js";
import { createReportHarness, sorted } from "./report-harness.js";

const readings = ["from_start_to_end", "end_date", "start_date"] as const;
const hourMs = 3_600_000;

describe.each(readings)("report sync under the %s reading of the date filters", (reading) => {
  const engine = usePgliteEngine();

  it("stores exactly the simulator's records, a connection longer than the overlap included", async () => {
    const h = await createReportHarness(engine, { reports: 1_200, pageSize: 500 });
    h.simulator.admin.configure({ quirks: { reportDateFilter: reading } });
    await h.saveScriptToken();
    const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
    // Made with another tool, so only a sweep (not the code poll) can find its report.
    const longCode = await openForeignSession(h, "other-tool:long");
    h.simulator.admin.customerJoin(longCode);
    h.simulator.admin.supporterConnect(longCode);
    const longStartedAt = h.clock.now().getTime();
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");

    h.clock.advance(2 * hourMs);
    const short = playConnection(h, await openForeignSession(h, "other-tool:short"), 5);
    await h.tickUntil(scheduler, async () => (await h.storedReportIds()).includes(short.id), {
      stepMs: 60_000,
      maxTicks: 10,
    });
    const [account] = await h.accounts();
    const stopPoint = (account?.highWaterEndDate?.getTime() ?? 0) - hourMs;
    expect(longStartedAt).toBeLessThan(stopPoint);

    h.clock.advance(30 * 60_000);
    const long = h.simulator.admin.endConnection(longCode);
    await h.tickUntil(scheduler, async () => (await h.storedReportIds()).includes(long.id), {
      stepMs: 60_000,
      maxTicks: 10,
    });

    const stored = await h.storedReportIds();
    expect(stored).toHaveLength(1_202);
    expect(sorted(stored)).toEqual(sorted(await h.simulatorReportIds()));
  });
});
