/**
 * Issue 25: a disabled organisation's background work waits (docs/adr/0042-organisations-as-tenants.md).
 * Each job's query (report sync, status watch, helpdesk write-back, webhook deliveries) skips
 * it, leaving its rows as they are, and picks them up again once it is enabled.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { claimDueHelpdeskWrites } from "../../src/db/repositories/helpdesk-writes.js";
import { setOrganisationDisabledAt } from "../../src/db/repositories/organisations.js";
import { insertSyncAccount, listDueSyncAccounts } from "../../src/db/repositories/report-sync-accounts.js";
import {
  discoverSessionWatchAccounts,
  listDueSessionWatchAccounts,
} from "../../src/db/repositories/session-watch-accounts.js";
import { claimDueWebhookDeliveries } from "../../src/db/repositories/webhooks.js";
import { helpdeskWrites, webhookDeliveries, webhookEndpoints, webhookEvents } from "../../src/db/schema.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./sessions/session-harness.js";

/** One piece of due work for each job, all in the harness's organisation. */
async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const db = h.database.db;
  const now = h.clock.now();
  const key = await h.createKey(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
  const created = await h.api("POST", "/api/v1/sessions", {
    key,
    json: { ticket: sampleTicket, group: { name: "Helpdesk" } },
  });
  expect(created.status).toBe(201);
  await discoverSessionWatchAccounts(db, now);
  await insertSyncAccount(
    db,
    {
      organisationId: h.organisationId,
      sourceKind: "organisation",
      userId: null,
      teamViewerUserId: null,
      backfillHorizon: now,
    },
    now,
  );
  const [write] = await db
    .insert(helpdeskWrites)
    .values({
      organisationId: h.organisationId,
      eventId: "msg_disabled_write",
      eventType: "session.created",
      payload: {},
      ticketExternalId: sampleTicket.externalId,
      nextAttemptAt: now,
    })
    .returning();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      organisationId: h.organisationId,
      url: "https://receiver.example/hook",
      eventTypes: [],
      secretEncrypted: "not-read-by-this-test",
    })
    .returning();
  await db.insert(webhookEvents).values({
    id: "msg_disabled_delivery",
    organisationId: h.organisationId,
    type: "session.created",
    payload: {},
  });
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ eventId: "msg_disabled_delivery", endpointId: endpoint?.id ?? "", nextAttemptAt: now })
    .returning();
  return { h, writeId: write?.id, deliveryId: delivery?.id };
}

/** What each job would pick up now; claiming leases what it returns. */
async function dueWork(h: SessionHarness) {
  const db = h.database.db;
  const now = new Date(h.clock.now().getTime() + 1_000);
  const lease = { holder: "test", now, lockedUntil: new Date(now.getTime() + 60_000), limit: 10 };
  return {
    syncAccounts: (await listDueSyncAccounts(db, now, 10)).length,
    watchAccounts: (await listDueSessionWatchAccounts(db, now, 10)).length,
    helpdeskWrites: (await claimDueHelpdeskWrites(db, lease)).map((write) => write.id),
    webhookDeliveries: (await claimDueWebhookDeliveries(db, lease)).map((delivery) => delivery.id),
  };
}

describeEachEngine("a disabled organisation's background jobs", (engine) => {
  it("skip its report sync, status watch, helpdesk write-back and webhook deliveries, leaving them pending, and resume them once it is enabled", async () => {
    const { h, writeId, deliveryId } = await setUp(engine);
    const db = h.database.db;
    await setOrganisationDisabledAt(db, h.organisationId, h.clock.now());
    expect(await dueWork(h)).toEqual({
      syncAccounts: 0,
      watchAccounts: 0,
      helpdeskWrites: [],
      webhookDeliveries: [],
    });
    const [write] = await db
      .select()
      .from(helpdeskWrites)
      .where(eq(helpdeskWrites.id, writeId ?? ""));
    const [delivery] = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId ?? ""));
    expect([write?.state, write?.attemptCount, write?.lockedBy]).toEqual(["pending", 0, null]);
    expect([delivery?.state, delivery?.attemptCount, delivery?.lockedBy]).toEqual(["pending", 0, null]);

    await setOrganisationDisabledAt(db, h.organisationId, null);
    expect(await dueWork(h)).toEqual({
      syncAccounts: 1,
      watchAccounts: 1,
      helpdeskWrites: [writeId],
      webhookDeliveries: [deliveryId],
    });
  });
});
