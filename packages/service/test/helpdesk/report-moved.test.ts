/**
 * A connection report attached to another ticket after its note was written (issue 22): the
 * worked time goes off the old RT ticket with a note that says where it went, and onto the new
 * one in full, exactly once however often the jobs run. Asserted on the run's real RT's own API.
 */
import { describe, expect, it } from "vitest";
import { createHelpdeskWriter } from "../../src/helpdesks/helpdesk-writer.js";
import { listConnectionReports } from "../../src/reports/list-connection-reports.js";
import { attachReportToTicket } from "../../src/reports/unmatched-reports.js";
import { createWebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { openSessionFor, playConnection } from "../integration/reports/live-reports.js";
import { createReportHarness } from "../integration/reports/report-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("a connection report moved to another RT ticket", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  it("takes the worked time back from the old ticket with a note and writes the connection on the new one, once", async () => {
    const h = await createReportHarness(engine);
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await connectRequestTracker(
      h.deps,
      admin,
      { url: api.server.url, token: api.server.token },
      { writesSessionField: false },
    );
    const dispatcher = createWebhookDispatcher({ deps: h.deps, instanceId: "dispatcher" });
    const writer = createHelpdeskWriter({ deps: h.deps, instanceId: "writer" });
    /** The background jobs until nothing is left to write (a ticket's writes go one per tick). */
    const deliverAll = async () => {
      let done = 0;
      for (;;) {
        await dispatcher.tick();
        const summary = await writer.tick();
        expect(summary).toMatchObject({ retrying: 0, failed: 0, stopped: 0 });
        if (summary.done === 0) return done;
        done += summary.done;
      }
    };
    const wrong = await api.createTicket({ subject: "Wrong ticket", requestor: "erika.moved@example.org" });
    const right = await api.createTicket({ subject: "Right ticket", requestor: "erika.moved@example.org" });
    const session = await openSessionFor(h, kenji, wrong);
    await openSessionFor(h, kenji, right);
    await playConnection(h, session.code, 23);
    const scheduler = h.createScheduler("sync");
    await h.tickUntil(scheduler, async () => (await h.storedReportIds()).length === 1);
    await deliverAll();
    expect((await api.readTicket(wrong)).TimeWorked).toBe("23");

    const actor = h.actorOf(admin);
    const { reports } = await listConnectionReports(h.deps, { actor, query: { ticketExternalId: wrong } });
    const reportId = reports[0]?.id;
    if (reportId === undefined) throw new Error("the connection was not synced");
    await attachReportToTicket(h.deps, { actor, reportId, ticketExternalId: right });
    expect(await deliverAll()).toBe(1);
    expect(await deliverAll()).toBe(0);

    expect(await api.comments(wrong)).toEqual([
      { subject: expect.stringContaining(`TeamViewer connection ${session.code}: 23 min`), timeTaken: 23 },
      {
        subject: expect.stringContaining(`TeamViewer connection ${session.code} moved to ticket ${right}`),
        timeTaken: -23,
      },
    ]);
    expect((await api.readTicket(wrong)).TimeWorked).toBe("0");
    expect(await api.comments(right)).toEqual([
      { subject: expect.stringContaining(`TeamViewer connection ${session.code}: 23 min`), timeTaken: 23 },
    ]);
    expect((await api.readTicket(right)).TimeWorked).toBe("23");
  });
});
