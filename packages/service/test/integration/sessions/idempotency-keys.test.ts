import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from "../../../src/db/repositories/idempotency-keys.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { parseKeyring } from "../../../src/vault/keyring.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { generateKeyEntry } from "../../support/keys.js";

const vault = new SecretBox(parseKeyring({ keys: generateKeyEntry("k1") }));
const now = new Date("2030-01-01T00:00:00Z");

async function setUp(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  await migrate(database);
  const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
  const claim = (at = now) =>
    claimIdempotencyKey(database.db, vault, {
      id: randomUUID(),
      organisationId: organisation.id,
      callerId: "api-key:1",
      key: "k-1",
      requestFingerprint: "fp",
      now: at,
      expiresAt: new Date(at.getTime() + 24 * 3600 * 1000),
      abandonedBefore: new Date(at.getTime() - 10 * 60_000),
    });
  return { database, claim };
}

describeEachEngine("idempotency keys", (engine) => {
  it("lets exactly one of many concurrent requests claim a key", async () => {
    const { claim } = await setUp(engine);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => claim()));
    expect(outcomes.filter((outcome) => outcome.kind === "claimed")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === "taken")).toHaveLength(9);
  });

  it("replays the stored answer, frees a released key, and forgets expired or abandoned claims", async () => {
    const { database, claim } = await setUp(engine);
    const first = await claim();
    expect(first.kind).toBe("claimed");
    const taken = await claim();
    if (taken.kind !== "taken") throw new Error("expected the key to be taken");
    expect(taken.record.state).toBe("in_flight");
    await completeIdempotencyKey(database.db, vault, taken.record.id, {
      status: 201,
      contentType: "application/json",
      body: '{"ok":true}',
    });
    const replay = await claim();
    expect(replay.kind === "taken" && replay.record.response).toEqual({
      status: 201,
      contentType: "application/json",
      body: '{"ok":true}',
    });
    expect((await claim(new Date(now.getTime() + 25 * 3600 * 1000))).kind).toBe("claimed");

    const later = new Date(now.getTime() + 50 * 3600 * 1000);
    const stuck = await claim(later);
    expect(stuck.kind).toBe("claimed");
    expect((await claim(new Date(later.getTime() + 11 * 60_000))).kind).toBe("claimed");
    const again = await claim(new Date(later.getTime() + 11 * 60_000));
    if (again.kind !== "taken") throw new Error("expected the key to be taken");
    await releaseIdempotencyKey(database.db, again.record.id);
    expect((await claim(new Date(later.getTime() + 11 * 60_000))).kind).toBe("claimed");
  });
});
