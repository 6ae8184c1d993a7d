import { setTimeout as delay } from "node:timers/promises";
import { createSimulator } from "@attendant/simulator";
import { expect, it } from "vitest";
import { systemClock } from "../../../src/clock.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { startService } from "../../../src/server.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { captureLogs } from "../../support/capture-logs.js";
import { describeEachEngine } from "../../support/engines.js";
import { actorOf, addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";
import { startWebhookReceiver } from "../webhooks/webhook-receiver.js";

describeEachEngine("the service's session status watch", (engine) => {
  it("runs in startService: a customer who joins is announced with session.customer_online without anyone asking", async () => {
    const receiver = await startWebhookReceiver();
    const simulator = createSimulator({ autoApprove: true, clock: { now: () => Date.now() } });
    const config = await engine.createConfig({
      ATTENDANT_DEMO: "false",
      ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS: "127.0.0.1/32",
      ATTENDANT_SESSION_WATCH_SECONDS: "1",
    });
    if (config.keyring === undefined) throw new Error("test config has a keyring");
    const { logger } = captureLogs();
    const teamViewerFetch = simulator.fetch as typeof fetch;
    // Seeded before the start: PGlite allows one process at a time on its data folder.
    const database = await openDatabase(config, { logger });
    let code: string;
    try {
      await migrate(database);
      const vault = new SecretBox(config.keyring);
      const deps = { database, vault, clock: systemClock, logger, config, teamViewerFetch };
      const organisation = await createSimulatedOrganisation(
        { ...deps, db: database.db, simulator },
        config.publicUrl,
      );
      const context = {
        db: database.db,
        vault,
        clock: systemClock,
        simulator,
        organisationId: organisation.id,
      };
      const admin = await addSimulatedUser(context, { role: "admin", email: "admin@helpdesk.example" });
      const kenji = await addSimulatedUser(context, {
        role: "supporter",
        email: "kenji@helpdesk.example",
        teamViewerUserid: "u7005",
      });
      await createEndpoint(deps, {
        actor: actorOf(admin),
        input: { url: receiver.url, description: "", eventTypes: ["session.customer_online"] },
      });
      ({
        session: { code },
      } = await createSupportSession(
        { ...deps, teamViewer: createTeamViewerAccess(deps) },
        { actor: actorOf(kenji), ticket: { externalId: "4711", title: "Printer" }, group: { id: "g40211" } },
      ));
    } finally {
      await database.close();
    }

    const service = await startService(config, { logger, port: 0, handleSignals: false, teamViewerFetch });
    try {
      simulator.admin.customerJoin(code);
      // The watch ticks every second and the dispatcher every 2 s, on real timers.
      for (let waited = 0; receiver.received.length === 0 && waited < 30_000; waited += 100) await delay(100);
    } finally {
      await service.close();
      await receiver.close();
    }
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? "{}")).toMatchObject({
      type: "session.customer_online",
      data: { code, status: "customer-online" },
    });
  });
});
