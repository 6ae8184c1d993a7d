import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  isClaimAbandoned,
  releaseIdempotencyKey,
  resumeIdempotencyClaim,
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
      leaseExpiresAt: new Date(at.getTime() + 15_000),
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

  it("replays the stored answer, frees a released key, and forgets expired records", async () => {
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
    const again = await claim(later);
    expect(again.kind).toBe("claimed");
    const taken2 = await claim(later);
    if (taken2.kind !== "taken") throw new Error("expected the key to be taken");
    await releaseIdempotencyKey(database.db, taken2.record.id);
    expect((await claim(later)).kind).toBe("claimed");
  });

  it("keeps a claim whose owner died and lets exactly one repeat resume it once its lease lapsed", async () => {
    const { database, claim } = await setUp(engine);
    expect((await claim()).kind).toBe("claimed");
    const whileAlive = await claim(new Date(now.getTime() + 5_000));
    if (whileAlive.kind !== "taken") throw new Error("expected the key to be taken");
    expect(isClaimAbandoned(whileAlive.record, new Date(now.getTime() + 5_000))).toBe(false);
    const resume = (at: Date) =>
      resumeIdempotencyClaim(database.db, {
        id: whileAlive.record.id,
        now: at,
        leaseExpiresAt: new Date(at.getTime() + 15_000),
      });
    expect(await resume(new Date(now.getTime() + 5_000))).toBe(false);

    const afterLease = new Date(now.getTime() + 20_000);
    const stillThere = await claim(afterLease);
    if (stillThere.kind !== "taken") throw new Error("a dead owner's claim must stay, not start afresh");
    expect(stillThere.record.id).toBe(whileAlive.record.id);
    expect(isClaimAbandoned(stillThere.record, afterLease)).toBe(true);
    const resumed = await Promise.all(Array.from({ length: 5 }, () => resume(afterLease)));
    expect(resumed.filter(Boolean)).toHaveLength(1);
  });
});
