/**
 * Issue 20, item 4, as the probe ran it: twenty parallel API creates, each with its own
 * Idempotency-Key, while TeamViewer holds its answers (the simulator creates each session, then
 * stalls the answer's body); the service, a real child process, is killed with SIGKILL at a
 * random point, restarted, and every key is sent again. Every key must end with exactly one
 * TeamViewer session, the one stored and the one its replays return; keys in flight at the kill
 * answer 409 only until the dead process's claim lease lapses (at once on PGlite).
 */
import { setTimeout as delay } from "node:timers/promises";
import { type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../../src/api-keys/api-keys.js";
import { systemClock } from "../../../src/clock.js";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";
import { chooseTestSeed, createSeededRandom, randomInt } from "../../support/seeded-random.js";
import { actorOf, addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";
import {
  type ServiceInstance,
  spawnServiceInstance,
  waitUntilReady,
} from "../scale-out/service-instances.js";

const creates = 20;
const kills = 2;

let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer({ port: 0 });
});
afterAll(() => server.close());

describeEachEngine("session creates killed with SIGKILL", (engine) => {
  it("leaves exactly one TeamViewer session per Idempotency-Key after a kill mid-create and a retry of every key", async () => {
    const random = createSeededRandom(chooseTestSeed(`SIGKILL create [${engine.name}]`));
    const { env, dataDir, apiKey } = await prepareService(engine);
    // The simulator outlives one engine's run: count only the sessions this run makes.
    const before = new Set(await openSessionCodes());
    const madeNow = async () => (await openSessionCodes()).filter((code) => !before.has(code));
    // TeamViewer makes each session, then never finishes its answer.
    server.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "stall",
      times: "always",
    });

    const first = await spawnServiceInstance(env, { dataDir });
    let instance: ServiceInstance = first;
    try {
      await waitUntilReady(first);
      const keys = Array.from({ length: creates }, (_, index) => `ticket-${index}`);
      const inFlight = keys.map((key) => sendCreate(first, apiKey, key).catch(() => undefined));
      const madeBeforeKill = randomInt(random, 1, creates);
      while ((await madeNow()).length < madeBeforeKill) await delay(5);
      await delay(randomInt(random, 0, 100));
      await first.kill();
      await Promise.all(inFlight);
      console.info(`SIGKILL create [${engine.name}]: killed with ${(await madeNow()).length} sessions made`);

      server.simulator.admin.clearFaults();
      instance = await spawnServiceInstance(env, { dataDir });
      await waitUntilReady(instance);
      const answers = new Map<string, { id: string; code: string }>();
      for (const key of keys) answers.set(key, await retryUntilSettled(instance, apiKey, key));

      const codes = [...answers.values()].map((answer) => answer.code);
      expect(new Set(codes).size).toBe(creates);
      expect((await madeNow()).sort()).toEqual([...codes].sort());
      for (const [key, answer] of answers) {
        const replay = await sendCreate(instance, apiKey, key);
        expect(replay.headers.get("idempotent-replayed")).toBe("true");
        expect(await replay.json()).toMatchObject(answer);
      }
    } finally {
      await instance.stop();
    }
  }, 120_000);
});

describeEachEngine("session creates in a crash campaign", (engine) => {
  it("creates exactly one TeamViewer session per Idempotency-Key across kills at random points and a final retry", async () => {
    const random = createSeededRandom(chooseTestSeed(`SIGKILL create campaign [${engine.name}]`));
    const { env, dataDir, apiKey } = await prepareService(engine);
    const before = new Set(await openSessionCodes());
    const madeNow = async () => (await openSessionCodes()).filter((code) => !before.has(code));
    const keys = Array.from({ length: creates }, (_, index) => `campaign-${index}`);
    const killedAt: string[] = [];

    for (let round = 0; round < kills; round++) {
      // Each create meets TeamViewer answering at once, late, or never: a kill finds some before
      // their call, some waiting for it, some storing, some settling.
      server.simulator.admin.clearFaults();
      for (const _ of keys) {
        const draw = random();
        if (draw < 0.3) {
          server.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "stall" });
        } else if (draw < 0.7) {
          const delayMs = randomInt(random, 1, 400);
          server.simulator.admin.planFault({
            method: "POST",
            path: "/api/v1/sessions",
            kind: "delay",
            delayMs,
          });
        } else {
          server.simulator.admin.planFault({
            method: "POST",
            path: "/api/v1/sessions",
            kind: "delay",
            delayMs: 1,
          });
        }
      }
      const instance = await spawnServiceInstance(env, { dataDir });
      await waitUntilReady(instance);
      // The kill comes once a random number of this round's sessions exist, plus a moment.
      const madeBefore = (await madeNow()).length;
      const target = madeBefore + randomInt(random, 0, creates / 2);
      let isAnswered = false;
      const inFlight = Promise.all(
        keys.map((key) => sendCreate(instance, apiKey, key).catch(() => undefined)),
      );
      void inFlight.then(() => {
        isAnswered = true;
      });
      while (!isAnswered && (await madeNow()).length < target) await delay(5);
      const extraMs = randomInt(random, 0, 200);
      await delay(extraMs);
      await instance.kill();
      await inFlight;
      killedAt.push(
        `${target - madeBefore} made + ${extraMs} ms: ${(await madeNow()).length - madeBefore} made`,
      );
    }
    console.info(`SIGKILL create campaign [${engine.name}] kill points`, killedAt);

    server.simulator.admin.clearFaults();
    const last = await spawnServiceInstance(env, { dataDir });
    try {
      await waitUntilReady(last);
      const answers = new Map<string, { id: string; code: string }>();
      for (const key of keys) answers.set(key, await retryUntilSettled(last, apiKey, key));
      const codes = [...answers.values()].map((answer) => answer.code);
      expect(new Set(codes).size).toBe(creates);
      expect((await madeNow()).sort()).toEqual([...codes].sort());
    } finally {
      await last.stop();
    }
  }, 240_000);
});

/** The codes of every open session at the simulator, asked with the company's script token. */
async function openSessionCodes(): Promise<string[]> {
  const demo = server.simulator.demo();
  const response = await fetch(`${demo.apiBaseUrl}/sessions?full_list=true&state=open`, {
    headers: { authorization: `Bearer ${demo.scriptToken}` },
  });
  const { sessions } = (await response.json()) as { sessions: { code: string }[] };
  return sessions.map((session) => session.code);
}

function sendCreate(instance: ServiceInstance, apiKey: string, key: string): Promise<Response> {
  return fetch(`${instance.url}/api/v1/sessions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify({
      ticket: { externalId: key, title: `Ticket ${key}` },
      group: { name: "Helpdesk" },
    }),
  });
}

/** Sends the key again until it is no longer in flight (409), waiting as Retry-After says. */
async function retryUntilSettled(
  instance: ServiceInstance,
  apiKey: string,
  key: string,
): Promise<{ id: string; code: string }> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await sendCreate(instance, apiKey, key);
    if (response.status !== 409) {
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(201);
      return { id: body.id, code: body.code };
    }
    await delay(Number(response.headers.get("retry-after") ?? "1") * 1000);
  }
  throw new Error(`${key} stayed in flight`);
}

/** An organisation with a supporter connected to the simulator and an API key acting for them. */
async function prepareService(engine: TestEngine) {
  const settings = { ATTENDANT_KEYS: generateKeyEntry("kill-create"), ATTENDANT_DEMO: "false" };
  const config = await engine.createConfig(settings);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    if (config.keyring === undefined) throw new Error("the test config has a keyring");
    const vault = new SecretBox(config.keyring);
    const context = { db: database.db, vault, clock: systemClock, simulator: server.simulator };
    const organisation = await createSimulatedOrganisation(context, "http://localhost:3000");
    const supporter = await addSimulatedUser(
      { ...context, organisationId: organisation.id },
      { role: "supporter", email: "kenji@contoso.example", teamViewerUserid: "u7005" },
    );
    const admin = await createUser(database.db, {
      organisationId: organisation.id,
      email: "admin@contoso.example",
      role: "admin",
    });
    const { token } = await createApiKey(
      { database, clock: systemClock },
      { actor: actorOf(admin), name: "helpdesk", scopes: ["sessions:write"], actingUserId: supporter.id },
    );
    return {
      env: { ...settings, DATABASE_URL: config.databaseUrl ?? "" },
      dataDir: config.dataDir,
      apiKey: token,
    };
  } finally {
    await database.close();
  }
}
