import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { WebhookEventType } from "../../../src/db/schema.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import {
  openForeignSession,
  openSessionFor,
  playConnection,
  storeSessionForCode,
} from "../reports/live-reports.js";
import { createReportHarness, type ReportHarness } from "../reports/report-harness.js";

async function setUp(engine: TestEngine, eventTypes: WebhookEventType[] = []) {
  const h = await createReportHarness(engine);
  await h.saveScriptToken();
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const admin = await h.addUser("admin");
  await createEndpoint(
    { ...h.deps, config: h.config },
    { actor: h.actorOf(admin), input: { url: "https://hooks.example.com/in", description: "", eventTypes } },
  );
  const scheduler = h.createScheduler("instance-a", { backfillDays: 1000 });
  const sweep = async () => {
    h.clock.advance(5 * 60_000);
    await scheduler.tick();
  };
  await sweep();
  return { h, kenji, sweep };
}

function connectedEvents(h: ReportHarness) {
  return queryRows<{ payload: { id: string; connectedAt: string | null; status: string } }>(
    h.database.db,
    sql`select payload from webhook_events where type = 'session.connected' order by created_at, id`,
  ).then((rows) => rows.map((row) => row.payload));
}

/** Plays a connection of `minutes` and returns when the supporter connected. */
function connect(h: ReportHarness, code: string, minutes = 5): string {
  const connectedAt = h.clock.now().toISOString();
  playConnection(h, code, minutes);
  return connectedAt;
}

describeEachEngine("session.connected", (engine) => {
  it("is sent once per session, with the connection's start, when the session's first report is synced", async () => {
    const { h, kenji, sweep } = await setUp(engine);
    const session = await openSessionFor(h, kenji, "4711");
    const connectedAt = connect(h, session.code);
    await sweep();
    const events = await connectedEvents(h);
    expect(events).toEqual([expect.objectContaining({ id: session.id, connectedAt })]);
    expect(new Date(connectedAt).getTime()).toBeLessThan(h.clock.now().getTime());

    // A second connection to the same customer is another report, not another event.
    connect(h, session.code);
    await sweep();
    expect(await connectedEvents(h)).toHaveLength(1);
    const reports = await queryRows<{ count: number }>(
      h.database.db,
      sql`select count(*)::int as count from connection_reports where support_session_id = ${session.id}`,
    );
    expect(reports[0]?.count).toBe(2);
  });

  it("is sent by the re-match for a report that arrived before its session was stored", async () => {
    const { h, kenji, sweep } = await setUp(engine);
    const code = await openForeignSession(h, "attendant:adopted-later");
    const connectedAt = connect(h, code);
    await sweep();
    expect(await connectedEvents(h)).toEqual([]);

    await storeSessionForCode(h, code, "4713", kenji);
    await sweep(); // the discovery interval has passed: unmatched reports are matched again
    const [event] = await connectedEvents(h);
    expect(event).toMatchObject({ connectedAt });
    const [stored] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from support_sessions where code = ${code}`,
    );
    expect(event?.id).toBe(stored?.id);
  });

  it("is not written while no endpoint subscribes to it", async () => {
    const { h, kenji, sweep } = await setUp(engine, ["session.closed"]);
    const session = await openSessionFor(h, kenji, "4711");
    connect(h, session.code);
    await sweep();
    expect(await connectedEvents(h)).toEqual([]);
  });
});
