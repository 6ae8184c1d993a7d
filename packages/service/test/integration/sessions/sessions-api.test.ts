import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { listApiKeys, revokeApiKey } from "../../../src/api-keys/api-keys.js";
import { deleteTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import { updateUser } from "../../../src/db/repositories/users.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { connectToSimulatedAccount } from "../../support/simulated-users.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

const createBody = {
  ticket: sampleTicket,
  group: { name: "Helpdesk" },
  description: "Outlook does not start",
};

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const key = await h.createKey(kenji);
  return { h, kenji, key };
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem.requestId).toEqual(expect.any(String));
  return problem;
}

async function countSessions(h: SessionHarness) {
  const [row] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from support_sessions`,
  );
  return row?.n;
}

describeEachEngine("REST API /api/v1", (engine) => {
  it("creates a session and answers it in camelCase with the supporter links", async () => {
    const { h, key } = await setUp(engine);
    const response = await h.api("POST", "/api/v1/sessions", { key, json: createBody });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      code: expect.stringMatching(/^s\d/),
      endCustomerLink: expect.any(String),
      status: "waiting",
    });
    expect(body.supporterLinks.supporterLink).toContain("/v15/");
    expect(response.headers.get("location")).toBe(`/api/v1/sessions/${body.id}`);

    const read = await (await h.api("GET", `/api/v1/sessions/${body.id}`, { key })).json();
    expect(read.supporterLinks).toBeUndefined();
    const revealed = await (
      await h.api("GET", `/api/v1/sessions/${body.id}?include=supporterLinks`, { key })
    ).json();
    expect(revealed.supporterLinks).toEqual(body.supporterLinks);

    const list = await (await h.api("GET", "/api/v1/tickets/4711/sessions", { key })).json();
    expect(list.sessions.map((s: { id: string }) => s.id)).toEqual([body.id]);
    const patched = await h.api("PATCH", `/api/v1/sessions/${body.id}`, {
      key,
      json: { waitingMessage: "One minute" },
    });
    expect((await patched.json()).waitingMessage).toBe("One minute");
    const closed = await h.api("POST", `/api/v1/sessions/${body.id}/close`, { key });
    expect((await closed.json()).state).toBe("closed");
  });

  it("answers a session for an existing ticket with another title with the ticket's own title", async () => {
    const { h, key } = await setUp(engine);
    await h.api("POST", "/api/v1/sessions", { key, json: createBody });
    const renamed = { ...createBody, ticket: { externalId: sampleTicket.externalId, title: "Printer jams" } };
    const response = await h.api("POST", "/api/v1/sessions", { key, json: renamed });
    expect(response.status).toBe(201);
    expect((await response.json()).ticket.title).toBe(sampleTicket.title);
    const sessions = await (await h.api("GET", "/api/v1/tickets/4711/sessions", { key })).json();
    expect(sessions.sessions.map((s: { ticket: { title: string } }) => s.ticket.title)).toEqual([
      sampleTicket.title,
      sampleTicket.title,
    ]);
  });

  it("replays the first answer for a repeated Idempotency-Key", async () => {
    const { h, key } = await setUp(engine);
    const send = (json: unknown) =>
      h.api("POST", "/api/v1/sessions", { key, json, headers: { "idempotency-key": "create-4711" } });
    const first = await send(createBody);
    const replay = await send({
      group: createBody.group,
      description: createBody.description,
      ticket: sampleTicket,
    });
    expect(replay.status).toBe(first.status);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("refuses the same Idempotency-Key with another body (422) and while the first is in flight (409)", async () => {
    const { h, key } = await setUp(engine);
    const headers = { "idempotency-key": "k-1" };
    // The first request waits at TeamViewer, so the second arrives while it is in flight.
    h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "delay", delayMs: 300 });
    const first = h.api("POST", "/api/v1/sessions", { key, json: createBody, headers });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectProblem(await h.api("POST", "/api/v1/sessions", { key, json: createBody, headers }), 409);
    expect((await first).status).toBe(201);
    const other = { ...createBody, description: "Something else" };
    const reused = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key, json: other, headers }),
      422,
    );
    expect(reused.code).toBe("idempotency-key-reused");
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("scopes Idempotency-Keys per API key", async () => {
    const { h, kenji, key } = await setUp(engine);
    const otherKey = await h.createKey(kenji);
    const headers = { "idempotency-key": "same" };
    await h.api("POST", "/api/v1/sessions", { key, json: createBody, headers });
    const second = await h.api("POST", "/api/v1/sessions", { key: otherKey, json: createBody, headers });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
  });

  it("answers 401 for a missing, wrong or revoked key and 403 for a missing scope", async () => {
    const { h, kenji, key } = await setUp(engine);
    expect((await h.api("GET", "/api/v1/sessions", { key })).status).toBe(200);
    const missing = await expectProblem(await h.api("GET", "/api/v1/sessions"), 401);
    expect(missing.code).toBe("invalid-api-key");
    const tampered = `${key.slice(0, -4)}AAAA`;
    await expectProblem(await h.api("GET", "/api/v1/sessions", { key: tampered }), 401);
    await expectProblem(await h.api("GET", "/api/v1/sessions", { key: "atd_nonsense" }), 401);

    const readOnly = await h.createKey(kenji, ["sessions:read"]);
    expect((await h.api("GET", "/api/v1/sessions", { key: readOnly })).status).toBe(200);
    const scoped = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key: readOnly, json: createBody }),
      403,
    );
    expect(scoped.code).toBe("missing-scope");

    const admin = await h.addUser("admin");
    const [summary] = (await listApiKeys(h.deps, { actor: h.actorOf(admin) })).filter((k) =>
      key.includes(k.prefix),
    );
    expect(summary?.lastUsedAt).not.toBeNull();
    await revokeApiKey(h.deps, { actor: h.actorOf(admin), apiKeyId: summary?.id ?? "" });
    await expectProblem(await h.api("GET", "/api/v1/sessions", { key }), 401);
  });

  // After a request that authenticated, so that on PGlite the key is in memory (api-key-memory.ts).
  it("stops accepting a supporter's key from the request after the supporter is disabled", async () => {
    const { h, kenji, key } = await setUp(engine);
    expect((await h.api("POST", "/api/v1/sessions", { key, json: createBody })).status).toBe(201);
    await updateUser(h.database.db, kenji.id, { isDisabled: true }, h.clock.now());
    const refused = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key, json: createBody }),
      401,
    );
    expect(refused.code).toBe("invalid-api-key");
    expect(await countSessions(h)).toBe(1);

    await updateUser(h.database.db, kenji.id, { isDisabled: false }, h.clock.now());
    expect((await h.api("POST", "/api/v1/sessions", { key, json: createBody })).status).toBe(201);
  });

  it("creates with the supporter's TeamViewer connection and app as stored at that moment", async () => {
    const { h, kenji, key } = await setUp(engine);
    expect((await h.api("POST", "/api/v1/sessions", { key, json: createBody })).status).toBe(201);

    await deleteTeamViewerConnection(h.database.db, kenji.id);
    const disconnected = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key, json: createBody }),
      409,
    );
    expect(disconnected.code).toBe("not-connected");

    // Reconnected to another TeamViewer account: sessions are now opened as u7006.
    await connectToSimulatedAccount({ ...h.deps, db: h.database.db, simulator: h.simulator }, kenji, "u7006");
    const reconnected = await h.api("POST", "/api/v1/sessions", {
      key,
      json: { ...createBody, group: { name: "Field Service" } },
    });
    expect(reconnected.status).toBe(201);
    const { code } = await reconnected.json();
    expect((await h.teamViewerSessions()).find((session) => session.code === code)?.assigned_userid).toBe(
      "u7006",
    );

    await h.database.db.execute(sql`delete from teamviewer_apps`);
    const withoutApp = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key, json: createBody }),
      409,
    );
    expect(withoutApp.code).toBe("not-configured");
  });

  it("records a key's last use to the minute, without a write on every request", async () => {
    const { h, key } = await setUp(engine);
    const admin = await h.addUser("admin");
    const lastUsed = async () =>
      (await listApiKeys(h.deps, { actor: h.actorOf(admin) })).find((k) => key.includes(k.prefix))
        ?.lastUsedAt;
    await h.api("GET", "/api/v1/sessions", { key });
    const first = await lastUsed();
    expect(first).toEqual(h.clock.now());
    h.clock.advance(30_000);
    await h.api("GET", "/api/v1/sessions", { key });
    expect(await lastUsed()).toEqual(first);
    h.clock.advance(30_000);
    await h.api("GET", "/api/v1/sessions", { key });
    expect(await lastUsed()).toEqual(h.clock.now());
  });

  it("lists every bad field of a create request and stores nothing", async () => {
    const { h, key } = await setUp(engine);
    const response = await h.api("POST", "/api/v1/sessions", {
      key,
      json: {
        ticket: { externalId: "", title: "x", requesterEmail: "not-an-address", url: "ftp://x" },
        group: { id: "40211" },
        description: "d".repeat(4001),
        unexpected: true,
      },
    });
    const problem = await expectProblem(response, 400);
    const fields = problem.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "ticket.externalId",
        "ticket.requesterEmail",
        "ticket.url",
        "group.id",
        "description",
        "unexpected",
      ]),
    );
    expect(await countSessions(h)).toBe(0);
    expect(await h.teamViewerSessions()).toEqual([]);
  });

  it("answers a body that is not JSON, or not declared as JSON, with a coded problem that says how to fix it", async () => {
    const { h, key } = await setUp(engine);
    const malformed = await expectProblem(
      await h.api("POST", "/api/v1/sessions", {
        key,
        headers: { "content-type": "application/json" },
        body: '{"ticket": {',
      }),
      400,
    );
    expect(malformed.code).toBe("malformed-request");
    expect(malformed.detail).toContain("valid JSON");
    const undeclared = await h.api("POST", "/api/v1/sessions", { key, body: JSON.stringify(createBody) });
    expect(undeclared.status).toBeGreaterThanOrEqual(400);
    expect(undeclared.status).toBeLessThan(500);
    const problem = await expectProblem(undeclared, undeclared.status);
    expect(problem.code).toEqual(expect.any(String));
    expect(await h.teamViewerSessions()).toHaveLength(0);
  });

  it("answers bad input on every endpoint with a 4xx problem naming the field", async () => {
    const { h, key } = await setUp(engine);
    const cases: [string, string, unknown, number, string][] = [
      ["POST", "/api/v1/sessions", undefined, 400, ""],
      ["GET", "/api/v1/sessions?state=lost", undefined, 400, "state"],
      ["GET", "/api/v1/sessions?limit=0", undefined, 400, "limit"],
      ["GET", "/api/v1/sessions?cursor=abc", undefined, 400, "cursor"],
      ["GET", "/api/v1/sessions?from=yesterday", undefined, 400, "from"],
      ["GET", "/api/v1/sessions/not-a-uuid", undefined, 400, "id"],
      ["PATCH", "/api/v1/sessions/not-a-uuid", { description: "x" }, 400, "id"],
      ["PATCH", "/api/v1/sessions/00000000-0000-4000-8000-000000000000", {}, 400, ""],
      [
        "PATCH",
        "/api/v1/sessions/00000000-0000-4000-8000-000000000000",
        { assignedUserId: "u7006" },
        400,
        "assignedUserId",
      ],
      ["POST", "/api/v1/sessions/not-a-uuid/close", undefined, 400, "id"],
      ["GET", "/api/v1/tickets/4711/sessions?state=x", undefined, 400, "state"],
      ["POST", "/api/v1/tickets/4711/close", { closeOpenSessions: "yes" }, 400, "closeOpenSessions"],
    ];
    for (const [method, path, json, status, field] of cases) {
      const problem = await expectProblem(await h.api(method, path, { key, json }), status);
      if (field !== "")
        expect(
          problem.errors.map((e: { field: string }) => e.field),
          `${method} ${path}`,
        ).toContain(field);
    }
    const malformed = await h.api("POST", "/api/v1/sessions", {
      key,
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    await expectProblem(
      await h.api("GET", "/api/v1/sessions/00000000-0000-4000-8000-000000000000", { key }),
      404,
    );
    await expectProblem(await h.api("POST", "/api/v1/tickets/unknown/close", { key }), 404);
    expect(await countSessions(h)).toBe(0);
  });

  it("answers a long TeamViewer rate limit with 429, Retry-After and a localised detail", async () => {
    const { h, key } = await setUp(engine);
    h.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 429,
      retryAfterSeconds: 30,
    });
    const response = await h.api("POST", "/api/v1/sessions", {
      key,
      json: createBody,
      headers: { "accept-language": "de" },
    });
    const problem = await expectProblem(response, 429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(problem).toMatchObject({
      code: "rate-limited",
      retryAfterSeconds: 30,
      messageKey: "sessions.error.rateLimited",
    });
    expect(problem.detail).toContain("30 Sekunden");
  });

  it("lets an organisation-wide key create for a named supporter, answers 400 when none is named, and lists the organisation", async () => {
    const { h, kenji } = await setUp(engine);
    const orgKey = await h.createKey(null);
    const withoutSupporter = await expectProblem(
      await h.api("POST", "/api/v1/sessions", { key: orgKey, json: createBody }),
      400,
    );
    expect(withoutSupporter.code).toBe("supporter-required");
    expect(withoutSupporter.detail).toContain("supporterUserId");
    const created = await h.api("POST", "/api/v1/sessions", {
      key: orgKey,
      json: { ...createBody, supporterUserId: kenji.id },
    });
    expect(created.status).toBe(201);
    const list = await (await h.api("GET", "/api/v1/sessions", { key: orgKey })).json();
    expect(list.sessions).toHaveLength(1);
  });

  it("closes a reported-closed ticket's sessions through the API", async () => {
    const { h, key } = await setUp(engine);
    const created = await (await h.api("POST", "/api/v1/sessions", { key, json: createBody })).json();
    const response = await h.api("POST", "/api/v1/tickets/4711/close", {
      key,
      json: { closeOpenSessions: true },
    });
    expect(await response.json()).toMatchObject({
      ticket: { externalId: "4711", status: "closed" },
      closedSessionIds: [created.id],
      failedSessions: [],
    });
  });
});
