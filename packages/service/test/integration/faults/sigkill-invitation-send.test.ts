/**
 * Issue 20, "crash campaign": invitation e-mails. The service, a real child process, sends
 * invitations through a real SMTP server on loopback and is killed with SIGKILL at random points
 * of the sends, twice; the browser sends every unanswered form again after each restart, as a
 * user pressing reload would. Each request (the form's request id) must end as one invitation
 * and one e-mail (one Message-ID: a copy sent again after a kill in the hand-off window is the
 * same message), and the join address in every e-mail that left must open the join page
 * (docs/adr/0027-invitation-exactly-once.md).
 *
 * PGlite only: there a restart ends the dead process's sending leases at once
 * (src/db/release-dead-leases.ts); on PostgreSQL they expire, the same code path after a wait.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.js";
import type { Config } from "../../../src/config/config-schema.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { updateUser } from "../../../src/db/repositories/users.js";
import { hashPassword } from "../../../src/identity/passwords.js";
import { createLogger } from "../../../src/logging/logger.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { usePgliteEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";
import { queryRows } from "../../support/query-rows.js";
import { chooseTestSeed, createSeededRandom, randomInt } from "../../support/seeded-random.js";
import { addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.js";
import { Browser, testPassword } from "../../web/web-harness.js";
import {
  type ServiceInstance,
  spawnServiceInstance,
  waitUntilReady,
} from "../scale-out/service-instances.js";
import { createSessionThroughPage } from "../session-pages/pages-harness.js";

/** One invitation request per session: each e-mail's address stays the session's valid one. */
const requests = 6;
const kills = 2;
const supporterEmail = "kenji@contoso.example";

interface InvitationRequest {
  sessionPath: string;
  requestId: string;
  email: string;
}

describe("invitation sends killed with SIGKILL", () => {
  const engine = usePgliteEngine();
  let simulator: SimulatorServer;
  let smtp: SmtpCapture;
  beforeAll(async () => {
    simulator = await startSimulatorServer({ port: 0 });
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.close();
    await simulator.close();
  });

  it("sends exactly one e-mail per invitation request, with a join address that opens, across kills at random points and retries", async () => {
    const random = createSeededRandom(chooseTestSeed("SIGKILL invitations"));
    const settings = {
      ATTENDANT_KEYS: generateKeyEntry("kill-invitations"),
      ATTENDANT_SMTP_URL: smtp.url,
      ATTENDANT_MAIL_FROM: "Contoso Helpdesk <support@contoso.example>",
    };
    const config = await engine.createConfig(settings);
    mkdirSync(config.dataDir, { recursive: true });
    await seedSupporter(config, simulator);

    const pending: InvitationRequest[] = [];
    const setup = await spawnServiceInstance(settings, { dataDir: config.dataDir });
    try {
      await waitUntilReady(setup);
      const browser = await signedIn(setup);
      for (let index = 0; index < requests; index++) {
        pending.push({
          sessionPath: await createSessionThroughPage(browser, { externalId: `ticket-${index}` }),
          requestId: randomUUID(),
          email: `customer-${index}@example.org`,
        });
      }
    } finally {
      await setup.stop();
    }

    const killedAt: string[] = [];
    for (let round = 0; round < kills; round++) {
      const instance = await spawnServiceInstance(settings, { dataDir: config.dataDir });
      await waitUntilReady(instance);
      const browser = await signedIn(instance);
      const receivedBefore = smtp.messages.length;
      // Every form not yet answered is sent (again) at once; the kill comes after a random number
      // of e-mails reached the server, plus a moment: some sends are cut off before, during and
      // after their hand-off.
      const answers = Promise.all(pending.map((request) => invite(browser, request).catch(() => undefined)));
      const target = receivedBefore + randomInt(random, 0, 2);
      let isAnswered = false;
      void answers.then(() => {
        isAnswered = true;
      });
      while (!isAnswered && smtp.messages.length < target) await delay(2);
      const extraMs = randomInt(random, 0, 30);
      await delay(extraMs);
      await instance.kill();
      await answers;
      killedAt.push(`${target - receivedBefore} received + ${extraMs} ms: ${smtp.messages.length} in all`);
    }
    console.info("SIGKILL invitations kill points", killedAt);

    const last = await spawnServiceInstance(settings, { dataDir: config.dataDir });
    try {
      await waitUntilReady(last);
      const browser = await signedIn(last);
      for (const request of pending) {
        expect(await retryUntilSent(browser, request)).toContain(`Invitation sent to ${request.email}.`);
      }
      // Answered requests sent once more are answered from their record: no further e-mail.
      const received = smtp.messages.length;
      for (const request of pending) expect((await invite(browser, request)).status).toBe(200);
      expect(smtp.messages.length).toBe(received);

      for (const request of pending) {
        const copies = smtp.messages.filter((mail) => mail.envelopeTo.includes(request.email));
        expect(new Set(copies.map((mail) => mail.headers.get("message-id"))).size).toBe(1);
        expect(new Set(copies.map((mail) => mail.text)).size).toBe(1);
        const joinPath = /https?:\/\/[^/\s]+(\/join\/[A-Za-z0-9_-]{43})/.exec(copies[0]?.text ?? "")?.[1];
        expect(joinPath, `join address in the e-mail to ${request.email}`).toBeDefined();
        expect((await fetch(`${last.url}${joinPath}`)).status).toBe(200);
      }
    } finally {
      await last.stop();
    }
    // Read once the service let go of the data folder.
    const invitations = await invitationRows(config);
    expect(invitations.map((row) => row.status)).toEqual(pending.map(() => "sent"));
    const messageIds = new Set(smtp.messages.map((mail) => mail.headers.get("message-id")));
    expect([...messageIds].sort()).toEqual(
      invitations.map((row) => `<invitation-${row.id}@localhost>`).sort(),
    );
  }, 240_000);
});

/** A browser signed in as the supporter at a running instance, over real HTTP. */
async function signedIn(instance: ServiceInstance): Promise<Browser> {
  const browser = new Browser({
    app: { request: (input, init) => fetch(input, { ...init, redirect: "manual" }) },
    origin: instance.url,
  });
  await browser.signIn(supporterEmail);
  return browser;
}

function invite(browser: Browser, request: InvitationRequest): Promise<Response> {
  return browser.submit(request.sessionPath, `${request.sessionPath}/invitations`, {
    requestId: request.requestId,
    email: request.email,
    name: "Erika Mustermann",
    locale: "en",
  });
}

/** Sends the form again while the answer says it is still being sent by another request. */
async function retryUntilSent(browser: Browser, request: InvitationRequest): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await invite(browser, request);
    const html = await response.text();
    expect(response.status, html).toBe(200);
    if (!html.includes("is being sent")) return html;
    await delay(250);
  }
  throw new Error(`the invitation to ${request.email} stayed "being sent"`);
}

async function invitationRows(config: Config): Promise<{ id: string; status: string }[]> {
  const database = await openDatabase(config, { logger: createLogger("silent") });
  try {
    return await queryRows<{ id: string; status: string }>(
      database.db,
      sql`select id, status from session_invitations order by recipient_email`,
    );
  } finally {
    await database.close();
  }
}

/** An organisation with a supporter connected to the simulator, who signs in with a password. */
async function seedSupporter(config: Config, server: SimulatorServer): Promise<void> {
  if (config.keyring === undefined) throw new Error("the test config has a keyring");
  const database = await openDatabase(config, { logger: createLogger("silent") });
  try {
    await migrate(database);
    const vault = new SecretBox(config.keyring);
    const context = { db: database.db, vault, clock: systemClock, simulator: server.simulator };
    const organisation = await createSimulatedOrganisation(context, "http://localhost:3000");
    const supporter = await addSimulatedUser(
      { ...context, organisationId: organisation.id },
      { role: "supporter", email: supporterEmail, teamViewerUserid: "u7005" },
    );
    const passwordHash = await hashPassword(testPassword);
    await updateUser(database.db, supporter.id, { passwordHash, displayName: "Kenji Sato" }, new Date());
  } finally {
    await database.close();
  }
}
