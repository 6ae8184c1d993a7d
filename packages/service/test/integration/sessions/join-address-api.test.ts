/**
 * Issue 25, "The REST API gives what the UI gives": a session created through the API is
 * answered with the end customer's join page address (`joinUrl`) beside TeamViewer's link, and a
 * new address can be made as on the session page. Only the answer that made an address carries
 * it (docs/adr/0035-join-address-in-api-answers.md).
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

const createBody = { ticket: sampleTicket, group: { name: "Helpdesk" } };
const joinUrlPattern = /^http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{43}$/;

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const key = await h.createKey(kenji);
  const created = await h.api("POST", "/api/v1/sessions", { key, json: createBody });
  expect(created.status).toBe(201);
  return { h, kenji, key, session: await created.json() };
}

/** What the end customer's browser gets for the address. */
async function joinStatus(h: SessionHarness, joinUrl: string) {
  return (await h.app.request(joinUrl)).status;
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect((await response.json()).code).toBe(code);
}

describeEachEngine("REST API: the join page address", (engine) => {
  it("answers a new session with a join page address that opens, beside TeamViewer's end-customer link", async () => {
    const { h, session } = await setUp(engine);
    expect(session.joinUrl).toMatch(joinUrlPattern);
    expect(session.endCustomerLink).toEqual(expect.any(String));
    expect(session.joinUrl).not.toBe(session.endCustomerLink);
    expect(await joinStatus(h, session.joinUrl)).toBe(200);
  });

  it("gives the address only in the answer that made it: reads and lists answer null", async () => {
    const { h, key, session } = await setUp(engine);
    const read = await (await h.api("GET", `/api/v1/sessions/${session.id}`, { key })).json();
    expect(read).toMatchObject({ id: session.id, joinUrl: null });
    const list = await (await h.api("GET", "/api/v1/sessions", { key })).json();
    expect(list.sessions).toEqual([expect.objectContaining({ id: session.id, joinUrl: null })]);
    const ticket = await (await h.api("GET", "/api/v1/tickets/4711/sessions", { key })).json();
    expect(ticket.sessions).toEqual([expect.objectContaining({ id: session.id, joinUrl: null })]);
    // Reading made no new address: the one from the create answer still opens.
    expect(await joinStatus(h, session.joinUrl)).toBe(200);
  });

  it("replays the same join address for a repeated Idempotency-Key, and it still opens", async () => {
    const h = await createSessionHarness(engine);
    const key = await h.createKey(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
    const send = () =>
      h.api("POST", "/api/v1/sessions", { key, json: createBody, headers: { "idempotency-key": "c-1" } });
    const first = await (await send()).json();
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await replay.json()).joinUrl).toBe(first.joinUrl);
    expect(await joinStatus(h, first.joinUrl)).toBe(200);
  });

  it("answers a repeat that adopts a session closed meanwhile with joinUrl null, not with a failure of the create that happened", async () => {
    const h = await createSessionHarness(engine);
    const key = await h.createKey(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
    const headers = { "idempotency-key": "c-1" };
    const first = await (await h.api("POST", "/api/v1/sessions", { key, json: createBody, headers })).json();
    expect((await h.api("POST", `/api/v1/sessions/${first.id}/close`, { key })).status).toBe(200);
    // What a kill between the session's commit and the key's settling leaves.
    await h.database.db.execute(
      sql`update idempotency_keys set state = 'in_flight', response_status = null,
            response_content_type = null, response_body_encrypted = null, lease_expires_at = null`,
    );
    const repeat = await h.api("POST", "/api/v1/sessions", { key, json: createBody, headers });
    expect(repeat.status).toBe(201);
    expect(await repeat.json()).toMatchObject({ id: first.id, state: "closed", joinUrl: null });
  });

  it("makes a new address on request, and the previous one stops opening", async () => {
    const { h, key, session } = await setUp(engine);
    const response = await h.api("POST", `/api/v1/sessions/${session.id}/join-address`, { key });
    expect(response.status).toBe(200);
    const renewed = await response.json();
    expect(renewed).toMatchObject({ id: session.id, status: "waiting" });
    expect(renewed.joinUrl).toMatch(joinUrlPattern);
    expect(renewed.joinUrl).not.toBe(session.joinUrl);
    expect(await joinStatus(h, renewed.joinUrl)).toBe(200);
    expect(await joinStatus(h, session.joinUrl)).toBe(404);
  });

  it("refuses a new address for a closed session, a read-only key, a colleague and a malformed id, keeping the address that works", async () => {
    const { h, kenji, key, session } = await setUp(engine);
    const path = `/api/v1/sessions/${session.id}/join-address`;
    await expectProblem(
      await h.api("POST", path, { key: await h.createKey(kenji, ["sessions:read"]) }),
      403,
      "missing-scope",
    );
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    await expectProblem(
      await h.api("POST", path, { key: await h.createKey(colleague) }),
      404,
      "session-not-found",
    );
    await expectProblem(
      await h.api("POST", "/api/v1/sessions/not-a-uuid/join-address", { key }),
      400,
      "invalid-request",
    );
    expect(await joinStatus(h, session.joinUrl)).toBe(200);

    expect((await h.api("POST", `/api/v1/sessions/${session.id}/close`, { key })).status).toBe(200);
    await expectProblem(await h.api("POST", path, { key }), 409, "session-ended");
  });
});
