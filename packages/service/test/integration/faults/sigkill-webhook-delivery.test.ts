/**
 * Issue 20, "crash campaign": the service, a real child process, delivers an outbox of webhook
 * events to a receiver on loopback that answers some at once and holds others open; it is killed
 * with SIGKILL at random points of the deliveries, twice, then runs to the end. No event may be
 * lost: each reaches the receiver and its delivery ends succeeded (a delivery cut off by the kill
 * is sent again, with the same `webhook-id`, so receivers drop the repeat).
 *
 * PGlite only: there a restart ends the dead process's delivery leases at once
 * (src/db/release-dead-leases.ts); on PostgreSQL they expire after the attempt deadline plus a
 * margin (src/webhooks/webhook-dispatcher.ts), which is the same code path after a minute's wait.
 */
import { mkdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { transaction } from "../../../src/db/transaction.js";
import { recordWebhookEvent } from "../../../src/events/record-event.js";
import { createLogger } from "../../../src/logging/logger.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { usePgliteEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";
import { queryRows } from "../../support/query-rows.js";
import { chooseTestSeed, createSeededRandom, randomInt } from "../../support/seeded-random.js";
import { actorOf } from "../../support/simulated-users.js";
import { spawnServiceInstance, waitUntilReady } from "../scale-out/service-instances.js";
import { startWebhookReceiver, type WebhookReceiver } from "../webhooks/webhook-receiver.js";

const events = 30;
const kills = 2;

describe("webhook deliveries killed with SIGKILL", () => {
  const engine = usePgliteEngine();
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it("loses no webhook across kills at random points of the deliveries and a final run", async () => {
    const random = createSeededRandom(chooseTestSeed("SIGKILL webhooks"));
    const settings = {
      ATTENDANT_KEYS: generateKeyEntry("kill-webhooks"),
      ATTENDANT_DEMO: "false",
      ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS: "127.0.0.1/32",
    };
    const config = await engine.createConfig(settings);
    mkdirSync(config.dataDir, { recursive: true });
    const expected = await seedOutbox(config, receiver.url);
    expect(expected).toHaveLength(events);
    const killedAt: string[] = [];

    for (let round = 0; round < kills; round++) {
      // Some answers come at once, others never: a kill cuts those attempts off mid-flight.
      receiver.plan(
        ...Array.from({ length: events }, () =>
          random() < 0.5 ? ({ kind: "hang" } as const) : ({ kind: "status", status: 204 } as const),
        ),
      );
      const instance = await spawnServiceInstance(settings, { dataDir: config.dataDir });
      await waitUntilReady(instance);
      // The kill comes once a random number of this run's attempts reached the receiver.
      const receivedBefore = receiver.received.length;
      const pending = expected.filter((id) => !accepted(receiver).has(id)).length;
      const target = receivedBefore + randomInt(random, 1, Math.max(1, Math.min(10, pending)));
      while (receiver.received.length < target) await delay(5);
      const extraMs = randomInt(random, 0, 200);
      await delay(extraMs);
      await instance.kill();
      killedAt.push(`${target - receivedBefore} received + ${extraMs} ms`);
      receiver.clearPlan();
    }
    console.info("SIGKILL webhooks kill points", killedAt);

    receiver.setFallback({ kind: "status", status: 204 });
    const last = await spawnServiceInstance(settings, { dataDir: config.dataDir });
    try {
      await waitUntilReady(last);
      while (expected.some((id) => !accepted(receiver).has(id))) await delay(20);
    } finally {
      await last.stop();
    }
    expect(await deliveryStates(config)).toEqual(expected.map(() => "succeeded"));
  }, 120_000);
});

/** The event ids the receiver accepted (answered 2xx). */
function accepted(receiver: WebhookReceiver): Set<string | string[] | undefined> {
  return new Set(
    receiver.received
      .filter(({ answer }) => answer.kind === "status" && answer.status === 204)
      .map((request) => request.headers["webhook-id"]),
  );
}

async function deliveryStates(config: Config): Promise<string[]> {
  const database = await openDatabase(config, { logger: createLogger("silent") });
  try {
    const rows = await queryRows<{ state: string }>(database.db, sql`select state from webhook_deliveries`);
    return rows.map((row) => row.state);
  } finally {
    await database.close();
  }
}

/** An organisation with one endpoint (the receiver) and `events` events waiting for it; their ids. */
async function seedOutbox(config: Config, url: string): Promise<string[]> {
  if (config.keyring === undefined) throw new Error("the test config has a keyring");
  const logger = createLogger("silent");
  const database = await openDatabase(config, { logger });
  try {
    await migrate(database);
    const deps = { database, vault: new SecretBox(config.keyring), clock: systemClock, logger, config };
    const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@helpdesk.example",
      role: "admin",
    });
    await createEndpoint(deps, { actor: actorOf(admin), input: { url, description: "", eventTypes: [] } });
    const ids: string[] = [];
    for (let index = 0; index < events; index++) {
      const id = await transaction(database.db, (tx) =>
        recordWebhookEvent(tx, {
          organisationId: organisation.id,
          type: "connection.updated",
          data: { id: `r${index}` },
          now: new Date(),
        }),
      );
      if (id !== undefined) ids.push(id);
    }
    return ids;
  } finally {
    await database.close();
  }
}
