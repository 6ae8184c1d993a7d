import { describe, expect, it } from "vitest";
import { findConnectionReport } from "../../../src/db/repositories/connection-reports.js";
import { ConnectionReportError } from "../../../src/reports/connection-report-error.js";
import { listUnmatchedReports } from "../../../src/reports/unmatched-reports.js";
import { updateConnectionReport } from "../../../src/reports/update-connection-report.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createReportHarness } from "./report-harness.js";

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof ConnectionReportError ? error.reason : error),
  );

describe("writing report changes back to TeamViewer", () => {
  const engine = usePgliteEngine();

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
    return { h, admin, report, remote };
  }

  it("changes the local copy only after TeamViewer accepted the PUT", async () => {
    const { h, admin, report, remote } = await setUp();
    const before = await findConnectionReport(h.database.db, h.organisationId, report.id);
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "status",
      status: 500,
      times: 3,
    });
    const change = {
      actor: h.actorOf(admin),
      reportId: report.id,
      notes: "Invoice 2026-031",
      billingState: "Billed" as const,
    };
    expect(await reasonOf(updateConnectionReport(h.deps, change))).toBe("unreachable");
    expect(await findConnectionReport(h.database.db, h.organisationId, report.id)).toEqual(before);

    const updated = await updateConnectionReport(h.deps, change);
    expect(updated).toMatchObject({ notes: "Invoice 2026-031", billingState: "Billed" });
    expect(await remote()).toMatchObject({ notes: "Invoice 2026-031", billing_state: "Billed" });
    const stored = await findConnectionReport(h.database.db, h.organisationId, report.id);
    expect(stored?.raw).toMatchObject({ notes: "Invoice 2026-031", billing_state: "Billed" });
  });

  it("refuses empty or invalid changes, auditors, and other supporters' reports without calling TeamViewer", async () => {
    const { h, admin, report } = await setUp();
    const auditor = await h.addUser("auditor");
    const stranger = await h.addUser("supporter", { teamViewerUserid: "u8001" });
    const puts = () => h.simulator.admin.journal().filter((entry) => entry.method === "PUT").length;
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
