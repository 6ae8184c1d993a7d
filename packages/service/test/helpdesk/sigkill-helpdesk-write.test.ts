/**
 * Issue 22, faults: Attendant killed with SIGKILL between the write to Request Tracker and
 * recording it. The service, a real child process (`attendant serve`), writes a connection's
 * note with its worked time to the run's real RT through a proxy that lets RT take the note and
 * keeps RT's answer back; the test kills the service at that moment and starts it again. RT must
 * end with exactly one note and exactly the billable minutes as worked time, and Attendant must
 * record the write as done, found on RT rather than written again.
 *
 * PGlite: a restart ends the dead process's write leases at once (src/db/release-dead-leases.ts);
 * on PostgreSQL they expire after five minutes (src/helpdesks/helpdesk-writer.ts), the same path.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createApiKey } from "../../src/api-keys/api-keys.js";
import { systemClock } from "../../src/clock.js";
import type { Config } from "../../src/config/config-schema.js";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/open-database.js";
import type { StoredConnectionReport } from "../../src/db/repositories/connection-reports.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { createUser } from "../../src/db/repositories/users.js";
import { transaction } from "../../src/db/transaction.js";
import { connectionEventData } from "../../src/events/event-data.js";
import { recordWebhookEvent } from "../../src/events/record-event.js";
import { toConnectionReportValues } from "../../src/reports/report-record.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import {
  type ServiceInstance,
  spawnServiceInstance,
  waitUntilReady,
} from "../integration/scale-out/service-instances.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { generateKeyEntry } from "../support/keys.js";
import { startNoteHoldingProxy } from "../support/note-holding-proxy.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";
import { actorOf } from "../support/simulated-users.js";

const rt = requestTrackerOfRun();
const billableMinutes = 23;
/** A service start on a loaded two-core machine (two starts, one kill, a few RT calls). */
const startUpMs = 90_000;

describe.skipIf(rt === undefined)("helpdesk writes killed with SIGKILL, against a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  it("leaves exactly one note and the billable minutes once after a kill between RT taking the note and Attendant recording it", async () => {
    const proxy = await startNoteHoldingProxy(api.server.url);
    const ticketId = await api.createTicket({
      subject: "Killed while writing back",
      requestor: "erika.sigkill@example.org",
    });
    const settings = { ATTENDANT_KEYS: generateKeyEntry("kill-helpdesk"), ATTENDANT_DEMO: "false" };
    const config = await engine.createConfig(settings);
    const apiKey = await seedReportedConnection(config, { rtUrl: proxy.url, ticketId });

    let instance: ServiceInstance | undefined;
    try {
      instance = await spawnServiceInstance(settings, { dataDir: config.dataDir });
      await waitUntilReady(instance, startUpMs);
      expect(await proxy.noteTaken).toBe(201);
      await instance.kill();
      expect(await api.comments(ticketId)).toHaveLength(1);

      instance = await spawnServiceInstance(settings, { dataDir: config.dataDir });
      await waitUntilReady(instance, startUpMs);
      const write = await waitUntilSettled(instance, apiKey);
      expect(write).toMatchObject({
        ticketExternalId: ticketId,
        state: "done",
        outcome: expect.stringContaining("found from an earlier attempt"),
      });
    } finally {
      await instance?.stop();
      await proxy.close();
    }
    expect(await api.comments(ticketId)).toEqual([
      {
        subject: expect.stringMatching(/^TeamViewer connection s123-456-789: 23 min \[Attendant /),
        timeTaken: billableMinutes,
      },
    ]);
    expect((await api.readTicket(ticketId)).TimeWorked).toBe(String(billableMinutes));
  }, 240_000);
});

/**
 * An organisation connected to RT (through `rtUrl`) with one connection of 23 minutes reported
 * on `ticketId`, waiting in the outbox; returns an admin's API key that reads the writes.
 */
async function seedReportedConnection(
  config: Config,
  values: { rtUrl: string; ticketId: string },
): Promise<string> {
  if (config.keyring === undefined) throw new Error("the test config has a keyring");
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const deps = { database, vault: new SecretBox(config.keyring), clock: systemClock };
    const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@sigkill-helpdesk.example",
      role: "admin",
    });
    const saved = await connectRequestTracker(deps, admin, {
      url: values.rtUrl,
      token: (rt as NonNullable<typeof rt>).server.token,
    });
    expect(saved).toMatchObject({ kind: "saved", health: { problems: [] } });
    const start = new Date("2026-03-02T09:00:00Z");
    const report = {
      ...toConnectionReportValues(
        {
          id: "tv-report-sigkill",
          userid: "u7005",
          username: "Kenji Sato",
          session_code: "s123-456-789",
          billing_state: "Bill",
          start_date: start.toISOString(),
          end_date: new Date(start.getTime() + billableMinutes * 60_000).toISOString(),
        },
        { organisationId: organisation.id, syncAccountId: null },
      ),
      id: randomUUID(),
    } as StoredConnectionReport;
    const eventId = await transaction(database.db, (tx) =>
      recordWebhookEvent(tx, {
        organisationId: organisation.id,
        type: "connection.reported",
        data: connectionEventData(report, { externalId: values.ticketId }),
        now: new Date(),
      }),
    );
    expect(eventId).toBeDefined();
    const { token } = await createApiKey(
      { database, clock: systemClock },
      { actor: actorOf(admin), name: "writes", scopes: ["helpdesk:read"], actingUserId: null },
    );
    return token;
  } finally {
    await database.close();
  }
}

/** The organisation's one write, once it is no longer pending. */
async function waitUntilSettled(instance: ServiceInstance, apiKey: string): Promise<unknown> {
  for (;;) {
    const response = await fetch(`${instance.url}/api/v1/helpdesk/writes`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const page = (await response.json()) as { writes: { state: string }[] };
    expect(response.status, JSON.stringify(page)).toBe(200);
    expect(page.writes).toHaveLength(1);
    if (page.writes[0]?.state !== "pending") return page.writes[0];
    await delay(200);
  }
}
