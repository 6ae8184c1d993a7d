/**
 * Issue 20, item 4: an Idempotency-Key whose request died between the TeamViewer create and
 * settling the key is reconciled, not re-run. These tests leave behind exactly what a killed
 * process leaves (an in-flight claim, and a TeamViewer session carrying the claim's correlation
 * id, or a stored session) and send the repeat; faults/sigkill-session-create.test.ts kills a
 * real process. The orphan sweep closes what no repeat will adopt.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { claimLeaseMs, fingerprintOf, idempotencyKeyLifetimeMs } from "../../../src/api/idempotency.js";
import { claimIdempotencyKey } from "../../../src/db/repositories/idempotency-keys.js";
import type { User } from "../../../src/db/repositories/users.js";
import { closeOrphanedSessions, orphanGraceMs } from "../../../src/sessions/close-orphaned-sessions.js";
import { customApiFor } from "../../../src/sessions/find-session-by-correlation.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

const createBody = { ticket: sampleTicket, group: { name: "Helpdesk" } };
const headers = { "idempotency-key": "create-4711" };

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const key = await h.createKey(kenji);
  const send = () => h.api("POST", "/api/v1/sessions", { key, json: createBody, headers });
  return { h, kenji, key, send };
}

/** The in-flight claim a process leaves when it dies after claiming the key. */
function leaveInFlightClaim(h: SessionHarness): Promise<string> {
  return leaveInFlightClaimFor(h, headers["idempotency-key"]);
}

async function leaveInFlightClaimFor(h: SessionHarness, key: string): Promise<string> {
  const [apiKey] = await queryRows<{ id: string }>(h.database.db, sql`select id from api_keys`);
  const id = randomUUID();
  const now = h.clock.now();
  await claimIdempotencyKey(h.database.db, h.deps.vault, {
    id,
    organisationId: h.organisationId,
    callerId: `api-key:${apiKey?.id}`,
    key,
    requestFingerprint: fingerprintOf("POST", "/api/v1/sessions", JSON.stringify(createBody)),
    now,
    expiresAt: new Date(now.getTime() + idempotencyKeyLifetimeMs),
    leaseExpiresAt: new Date(now.getTime() + claimLeaseMs),
  });
  return id;
}

/** The TeamViewer session the dead process's create made, its answer never read. */
async function createAtTeamViewerAs(h: SessionHarness, user: User, correlationId: string) {
  const client = await h.deps.teamViewer.createTeamViewerClientFor({
    userId: user.id,
    organisationId: h.organisationId,
  });
  return client.sessions.create({ groupname: "Helpdesk", custom_api: customApiFor(correlationId) });
}

async function storedSessionCodes(h: SessionHarness): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(h.database.db, sql`select code from support_sessions`);
  return rows.map((row) => row.code);
}

describeEachEngine("Idempotency-Key after a crash", (engine) => {
  it("answers 409 with Retry-After only while the claim's lease lives, then adopts the TeamViewer session the dead request made", async () => {
    const { h, kenji, send } = await setUp(engine);
    const correlationId = await leaveInFlightClaim(h);
    const orphan = await createAtTeamViewerAs(h, kenji, correlationId);

    const whileLeased = await send();
    expect(whileLeased.status).toBe(409);
    expect(Number(whileLeased.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(whileLeased.headers.get("retry-after"))).toBeLessThanOrEqual(claimLeaseMs / 1000);

    h.clock.advance(claimLeaseMs);
    const resumed = await send();
    expect(resumed.status).toBe(201);
    const body = await resumed.json();
    expect(body.code).toBe(orphan.code);
    expect(body.supporterLinks.supporterLink).toEqual(expect.any(String));
    expect(await storedSessionCodes(h)).toEqual([orphan.code]);
    expect((await h.teamViewerSessions()).map((session) => session.code)).toEqual([orphan.code]);

    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).id).toBe(body.id);
  });

  it("settles a key whose session was stored but never settled to that session, creating nothing", async () => {
    const { h, send } = await setUp(engine);
    const first = await (await send()).json();
    // What a kill between the session's commit and the key's settling leaves.
    await h.database.db.execute(
      sql`update idempotency_keys set state = 'in_flight', response_status = null,
            response_content_type = null, response_body_encrypted = null, lease_expires_at = null`,
    );
    const repeat = await send();
    expect(repeat.status).toBe(201);
    expect((await repeat.json()).id).toBe(first.id);
    expect(await h.teamViewerSessions()).toHaveLength(1);
    expect(await storedSessionCodes(h)).toEqual([first.code]);
  });

  it("creates the session under the claim's correlation id when the dead request made none", async () => {
    const { h, send } = await setUp(engine);
    const correlationId = await leaveInFlightClaim(h);
    h.clock.advance(claimLeaseMs);
    const repeat = await send();
    expect(repeat.status).toBe(201);
    const remote = await h.teamViewerSessions();
    expect(remote.map((session) => session.custom_api)).toEqual([customApiFor(correlationId)]);
  });

  it("creates nothing when TeamViewer cannot say whether the dead request made the session", async () => {
    const { h, kenji, send } = await setUp(engine);
    const correlationId = await leaveInFlightClaim(h);
    await createAtTeamViewerAs(h, kenji, correlationId);
    h.clock.advance(claimLeaseMs);
    h.simulator.admin.planFault({
      method: "GET",
      path: "/api/v1/sessions",
      kind: "status",
      status: 503,
      times: "always",
    });
    const repeat = await send();
    expect(repeat.status).toBeGreaterThanOrEqual(500);
    h.simulator.admin.clearFaults();
    expect(await h.teamViewerSessions()).toHaveLength(1);

    const later = await send();
    expect(later.status).toBe(201);
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("closes the sessions TeamViewer holds for a correlation id we issued but never stored, once no repeat can adopt them", async () => {
    const { h, kenji, send } = await setUp(engine);
    const stored = await (await send()).json();
    const [claim] = await queryRows<{ id: string }>(h.database.db, sql`select id from idempotency_keys`);
    // A second session under the settled key's correlation id: a duplicate nobody will adopt.
    const duplicate = await createAtTeamViewerAs(h, kenji, claim?.id ?? "");
    // A key whose request died and was never repeated, until the key expired.
    const abandonedClaim = await leaveInFlightClaimFor(h, "create-4712");
    const abandoned = await createAtTeamViewerAs(h, kenji, abandonedClaim);
    await h.database.db.execute(
      sql`update idempotency_keys set expires_at = ${h.clock.now().toISOString()} where id = ${abandonedClaim}`,
    );
    // Our prefix, but no claim of ours: perhaps another installation on the same account.
    const someoneElses = await createAtTeamViewerAs(h, kenji, randomUUID());
    const client = await h.deps.teamViewer.createTeamViewerClientFor({
      userId: kenji.id,
      organisationId: h.organisationId,
    });
    const notAttendants = await client.sessions.create({ groupname: "Helpdesk", custom_api: "crm:77" });
    const stateOf = async (code: string) =>
      (await h.teamViewerSessions()).find((session) => session.code === code)?.state;

    // Young enough to be a create still in progress: left alone.
    expect(await closeOrphanedSessions(h.deps)).toMatchObject({ closed: 0, notOurs: 1 });
    const awaited = await createAtTeamViewerAs(h, kenji, await leaveInFlightClaimFor(h, "create-4713"));
    h.clock.advance(orphanGraceMs);

    expect(await closeOrphanedSessions(h.deps)).toEqual({
      closed: 2,
      awaitingRepeat: 1,
      notOurs: 1,
      unreachable: 0,
    });
    expect(await stateOf(duplicate.code)).toBe("Closed");
    expect(await stateOf(abandoned.code)).toBe("Closed");
    expect(await stateOf(awaited.code)).toBe("Open");
    expect(await stateOf(someoneElses.code)).toBe("Open");
    expect(await stateOf(stored.code)).toBe("Open");
    expect(await stateOf(notAttendants.code)).toBe("Open");
    expect(h.logs()).toContain("closed a TeamViewer session Attendant created but never stored");
  });
});
