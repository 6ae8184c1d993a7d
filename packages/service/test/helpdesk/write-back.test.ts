/**
 * Write-back to the run's real Request Tracker, the whole way: a session for an RT ticket, the
 * customer's connection played in the simulator and synced, the note and worked time on the
 * ticket, a later change written as a correction of only the difference, and every failure
 * retried without ever writing twice. Asserted on RT's own API.
 */
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import {
  claimDueHelpdeskWrites,
  findHelpdeskWrite,
  listHelpdeskWrites,
} from "../../src/db/repositories/helpdesk-writes.js";
import type { User } from "../../src/db/repositories/users.js";
import { connectorFor } from "../../src/helpdesks/connectors.js";
import type { HelpdeskSettingsInput } from "../../src/helpdesks/helpdesk-connection-settings.js";
import { createHelpdeskWriter } from "../../src/helpdesks/helpdesk-writer.js";
import { markerFor } from "../../src/helpdesks/write-back/plan-helpdesk-write.js";
import { listConnectionReports } from "../../src/reports/list-connection-reports.js";
import { updateBillingRules } from "../../src/reports/organisation-billing-rules.js";
import { updateConnectionReport } from "../../src/reports/update-connection-report.js";
import { createWebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { openSessionFor, playConnection } from "../integration/reports/live-reports.js";
import { createReportHarness, type ReportHarness } from "../integration/reports/report-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("write-back to a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  async function setUp(settings: Partial<HelpdeskSettingsInput> = {}) {
    const h = await createReportHarness(engine);
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await connect(h, admin, settings);
    const dispatcher = createWebhookDispatcher({ deps: h.deps, instanceId: "dispatcher" });
    const writer = createHelpdeskWriter({ deps: h.deps, instanceId: "writer" });
    /** Fans the outbox out and lets the writer work, as the service's background jobs do. */
    const deliver = async () => {
      await dispatcher.tick();
      return writer.tick();
    };
    return { h, admin, kenji, deliver };
  }

  function connect(h: ReportHarness, admin: User, settings: Partial<HelpdeskSettingsInput> = {}) {
    return connectRequestTracker(
      h.deps,
      admin,
      { url: api.server.url, token: api.server.token },
      { noteLocale: "de", writesSessionNotes: true, ...settings },
    );
  }

  it("writes the session code, one note per connection with its billable minutes as worked time, and a change as a correction of only the difference", async () => {
    const { h, admin, kenji, deliver } = await setUp();
    const ticketId = await api.createTicket({
      subject: "Drucker druckt nicht",
      requestor: "erika.write-back@example.org",
    });
    const session = await openSessionFor(h, kenji, ticketId);
    expect(await deliver()).toMatchObject({ done: 1 });
    const opened = await api.readTicket(ticketId);
    expect(opened.CustomFields.find((field) => field.name === sessionFieldName)?.values).toEqual([
      session.code,
    ]);
    expect(await api.comments(ticketId)).toEqual([
      {
        subject: expect.stringMatching(
          new RegExp(`^Fernwartungssitzung ${session.code} geöffnet \\[Attendant `),
        ),
        timeTaken: 0,
      },
    ]);

    await playConnection(h, session.code, 23);
    const scheduler = h.createScheduler("sync");
    await h.tickUntil(scheduler, async () => (await h.storedReportIds()).length === 1);
    expect(await deliver()).toMatchObject({ done: 1 });
    expect((await api.readTicket(ticketId)).TimeWorked).toBe("23");
    const afterReport = await api.comments(ticketId);
    expect(afterReport).toHaveLength(2);
    expect(afterReport[1]).toEqual({
      subject: expect.stringMatching(
        new RegExp(`^TeamViewer-Verbindung ${session.code}: 23 Min\\. \\[Attendant `),
      ),
      timeTaken: 23,
    });

    // Nothing new: nothing written, however often the jobs run.
    await deliver();
    await deliver();
    expect(await api.comments(ticketId)).toHaveLength(2);

    // Rules that round up to 15 minutes make it 30: a change of the report writes the difference.
    const actor = h.actorOf(admin);
    await updateBillingRules(h.deps, {
      actor,
      rules: { roundingIncrementMinutes: 15, minimumBillableMinutes: 0 },
    });
    const { reports } = await listConnectionReports(h.deps, { actor, query: { ticketExternalId: ticketId } });
    const report = reports[0];
    if (report === undefined) throw new Error("the connection was not synced");
    await updateConnectionReport(h.deps, {
      actor,
      reportId: report.id,
      billingState: "DoNotBill",
      notes: "Treiber neu",
    });
    expect(await deliver()).toMatchObject({ done: 1 });
    expect((await api.readTicket(ticketId)).TimeWorked).toBe("30");
    const comments = await api.comments(ticketId);
    expect(comments).toHaveLength(3);
    expect(comments[2]).toEqual({
      subject: expect.stringMatching(
        new RegExp(`^TeamViewer-Verbindung ${session.code} geändert \\[Attendant `),
      ),
      timeTaken: 7,
    });
  });

  it("finds the note an attempt wrote before it crashed, and records it instead of writing it again", async () => {
    const { h, kenji, deliver } = await setUp({ writesSessionField: false });
    const ticketId = await api.createTicket({ subject: "Crash between RT and us" });
    await openSessionFor(h, kenji, ticketId);
    await createWebhookDispatcher({ deps: h.deps, instanceId: "fan-out" }).tick();
    // An attempt that wrote its note to RT and died before recording it: its lease stays.
    const [write] = await claimDueHelpdeskWrites(h.database.db, {
      holder: "crashed",
      now: h.clock.now(),
      lockedUntil: new Date(h.clock.now().getTime() + 300_000),
      limit: 1,
    });
    if (write === undefined) throw new Error("no write was fanned out");
    const connector = connectorFor({
      kind: "request-tracker",
      baseUrl: api.server.url,
      token: api.server.token,
      sessionField: sessionFieldName,
    });
    await connector.addNote(ticketId, {
      marker: markerFor(write.id),
      subject: "Written by the crashed attempt",
      text: "…",
    });

    expect(await deliver()).toMatchObject({ done: 0 });
    h.clock.advance(300_001);
    expect(await deliver()).toMatchObject({ done: 1 });
    expect(await api.comments(ticketId)).toHaveLength(1);
    expect((await findHelpdeskWrite(h.database.db, h.organisationId, write.id))?.outcome).toContain(
      "found from an earlier attempt",
    );
  });

  it("retries while the helpdesk cannot be reached and writes once it can, once", async () => {
    const closedPort = await findFreePort();
    const { h, admin, kenji, deliver } = await setUp({ baseUrl: `http://127.0.0.1:${closedPort}` });
    const ticketId = await api.createTicket({ subject: "RT is down for a moment" });
    await openSessionFor(h, kenji, ticketId);
    expect(await deliver()).toMatchObject({ retrying: 1 });
    const [pending] = await listHelpdeskWrites(h.database.db, {
      organisationId: h.organisationId,
      limit: 10,
    });
    expect(pending).toMatchObject({
      state: "pending",
      attemptCount: 1,
      lastError: expect.stringContaining("ECONNREFUSED"),
    });
    expect(pending?.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 5_000);

    await connect(h, admin, { token: "" });
    h.clock.advance(5_000);
    expect(await deliver()).toMatchObject({ done: 1 });
    h.clock.advance(3600_000);
    expect(await deliver()).toMatchObject({ done: 0, retrying: 0 });
    expect(await api.comments(ticketId)).toHaveLength(1);
  });

  it("stops writing for a ticket the helpdesk does not have, and says so", async () => {
    const { h, kenji, deliver } = await setUp();
    await openSessionFor(h, kenji, "999999");
    expect(await deliver()).toMatchObject({ stopped: 1 });
    const [write] = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 });
    expect(write).toMatchObject({
      state: "stopped",
      outcome: "Stopped: the helpdesk has no ticket 999999, or the API user may not see it.",
    });
  });
});
