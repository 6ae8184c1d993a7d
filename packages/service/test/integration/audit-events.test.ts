import { expect, it } from "vitest";
import {
  type AuditEventInput,
  exportAuditEventsAsJsonLines,
  listAuditEvents,
  recordAuditEvent,
} from "../../src/audit/audit-events.js";
import { createFakeClock } from "../../src/clock.js";
import { migrate } from "../../src/db/migrate.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";

async function setUp(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  await migrate(database);
  const clock = createFakeClock(new Date("2030-05-01T10:00:00Z"));
  const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
  const other = await createOrganisation(database.db, { name: "Other" });
  const record = (event: Partial<AuditEventInput> = {}) => {
    clock.advance(1_000);
    return recordAuditEvent(
      { db: database.db, clock },
      {
        organisationId: organisation.id,
        actor: { userId: "00000000-0000-4000-8000-000000000001", label: "ann@example.com" },
        action: "login.succeeded",
        ip: "192.0.2.1",
        userAgent: "Firefox",
        ...event,
      },
    );
  };
  return { db: database.db, organisation, other, record };
}

describeEachEngine("audit events", (engine) => {
  it("records who, what, when (UTC) and from where, and strips secrets from the details", async () => {
    const { record } = await setUp(engine);
    const event = await record({
      action: "teamviewer.connected",
      target: { type: "teamviewer_connection", id: "c-1" },
      details: { teamViewerEmail: "ann@tv.example", accessToken: "AT-SECRET", code: "CODE-SECRET" },
    });
    expect(event).toMatchObject({
      occurredAt: new Date("2030-05-01T10:00:01Z"),
      actor: { label: "ann@example.com" },
      action: "teamviewer.connected",
      target: { type: "teamviewer_connection", id: "c-1" },
      ip: "192.0.2.1",
      userAgent: "Firefox",
      details: { teamViewerEmail: "ann@tv.example", accessToken: "[redacted]", code: "[redacted]" },
    });
    expect(JSON.stringify(event)).not.toMatch(/AT-SECRET|CODE-SECRET/);
  });

  it("lists newest first, page by page, within one organisation, with filters", async () => {
    const { db, organisation, other, record } = await setUp(engine);
    for (let index = 0; index < 5; index++) await record();
    await record({ action: "login.failed", actor: { label: "anonymous" } });
    await record({ organisationId: other.id });

    const first = await listAuditEvents(db, { organisationId: organisation.id }, { limit: 4 });
    expect(first.events.map((event) => event.action)).toEqual([
      "login.failed",
      "login.succeeded",
      "login.succeeded",
      "login.succeeded",
    ]);
    expect(first.nextBeforeId).toBeDefined();
    const second = await listAuditEvents(
      db,
      { organisationId: organisation.id },
      { limit: 4, ...(first.nextBeforeId === undefined ? {} : { beforeId: first.nextBeforeId }) },
    );
    expect(second.events).toHaveLength(2);
    expect(second.nextBeforeId).toBeUndefined();

    const failed = await listAuditEvents(db, { organisationId: organisation.id, action: "login.failed" });
    expect(failed.events.map((event) => event.actor)).toEqual([{ label: "anonymous" }]);
    const window = await listAuditEvents(db, {
      organisationId: organisation.id,
      from: new Date("2030-05-01T10:00:02Z"),
      to: new Date("2030-05-01T10:00:04Z"),
    });
    expect(window.events.map((event) => event.occurredAt.toISOString())).toEqual([
      "2030-05-01T10:00:03.000Z",
      "2030-05-01T10:00:02.000Z",
    ]);
  });

  it("exports every matching event, oldest first, as JSON lines across several pages", async () => {
    const { db, organisation, record } = await setUp(engine);
    for (let index = 0; index < 7; index++) await record({ details: { attempt: index } });
    const text = await new Response(
      exportAuditEventsAsJsonLines(db, { organisationId: organisation.id }, { pageSize: 3 }),
    ).text();
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    const events = lines.map((line) => JSON.parse(line));
    expect(events.map((event) => event.details.attempt)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events[0].occurredAt).toBe("2030-05-01T10:00:01.000Z");
  });
});
