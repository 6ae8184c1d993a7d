import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { listTicketConnectionReports } from "../../../src/db/repositories/connection-reports.js";
import { ConnectionReportError } from "../../../src/reports/connection-report-error.js";
import { attachReportToTicket, listUnmatchedReports } from "../../../src/reports/unmatched-reports.js";
import { describeEachEngine, usePgliteEngine } from "../../support/engines.js";
import { openForeignSession, openSessionFor, playConnection, storeSessionForCode } from "./live-reports.js";
import { createReportHarness, type ReportHarness } from "./report-harness.js";

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof ConnectionReportError ? error.reason : error),
  );

async function setUp(h: ReportHarness) {
  await h.saveScriptToken();
  const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
  const sweep = async () => {
    h.clock.advance(5 * 60_000);
    await scheduler.tick();
  };
  await sweep();
  return { scheduler, sweep };
}

// On each engine: a page's codes and correlation ids are looked up as array parameters.
describeEachEngine("matching connection reports while syncing", (engine) => {
  it("matches by custom_api first, and by session code when custom_api is not ours", async () => {
    const h = await createReportHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const { sweep } = await setUp(h);
    const ours = await openSessionFor(h, kenji, "4711");
    const byCorrelation = playConnection(h, ours.code);
    const foreignCode = await openForeignSession(h, "crm:99");
    const ticket = await storeSessionForCode(h, foreignCode, "4712", kenji);
    const byCode = playConnection(h, foreignCode);
    await sweep();

    const rows = await h.database.db.query.connectionReports.findMany();
    const stored = (id: string) => rows.find((row) => row.teamViewerReportId === id);
    expect(stored(byCorrelation.id)).toMatchObject({ supportSessionId: ours.id, matchedBy: "custom_api" });
    expect(stored(byCode.id)).toMatchObject({ ticketId: ticket.id, matchedBy: "session_code" });
  });
});

describe("matching connection reports", () => {
  const engine = usePgliteEngine();

  it("re-matches a report that arrived before its session was stored", async () => {
    const h = await createReportHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const { sweep } = await setUp(h);
    const code = await openForeignSession(h, "attendant:adopted-later");
    const report = playConnection(h, code);
    await sweep();
    const admin = await h.addUser("admin");
    const unmatched = await listUnmatchedReports(h.deps, { actor: h.actorOf(admin) });
    expect(unmatched.reports.map((row) => row.teamViewerReportId)).toContain(report.id);

    const ticket = await storeSessionForCode(h, code, "4713", kenji);
    await sweep(); // the discovery interval has passed: unmatched reports are matched again
    const [onTicket] = await listTicketConnectionReports(h.database.db, ticket.id);
    expect(onTicket).toMatchObject({ teamViewerReportId: report.id, matchedBy: "session_code" });
  });

  it("lists unmatched reports and lets admins, and supporters for their own connections, attach them", async () => {
    const h = await createReportHarness(engine, { reports: 40 });
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const admin = await h.addUser("admin");
    const auditor = await h.addUser("auditor");
    await setUp(h);
    await storeSessionForCode(h, "s000-000-001", "4714", kenji);

    const all = await listUnmatchedReports(h.deps, { actor: h.actorOf(admin), paging: { limit: 25 } });
    expect(all.reports).toHaveLength(25);
    const rest = await listUnmatchedReports(h.deps, {
      actor: h.actorOf(admin),
      paging: { limit: 25, ...(all.nextCursor === undefined ? {} : { cursor: all.nextCursor }) },
    });
    expect(all.reports.length + rest.reports.length).toBe(40);
    const own = await listUnmatchedReports(h.deps, { actor: h.actorOf(kenji), paging: { limit: 500 } });
    expect(own.reports.length).toBeGreaterThan(0);
    expect(own.reports.every((row) => row.supporter.teamViewerUserId === "u7005")).toBe(true);
    const others = [...all.reports, ...rest.reports].find(
      (row) => row.supporter.teamViewerUserId !== "u7005",
    );
    const mine = own.reports[0];
    if (others === undefined || mine === undefined) throw new Error("seeded reports of both users expected");

    const attach = (actor: typeof kenji, reportId: string, ticketExternalId = "4714") =>
      attachReportToTicket(h.deps, { actor: h.actorOf(actor), reportId, ticketExternalId });
    expect(await reasonOf(attach(kenji, others.id))).toBe("report-not-found");
    expect(await reasonOf(attach(auditor, mine.id))).toBe("forbidden");
    expect(await reasonOf(attach(kenji, mine.id, "no-such-ticket"))).toBe("ticket-not-found");
    expect((await attach(kenji, mine.id)).match.by).toBe("manual");
    expect((await attach(admin, others.id)).match.by).toBe("manual");

    const after = await listUnmatchedReports(h.deps, { actor: h.actorOf(admin), paging: { limit: 500 } });
    expect(after.reports).toHaveLength(38);
    const audit = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(audit.events.filter((event) => event.action === "connection_report.attached")).toHaveLength(2);
  });
});
