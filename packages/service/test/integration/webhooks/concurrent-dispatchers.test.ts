import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { createFakeClock } from "../../../src/clock.js";
import { type Database, openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { transaction } from "../../../src/db/transaction.js";
import { recordWebhookEvent } from "../../../src/events/record-event.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { parseNetworkList } from "../../../src/webhooks/network-address.js";
import type { WebhookDeps } from "../../../src/webhooks/webhook-deps.js";
import { createWebhookDispatcher } from "../../../src/webhooks/webhook-dispatcher.js";
import { captureLogs } from "../../support/capture-logs.js";
import { describeEachEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { actorOf } from "../../support/simulated-users.js";
import { manualTimers } from "./webhook-harness.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

const eventCount = 40;

describeEachEngine("three dispatchers racing over one outbox", (engine) => {
  it("attempt every delivery exactly once between them", async () => {
    const { database, config: baseConfig } = await engine.openDatabase();
    if (baseConfig.keyring === undefined) throw new Error("test config has a keyring");
    const vault = new SecretBox(baseConfig.keyring);
    const clock = createFakeClock(new Date("2030-05-01T08:00:00Z"));
    const { logger } = captureLogs();
    const receiver: WebhookReceiver = await startWebhookReceiver();
    cleanUps.push(() => receiver.close());

    const allowLoopback = { ...baseConfig, webhookAllowedPrivateNetworks: parseNetworkList("127.0.0.1/32") };
    // PostgreSQL: three pools, as three service instances would have. PGlite has one connection.
    const databases: Database[] = [database];
    if (engine.name === "postgresql") {
      for (let index = 0; index < 2; index++) {
        const pool = await openDatabase(baseConfig, { logger });
        cleanUps.push(() => pool.close());
        databases.push(pool);
      }
    }
    const depsOf = (db: Database): WebhookDeps => ({
      database: db,
      vault,
      clock,
      logger,
      config: allowLoopback,
    });

    const organisation = await createOrganisation(database.db, { name: "Race Ltd" });
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@race.example",
      role: "admin",
    });
    const actor = actorOf(admin);
    await createEndpoint(depsOf(database), {
      actor,
      input: { url: receiver.url, description: "", eventTypes: [] },
    });
    await createEndpoint(depsOf(database), {
      actor,
      input: { url: `${receiver.url}?second`, description: "", eventTypes: [] },
    });
    for (let index = 0; index < eventCount; index++) {
      await transaction(database.db, (tx) =>
        recordWebhookEvent(tx, {
          organisationId: organisation.id,
          type: "connection.updated",
          data: { id: randomUUID(), index },
          now: clock.now(),
        }),
      );
    }

    const dispatchers = [0, 1, 2].map((index) =>
      createWebhookDispatcher({
        deps: depsOf(databases[index % databases.length] as Database),
        instanceId: `instance-${index}`,
        timers: manualTimers,
        options: { batchSize: 3, maxBatchesPerTick: 2 },
      }),
    );
    for (let round = 0; round < 20; round++) {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.tick()));
    }

    const deliveries = eventCount * 2;
    expect(receiver.received).toHaveLength(deliveries);
    const keys = receiver.received.map((request) => `${request.headers["webhook-id"]} ${request.path}`);
    expect(new Set(keys).size).toBe(deliveries);
    const [counts] = await queryRows<{
      deliveries: number;
      attempts: number;
      succeeded: number;
      instances: number;
    }>(
      database.db,
      sql`select
            (select count(*)::int from webhook_deliveries) as deliveries,
            (select count(*)::int from webhook_attempts) as attempts,
            (select count(*)::int from webhook_deliveries where state = 'succeeded' and attempt_count = 1) as succeeded,
            (select count(distinct instance_id)::int from webhook_attempts) as instances`,
    );
    expect(counts).toMatchObject({ deliveries, attempts: deliveries, succeeded: deliveries });
    // On PostgreSQL the work really was shared (PGlite runs one transaction at a time, so one
    // dispatcher may well take everything).
    if (engine.name === "postgresql") expect(counts?.instances).toBeGreaterThan(1);
  });
});
