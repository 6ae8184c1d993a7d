/**
 * Issue 22, faults: Request Tracker stopped during delivery and started again. The run's shared
 * RT serves every other helpdesk test file at the same time, so this file starts an RT of its
 * own (scripts/support/request-tracker.ts; about 10 s and three processes more) and stops that
 * one, its processes ended by their pid while the writer is carrying out a write. Everything a
 * session and its connection write must then arrive exactly once: asserted on RT's own API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isRequestTrackerInstalled,
  type RequestTrackerServer,
  sessionFieldName,
  startRequestTracker,
} from "../../../../scripts/support/request-tracker.js";
import { listHelpdeskWrites } from "../../src/db/repositories/helpdesk-writes.js";
import { createHelpdeskWriter } from "../../src/helpdesks/helpdesk-writer.js";
import { listConnectionReports } from "../../src/reports/list-connection-reports.js";
import { updateBillingRules } from "../../src/reports/organisation-billing-rules.js";
import { updateConnectionReport } from "../../src/reports/update-connection-report.js";
import { createWebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { openSessionFor, playConnection } from "../integration/reports/live-reports.js";
import { createReportHarness } from "../integration/reports/report-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerApi } from "../support/request-tracker-api.js";

describe.skipIf(!isRequestTrackerInstalled())(
  "write-back while Request Tracker is stopped and started again",
  () => {
    const engine = usePgliteEngine();
    let server: RequestTrackerServer;
    beforeAll(async () => {
      server = await startRequestTracker();
    }, 120_000);
    afterAll(() => server?.stop());

    it("delivers the session code, the connection's note with its worked time and the change exactly once across an outage that begins mid-write", async () => {
      const api = requestTrackerApi(server);
      const h = await createReportHarness(engine);
      await h.saveScriptToken();
      const admin = await h.addUser("admin");
      const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      await connectRequestTracker(
        h.deps,
        admin,
        { url: server.url, token: server.token },
        { writesSessionNotes: true },
      );
      const dispatcher = createWebhookDispatcher({ deps: h.deps, instanceId: "dispatcher" });
      const writer = createHelpdeskWriter({ deps: h.deps, instanceId: "writer" });
      const deliver = async () => {
        await dispatcher.tick();
        return writer.tick();
      };

      // Three writes wait for one ticket, which the writer carries out one at a time, in order.
      const ticketId = await api.createTicket({
        subject: "Printer offline",
        requestor: "erika.outage@example.org",
      });
      const session = await openSessionFor(h, kenji, ticketId);
      await playConnection(h, session.code, 23);
      const scheduler = h.createScheduler("sync");
      await h.tickUntil(scheduler, async () => (await h.storedReportIds()).length === 1);
      const actor = h.actorOf(admin);
      await updateBillingRules(h.deps, {
        actor,
        rules: { roundingIncrementMinutes: 15, minimumBillableMinutes: 0 },
      });
      const { reports } = await listConnectionReports(h.deps, {
        actor,
        query: { ticketExternalId: ticketId },
      });
      const reportId = reports[0]?.id;
      if (reportId === undefined) throw new Error("the connection was not synced");
      await updateConnectionReport(h.deps, { actor, reportId, billingState: "DoNotBill" });

      // RT stops while the first write is under way: it may have got there, partly, or not at all.
      const [first] = await Promise.all([deliver(), server.halt()]);
      expect(first.done + first.retrying).toBe(1);
      h.clock.advance(5 * 60_000);
      expect(await deliver()).toMatchObject({ done: 0, retrying: 1 });
      const waiting = await listHelpdeskWrites(h.database.db, {
        organisationId: h.organisationId,
        limit: 10,
      });
      expect(
        waiting.filter((write) => write.state === "pending").map((write) => write.lastError),
      ).toContainEqual(expect.stringContaining("ECONNREFUSED"));

      await server.resume();
      for (let round = 0; round < 10; round++) {
        const writes = await listHelpdeskWrites(h.database.db, {
          organisationId: h.organisationId,
          limit: 10,
        });
        if (writes.every((write) => write.state === "done")) break;
        h.clock.advance(2 * 3600_000);
        await deliver();
      }
      const writes = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 });
      expect(writes.map((write) => write.state)).toEqual(["done", "done", "done"]);
      expect(await deliver()).toMatchObject({ done: 0, retrying: 0 });

      const ticket = await api.readTicket(ticketId);
      expect(ticket.CustomFields.find((field) => field.name === sessionFieldName)?.values).toEqual([
        session.code,
      ]);
      expect(ticket.TimeWorked).toBe("30");
      const marker = "\\[Attendant [0-9a-f-]+\\]$";
      expect(await api.comments(ticketId)).toEqual([
        {
          subject: expect.stringMatching(new RegExp(`^Remote session ${session.code} opened ${marker}`)),
          timeTaken: 0,
        },
        {
          subject: expect.stringMatching(
            new RegExp(`^TeamViewer connection ${session.code}: 30 min ${marker}`),
          ),
          timeTaken: 30,
        },
        {
          subject: expect.stringMatching(
            new RegExp(`^TeamViewer connection ${session.code} updated ${marker}`),
          ),
          timeTaken: 0,
        },
      ]);
    });
  },
);
