import { setTimeout as delay } from "node:timers/promises";
import { expect, it } from "vitest";
import { claimWriteBack } from "../../../src/db/repositories/connection-report-write-backs.js";
import { findConnectionReport } from "../../../src/db/repositories/connection-reports.js";
import { createTranslator } from "../../../src/i18n/index.js";
import { ConnectionReportError } from "../../../src/reports/connection-report-error.js";
import { getConnectionReport } from "../../../src/reports/list-connection-reports.js";
import { listUnmatchedReports } from "../../../src/reports/unmatched-reports.js";
import { updateConnectionReport, writeBackLeaseMs } from "../../../src/reports/update-connection-report.js";
import { describeEachEngine } from "../../support/engines.js";
import { createReportHarness } from "./report-harness.js";

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof ConnectionReportError ? error.reason : error),
  );

describeEachEngine("writing report changes back to TeamViewer", (engine) => {
  async function setUp() {
    const h = await createReportHarness(engine, { reports: 20 });
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    const { reports } = await listUnmatchedReports(h.deps, { actor: h.actorOf(admin) });
    const report = reports[0];
    if (report === undefined) throw new Error("no report");
    const remote = async () => {
      const demo = h.simulator.demo();
      const response = await h.simulator.fetch(
        `${demo.apiBaseUrl}/reports/connections/${report.teamViewerReportId}`,
        {
          headers: { authorization: `Bearer ${demo.scriptToken}` },
        },
      );
      return (await response.json()) as { notes?: string; billing_state?: string };
    };
    /** Someone changes the report in TeamViewer itself, not through Attendant. */
    const changeInTeamViewer = async (notes: string) => {
      const demo = h.simulator.demo();
      const response = await h.simulator.fetch(
        `${demo.apiBaseUrl}/reports/connections/${report.teamViewerReportId}`,
        {
          method: "PUT",
          headers: { authorization: `Bearer ${demo.scriptToken}`, "content-type": "application/json" },
          body: JSON.stringify({ notes }),
        },
      );
      expect(response.status).toBe(204);
    };
    const puts = () => h.simulator.admin.journal().filter((entry) => entry.method === "PUT").length;
    const stored = async () => {
      const row = await findConnectionReport(h.database.db, h.organisationId, report.id);
      if (row === undefined) throw new Error("the report is gone");
      return row;
    };
    return { h, admin, report, remote, changeInTeamViewer, puts, stored, scheduler };
  }

  it("changes the local copy only after TeamViewer accepted the PUT", async () => {
    const { h, admin, report, remote, stored } = await setUp();
    const before = await stored();
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "status",
      status: 400,
    });
    const change = {
      actor: h.actorOf(admin),
      reportId: report.id,
      notes: "Invoice 2026-031",
      billingState: "Billed" as const,
    };
    expect(await reasonOf(updateConnectionReport(h.deps, change))).toBe("rejected");
    expect(await stored()).toEqual(before);

    const updated = await updateConnectionReport(h.deps, change);
    expect(updated).toMatchObject({
      notes: "Invoice 2026-031",
      billingState: "Billed",
      writeBackPending: null,
    });
    expect(await remote()).toMatchObject({ notes: "Invoice 2026-031", billing_state: "Billed" });
    const row = await stored();
    expect(row.raw).toMatchObject({ notes: "Invoice 2026-031", billing_state: "Billed" });
    expect(row).toMatchObject({
      writeBackPending: null,
      writeBackStartedAt: null,
      writeBackLeaseExpiresAt: null,
    });
  });

  it("clears the mark and truthfully says nothing changed when TeamViewer refuses the PUT (400, 403, 404, 429)", async () => {
    const { h, admin, report, remote, stored } = await setUp();
    const before = await stored();
    const remoteBefore = await remote();
    const refusals = [
      { status: 400, reason: "rejected" },
      { status: 403, reason: "permission-missing" },
      { status: 404, reason: "report-gone" },
      { status: 429, reason: "rate-limited" },
    ];
    for (const { status, reason } of refusals) {
      h.simulator.admin.planFault({
        method: "PUT",
        path: "/api/v1/reports/connections/*",
        kind: "status",
        status,
        retryAfterSeconds: 1,
        times: 3,
      });
      const failure = await updateConnectionReport(h.deps, {
        actor: h.actorOf(admin),
        reportId: report.id,
        notes: `refused with ${status}`,
      }).catch((error: unknown) => error);
      expect(failure, String(status)).toBeInstanceOf(ConnectionReportError);
      expect((failure as ConnectionReportError).reason, String(status)).toBe(reason);
      expect(await stored(), String(status)).toEqual(before);
      h.simulator.admin.clearFaults();
    }
    expect(await remote()).toEqual(remoteBefore);
    const { t } = createTranslator("en");
    expect(t("reports.error.rejected")).toContain("nothing was changed");
    expect(t("reports.error.rate-limited")).toContain("nothing was changed");
  });

  it("keeps the report marked as being saved, and never says nothing changed, when TeamViewer's answer to the PUT is lost", async () => {
    const { h, admin, report, remote, stored, puts } = await setUp();
    const before = await stored();
    const lostAnswers = [
      { kind: "status", status: 500, when: "after" },
      { kind: "status", status: 503, when: "before" },
      { kind: "reset", when: "after" },
    ] as const;
    for (const [index, lost] of lostAnswers.entries()) {
      h.simulator.admin.planFault({
        method: "PUT",
        path: "/api/v1/reports/connections/*",
        ...lost,
        times: 3,
      });
      const putsBefore = puts();
      const failure = await updateConnectionReport(h.deps, {
        actor: h.actorOf(admin),
        reportId: report.id,
        notes: `attempt ${index}`,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConnectionReportError);
      expect((failure as ConnectionReportError).reason).toBe("write-back-unconfirmed");
      expect(createTranslator("en").t((failure as ConnectionReportError).messageKey)).toContain(
        "it may or may not have been saved there",
      );
      // The earlier attempt's mark was settled from TeamViewer (one GET) before this one's PUT.
      expect(puts() - putsBefore).toBe(3);
      const view = await getConnectionReport(h.deps, { actor: h.actorOf(admin), reportId: report.id });
      expect(view.writeBackPending?.change).toEqual({ notes: `attempt ${index}` });
      h.simulator.admin.clearFaults();
    }
    // The mark shows what is being saved; the fields keep the last values read from TeamViewer:
    // attempt 0 reached it (its 500 came after), attempt 1 did not (its 503 came before).
    const row = await stored();
    expect(row.writeBackPending).toEqual({ notes: "attempt 2" });
    expect(row.writeBackLeaseExpiresAt).toBeNull();
    expect((await remote()).notes).toBe("attempt 2");
    expect(row.notes).toBe("attempt 0");
    expect(before.notes).not.toBe("attempt 0");
  });

  it("settles a write-back whose answer was lost in the next sync turn from TeamViewer's values, without sending it again", async () => {
    const { h, admin, report, stored, puts, changeInTeamViewer, scheduler } = await setUp();
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "reset",
      when: "after",
      times: 3,
    });
    const change = { actor: h.actorOf(admin), reportId: report.id, notes: "Invoice 2026-031" };
    expect(await reasonOf(updateConnectionReport(h.deps, change))).toBe("write-back-unconfirmed");
    // Someone else changes the report in TeamViewer meanwhile: TeamViewer's value wins.
    await changeInTeamViewer("Changed in TeamViewer");
    const putsBefore = puts();
    await h.tickUntil(scheduler, async () => (await stored()).writeBackPending === null);
    const row = await stored();
    expect(row).toMatchObject({ notes: "Changed in TeamViewer", writeBackStartedAt: null });
    expect(row.raw).toMatchObject({ notes: "Changed in TeamViewer" });
    expect(puts()).toBe(putsBefore);
  });

  it("settles an unconfirmed write-back from TeamViewer before the next change, which then starts from TeamViewer's values", async () => {
    const { h, admin, report, remote, stored, puts } = await setUp();
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "status",
      status: 502,
      when: "after",
      times: 3,
    });
    const actor = h.actorOf(admin);
    expect(
      await reasonOf(updateConnectionReport(h.deps, { actor, reportId: report.id, notes: "first" })),
    ).toBe("write-back-unconfirmed");
    const putsBefore = puts();
    const updated = await updateConnectionReport(h.deps, {
      actor,
      reportId: report.id,
      billingState: "Billed",
    });
    expect(updated).toMatchObject({ notes: "first", billingState: "Billed", writeBackPending: null });
    expect(await remote()).toMatchObject({ notes: "first", billing_state: "Billed" });
    expect((await stored()).raw).toMatchObject({ notes: "first", billing_state: "Billed" });
    expect(puts() - putsBefore).toBe(1);
  });

  it("refuses a second change with write-back-pending while the first is being sent, and sends only the first", async () => {
    const { h, admin, report, remote, stored, puts } = await setUp();
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "delay",
      delayMs: 300,
    });
    const actor = h.actorOf(admin);
    const first = updateConnectionReport(h.deps, { actor, reportId: report.id, notes: "first" });
    while ((await stored()).writeBackPending === null) await delay(5);
    expect(
      await reasonOf(updateConnectionReport(h.deps, { actor, reportId: report.id, notes: "second" })),
    ).toBe("write-back-pending");
    expect(await first).toMatchObject({ notes: "first", writeBackPending: null });
    expect((await remote()).notes).toBe("first");
    expect(puts()).toBe(1);
  });

  it("leaves a write-back held by a live request alone in the sync, and settles it once its lease ended", async () => {
    const { h, report, stored, scheduler } = await setUp();
    const before = await stored();
    // A request on another instance marked the report and is still sending (PostgreSQL: leases expire).
    expect(
      await claimWriteBack(h.database.db, {
        id: report.id,
        change: { notes: "in flight elsewhere" },
        now: h.clock.now(),
        leaseMs: writeBackLeaseMs,
      }),
    ).toBe(true);
    await h.tickUntil(scheduler, async () => true, { stepMs: 20_000 });
    await h.tickUntil(scheduler, async () => true, { stepMs: 20_000 });
    expect((await stored()).writeBackPending).toEqual({ notes: "in flight elsewhere" });
    h.clock.advance(writeBackLeaseMs);
    await h.tickUntil(scheduler, async () => (await stored()).writeBackPending === null, { stepMs: 20_000 });
    expect((await stored()).notes).toBe(before.notes);
  });

  it("refuses empty or invalid changes, auditors, and other supporters' reports without calling TeamViewer", async () => {
    const { h, admin, report, puts } = await setUp();
    const auditor = await h.addUser("auditor");
    const stranger = await h.addUser("supporter", { teamViewerUserid: "u8001" });
    expect(
      await reasonOf(updateConnectionReport(h.deps, { actor: h.actorOf(admin), reportId: report.id })),
    ).toBe("invalid-change");
    expect(
      await reasonOf(
        updateConnectionReport(h.deps, {
          actor: h.actorOf(admin),
          reportId: report.id,
          billingState: "Paid" as never,
        }),
      ),
    ).toBe("invalid-change");
    expect(
      await reasonOf(
        updateConnectionReport(h.deps, { actor: h.actorOf(auditor), reportId: report.id, notes: "x" }),
      ),
    ).toBe("forbidden");
    expect(
      await reasonOf(
        updateConnectionReport(h.deps, { actor: h.actorOf(stranger), reportId: report.id, notes: "x" }),
      ),
    ).toBe("report-not-found");
    expect(puts()).toBe(0);
  });
});
