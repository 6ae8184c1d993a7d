import { setTimeout as delay } from "node:timers/promises";
import { verifyWebhook } from "@attendant/webhooks";
import { expect, it } from "vitest";
import { systemClock } from "../../../src/clock.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { transaction } from "../../../src/db/transaction.js";
import { recordWebhookEvent } from "../../../src/events/record-event.js";
import { startService } from "../../../src/server.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { captureLogs } from "../../support/capture-logs.js";
import { describeEachEngine } from "../../support/engines.js";
import { actorOf } from "../../support/simulated-users.js";
import { startWebhookReceiver } from "./webhook-receiver.js";

describeEachEngine("the service's webhook dispatcher", (engine) => {
  it("runs in startService and delivers an event from the outbox", async () => {
    const receiver = await startWebhookReceiver();
    const config = await engine.createConfig({
      ATTENDANT_DEMO: "false",
      ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS: "127.0.0.1/32",
    });
    if (config.keyring === undefined) throw new Error("test config has a keyring");
    const { logger } = captureLogs();
    // Seeded before the start: PGlite allows one process at a time on its data folder.
    const database = await openDatabase(config, { logger });
    let secret: string;
    try {
      await migrate(database);
      const deps = { database, vault: new SecretBox(config.keyring), clock: systemClock, logger, config };
      const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
      const admin = await createUser(database.db, {
        organisationId: organisation.id,
        email: "admin@helpdesk.example",
        role: "admin",
      });
      const actor = actorOf(admin);
      ({ secret } = await createEndpoint(deps, {
        actor,
        input: { url: receiver.url, description: "", eventTypes: [] },
      }));
      await transaction(database.db, (tx) =>
        recordWebhookEvent(tx, {
          organisationId: organisation.id,
          type: "connection.updated",
          data: { id: "r1" },
          now: new Date(),
        }),
      );
    } finally {
      await database.close();
    }

    const service = await startService(config, { logger, port: 0, handleSignals: false });
    try {
      // The dispatcher ticks every 2 s on real timers; wait for its first delivery.
      for (let waited = 0; receiver.received.length === 0 && waited < 20_000; waited += 100) await delay(100);
    } finally {
      await service.close();
      await receiver.close();
    }
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (request === undefined) throw new Error("nothing received");
    const verified = verifyWebhook({
      body: request.body,
      headers: request.headers as Record<string, string>,
      secret,
    });
    expect(JSON.parse(verified.body)).toMatchObject({
      type: "connection.updated",
      data: { id: "r1" },
    });
  });
});
