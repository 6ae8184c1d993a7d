import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listUnmatchedReports } from "../../../src/reports/unmatched-reports.js";
import { updateConnectionReport } from "../../../src/reports/update-connection-report.js";
import { closeSupportSession } from "../../../src/sessions/close-support-session.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { refreshSupportSessionStatus } from "../../../src/sessions/refresh-support-session-status.js";
import { createEndpoint, setEndpointEnabled } from "../../../src/webhooks/manage-webhook-endpoints.js";
import type { WebhookDeps } from "../../../src/webhooks/webhook-deps.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { nonCamelCaseKeysOf } from "../../support/wire-names.js";
import { createReportHarness, saveRevokedConnection } from "../reports/report-harness.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createWebhookHarness } from "./webhook-harness.js";

interface EventRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

async function eventsOf(db: Parameters<typeof queryRows>[0], type?: string): Promise<EventRow[]> {
  const rows = await queryRows<EventRow>(
    db,
    sql`select id, type, payload from webhook_events order by created_at, id`,
  );
  return type === undefined ? rows : rows.filter((row) => row.type === type);
}

/** Fails the transaction at COMMIT, i.e. after every statement in it (the event insert included) ran. */
async function failCommitsOn(
  db: Parameters<typeof queryRows>[0],
  table: string,
  operation: "INSERT" | "UPDATE",
) {
  await db.execute(
    sql.raw(`create or replace function test_fail_commit() returns trigger language plpgsql as $$
      begin raise exception 'commit refused by the test'; end $$`),
  );
  await db.execute(
    sql.raw(`create constraint trigger test_fail_commit after ${operation} on ${table}
      deferrable initially deferred for each row execute function test_fail_commit()`),
  );
  return () => db.execute(sql.raw(`drop trigger test_fail_commit on ${table}`));
}

describe("webhook events in the outbox", () => {
  const engine = usePgliteEngine();

  async function setUp() {
    const h = await createWebhookHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const open = (externalId = "4711") =>
      createSupportSession(h.deps, {
        actor: h.actorOf(kenji),
        ticket: { ...sampleTicket, externalId },
        group: { id: "g40211" },
      }).then((created) => created.session);
    return { h, kenji, open };
  }

  it("records nothing while no enabled endpoint subscribes to the type", async () => {
    const { h, open } = await setUp();
    await open("1");
    const endpoint = await h.addEndpoint("https://hooks.example.com/in", ["session.closed"]);
    await open("2");
    await setEndpointEnabled(h.webhookDeps, {
      actor: h.adminActor,
      endpointId: endpoint.id,
      isEnabled: false,
    });
    const session = await open("3");
    await closeSupportSession(h.deps, { actor: h.adminActor, sessionId: session.id });
    expect(await eventsOf(h.database.db)).toEqual([]);
  });

  it("records session.customer_online and session.closed once each, when the state changes", async () => {
    const { h, open } = await setUp();
    await h.addEndpoint("https://hooks.example.com/in");
    const session = await open();
    h.simulator.admin.customerJoin(session.code);
    h.clock.advance(1_000);
    await refreshSupportSessionStatus(h.deps, { actor: h.adminActor, sessionId: session.id });
    await refreshSupportSessionStatus(h.deps, { actor: h.adminActor, sessionId: session.id });
    h.clock.advance(1_000);
    await closeSupportSession(h.deps, { actor: h.adminActor, sessionId: session.id });
    await closeSupportSession(h.deps, { actor: h.adminActor, sessionId: session.id });
    const events = await eventsOf(h.database.db);
    expect(events.map((event) => event.type)).toEqual([
      "session.created",
      "session.customer_online",
      "session.closed",
    ]);
    expect(events[1]?.payload).toMatchObject({
      id: session.id,
      isOnline: true,
      status: "customer-online",
    });
    expect(events[2]?.payload).toMatchObject({
      id: session.id,
      state: "closed",
      status: "closed",
      closedAt: h.clock.now().toISOString(),
      ticket: { externalId: "4711" },
    });
    expect(JSON.stringify(events)).not.toMatch(/supporter_link|supporterLink|correlation/i);
    // The same names as GET /api/v1/sessions/{id}: camelCase at every depth.
    expect(nonCamelCaseKeysOf(events.map((event) => event.payload))).toEqual([]);
  });

  it("a change that fails to commit leaves no event, and its event appears when it commits", async () => {
    const { h, open } = await setUp();
    await h.addEndpoint("https://hooks.example.com/in");

    const dropInsertTrap = await failCommitsOn(h.database.db, "support_sessions", "INSERT");
    await expect(open("1")).rejects.toThrow();
    await dropInsertTrap();
    expect(await eventsOf(h.database.db)).toEqual([]);

    const session = await open("2");
    h.simulator.admin.customerJoin(session.code);
    const dropUpdateTrap = await failCommitsOn(h.database.db, "support_sessions", "UPDATE");
    await expect(
      refreshSupportSessionStatus(h.deps, { actor: h.adminActor, sessionId: session.id }),
    ).rejects.toThrow();
    await dropUpdateTrap();
    expect((await eventsOf(h.database.db)).map((event) => event.type)).toEqual(["session.created"]);
    h.clock.advance(1_000);

    await refreshSupportSessionStatus(h.deps, { actor: h.adminActor, sessionId: session.id });
    expect((await eventsOf(h.database.db)).map((event) => event.type)).toEqual([
      "session.created",
      "session.customer_online",
    ]);
  });

  it("records session.expired once when the dispatcher notices an expired session", async () => {
    const { h, open } = await setUp();
    await h.addEndpoint("https://hooks.example.com/in", ["session.expired"]);
    const session = await open();
    await h.dispatcher.tick();
    expect(await eventsOf(h.database.db)).toEqual([]);
    h.clock.advance(session.validUntil.getTime() - h.clock.now().getTime() + 1_000);
    await h.dispatcher.tick();
    h.clock.advance(120_000);
    await h.dispatcher.tick();
    const events = await eventsOf(h.database.db);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      id: session.id,
      status: "expired",
      isExpired: true,
      state: "open",
    });
  });

  it("records connection.reported for new reports only, and connection.updated on write-back", async () => {
    const h = await createReportHarness(engine, { reports: 12 });
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const deps: WebhookDeps = { ...h.deps, config: h.config };
    await createEndpoint(deps, {
      actor: h.actorOf(admin),
      input: { url: "https://hooks.example.com/in", description: "", eventTypes: [] },
    });
    const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    // More passes over the same records add no events.
    for (let tick = 0; tick < 5; tick++) {
      h.clock.advance(60_000);
      await scheduler.tick();
    }
    const reported = await eventsOf(h.database.db, "connection.reported");
    expect(reported).toHaveLength(12);
    expect(new Set(reported.map((event) => event.payload.teamViewerReportId)).size).toBe(12);
    expect(reported[0]?.payload).toMatchObject({
      id: expect.any(String),
      supporter: expect.any(Object),
      durationSeconds: expect.any(Number),
    });
    expect(reported[0]?.payload).not.toHaveProperty("raw");
    expect(nonCamelCaseKeysOf(reported.map((event) => event.payload))).toEqual([]);

    const { reports } = await listUnmatchedReports(h.deps, { actor: h.actorOf(admin) });
    const report = reports[0];
    if (report === undefined) throw new Error("no report");
    await updateConnectionReport(h.deps, {
      actor: h.actorOf(admin),
      reportId: report.id,
      notes: "Printer fixed",
    });
    const updated = await eventsOf(h.database.db, "connection.updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]?.payload).toMatchObject({ id: report.id, notes: "Printer fixed" });
  });

  it("records teamviewer.connection_lost when TeamViewer refuses a user's grant", async () => {
    const h = await createReportHarness(engine);
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter");
    await createEndpoint(
      { ...h.deps, config: h.config },
      {
        actor: h.actorOf(admin),
        input: {
          url: "https://hooks.example.com/in",
          description: "",
          eventTypes: ["teamviewer.connection_lost"],
        },
      },
    );
    await saveRevokedConnection(h, kenji.id);
    const scheduler = h.createScheduler("instance-a");
    for (let tick = 0; tick < 10; tick++) {
      h.clock.advance(20_000);
      await scheduler.tick();
    }
    const lost = await eventsOf(h.database.db, "teamviewer.connection_lost");
    expect(lost).toHaveLength(1);
    expect(lost[0]?.payload).toEqual({
      userId: kenji.id,
      userEmail: kenji.email,
      reason: "refresh_refused",
    });
  });
});
