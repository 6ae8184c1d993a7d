import { describe, expect, it } from "vitest";
import {
  call,
  createSession,
  expectApiError,
  ORIGIN,
  SCRIPT_TOKEN,
  SESSION_CODE,
  startSimulator,
  userToken,
  WIRE_DATE,
} from "./support.js";

const FULL_KEYS = [
  "assigned_at",
  "assigned_userid",
  "code",
  "created_at",
  "custom_api",
  "description",
  "end_customer",
  "end_customer_link",
  "groupid",
  "online",
  "state",
  "support_session_type",
  "supporter_link",
  "valid_until",
  "waiting_message",
  "webclient_supporter_link",
];

describe("POST /sessions (docs/teamviewer-api.md §3)", () => {
  it("answers 200 with the full session object and the real link shapes", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "POST", "/api/v1/sessions", {
      token: userToken(sim),
      json: {
        groupid: "g40211",
        description: "Outlook does not start",
        waiting_message: "Your technician will join shortly",
        end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
        custom_api: "attendant:7f3c",
      },
    });
    expect(answer.status).toBe(200);
    const session = answer.body;
    expect(Object.keys(session).sort()).toEqual(FULL_KEYS);
    expect(session.code).toMatch(SESSION_CODE);
    expect(session).toMatchObject({
      state: "Open",
      groupid: "g40211",
      assigned_userid: "u7005",
      online: false,
      support_session_type: "Default",
      created_at: "2026-03-02T09:00:00Z",
      valid_until: "2026-03-03T09:00:00Z",
      end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
    });
    expect(session.assigned_at).toMatch(WIRE_DATE);
    const compact = session.code.replaceAll("-", "");
    expect(session.end_customer_link).toBe(`${ORIGIN}/v15/${compact}`);
    expect(session.supporter_link).toMatch(new RegExp(`^${ORIGIN}/v15/${compact}-[A-Za-z0-9]{12}$`));
    const token = session.supporter_link.slice(-12);
    expect(session.webclient_supporter_link).toBe(
      `${ORIGIN}/Connect/IndexByol?sessioncode=${compact}&servicequeuetoken=${token}&lang=en&displayName=Kenji+Sato`,
    );
  });

  it("creates a group named by groupname that does not exist yet", async () => {
    const sim = startSimulator();
    const token = userToken(sim);
    const session = await createSession(sim, token, { groupid: undefined, groupname: "Walk-ins" });
    const groups = await call(sim, "GET", "/api/v1/groups?name=Walk-ins", { token });
    expect(groups.body.groups[0].id).toBe(session.groupid);
    const again = await createSession(sim, token, { groupid: undefined, groupname: "walk-ins" });
    expect(again.groupid).toBe(session.groupid);
  });

  it("accepts groupid and groupname together only when they name the same group", async () => {
    const sim = startSimulator();
    const token = userToken(sim);
    await createSession(sim, token, { groupid: "g40211", groupname: "Helpdesk" });
    const conflict = await call(sim, "POST", "/api/v1/sessions", {
      token,
      json: { groupid: "g40211", groupname: "Other" },
    });
    expectApiError(conflict, 400, "invalid_request");
  });

  it.each([
    ["no group", {}],
    ["a malformed groupid", { groupid: "40211" }],
    ["an unknown groupid", { groupid: "g1" }],
    ["a description over 4000 characters", { groupid: "g40211", description: "x".repeat(4001) }],
    ["a custom_api over 4000 characters", { groupid: "g40211", custom_api: "x".repeat(4001) }],
    [
      "an end customer name over 100 characters",
      { groupid: "g40211", end_customer: { name: "x".repeat(101) } },
    ],
    [
      "an end customer e-mail over 254 characters",
      { groupid: "g40211", end_customer: { email: "x".repeat(255) } },
    ],
    ["a malformed assigned_userid", { groupid: "g40211", assigned_userid: "7005" }],
    ["an assignee of another company", { groupid: "g40211", assigned_userid: "u8001" }],
    ["an unknown support_session_type", { groupid: "g40211", support_session_type: "Remote" }],
    ["a malformed valid_until", { groupid: "g40211", valid_until: "tomorrow" }],
    ["a past valid_until", { groupid: "g40211", valid_until: "2020-01-01" }],
    ["a description that is not text", { groupid: "g40211", description: 5 }],
  ])("answers 400 invalid_request for %s", async (_, json) => {
    const sim = startSimulator();
    expectApiError(
      await call(sim, "POST", "/api/v1/sessions", { token: userToken(sim), json }),
      400,
      "invalid_request",
    );
  });

  it("answers 400 for a body that is not JSON", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "POST", "/api/v1/sessions", {
      token: userToken(sim),
      headers: { "content-type": "application/json" },
      form: { x: "1" },
    });
    expectApiError(answer, 400, "invalid_request");
  });

  it("takes valid_until (date-only means midnight UTC), Pilot and an explicit assignee", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, userToken(sim), {
      valid_until: "2026-03-05",
      support_session_type: "pilot",
      assigned_userid: "u7006",
    });
    expect(session).toMatchObject({
      valid_until: "2026-03-05T00:00:00Z",
      support_session_type: "Pilot",
      assigned_userid: "u7006",
    });
    expect(session.webclient_supporter_link).toContain("displayName=Ana+Lima");
  });

  it("answers the licence limit as a 400 plain string", async () => {
    const sim = startSimulator();
    sim.admin.createAccount({
      userid: "u9001",
      name: "Solo",
      email: "solo@example.com",
      license: { maxConcurrentSessions: 1 },
    });
    sim.admin.createGroup({ id: "g90001", name: "Solo", ownerUserid: "u9001" });
    const { token } = sim.admin.createScriptToken({ ownerUserid: "u9001" });
    await createSession(sim, token, { groupid: "g90001" });
    const limited = await call(sim, "POST", "/api/v1/sessions", { token, json: { groupid: "g90001" } });
    expect(limited.status).toBe(400);
    expect(typeof limited.body).toBe("string");
    expect(limited.body).toContain("license limitations");
    sim.admin.configure({ quirks: { licenseLimitBody: "text" } });
    const text = await call(sim, "POST", "/api/v1/sessions", { token, json: { groupid: "g90001" } });
    expect(text.headers.get("content-type")).toContain("text/plain");
    expect(text.text).toContain("license limitations");
  });

  it("answers 201 with only a Location under the sessionCreateAnswer=location switch", async () => {
    const sim = startSimulator({ quirks: { sessionCreateAnswer: "location" } });
    const answer = await call(sim, "POST", "/api/v1/sessions", {
      token: SCRIPT_TOKEN,
      json: { groupid: "g40211" },
    });
    expect(answer.status).toBe(201);
    expect(answer.text).toBe("");
    const location = answer.headers.get("location") ?? "";
    expect(location).toMatch(/\/api\/v1\/sessions\/s\d{2,3}-\d{3}-\d{3}$/);
    expect((await call(sim, "GET", location, { token: SCRIPT_TOKEN })).status).toBe(200);
  });

  it("can send absent fields as null under the absentFields=null switch", async () => {
    const sim = startSimulator({ quirks: { absentFields: "null" } });
    const session = await createSession(sim, SCRIPT_TOKEN);
    expect(session.description).toBeNull();
    expect(session.closed_at).toBeNull();
  });
});

describe("GET /sessions (docs/teamviewer-api.md §3)", () => {
  it("lists open sessions newest first, briefly without full_list", async () => {
    const sim = startSimulator();
    const first = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.advanceClock(1000);
    const second = await createSession(sim, SCRIPT_TOKEN);
    const answer = await call(sim, "GET", "/api/v1/sessions", { token: SCRIPT_TOKEN });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sessions: [
        { code: second.code, state: "Open", groupid: "g40211" },
        { code: first.code, state: "Open", groupid: "g40211" },
      ],
      sessions_remaining: 0,
    });
  });

  it("gives full objects with full_list=True", async () => {
    const sim = startSimulator();
    await createSession(sim, SCRIPT_TOKEN);
    const answer = await call(sim, "GET", "/api/v1/sessions?full_list=True", { token: SCRIPT_TOKEN });
    expect(Object.keys(answer.body.sessions[0]).sort()).toEqual(
      ["assigned_at", "assigned_userid", "code", "created_at", "end_customer_link", "groupid", "online"]
        .concat([
          "state",
          "support_session_type",
          "supporter_link",
          "valid_until",
          "webclient_supporter_link",
        ])
        .sort(),
    );
  });

  it("pages with offset, next_offset and sessions_remaining", async () => {
    const sim = startSimulator({ pageSize: { sessions: 2 } });
    const codes: string[] = [];
    for (let index = 0; index < 5; index++) codes.unshift((await createSession(sim, SCRIPT_TOKEN)).code);
    const seen: string[] = [];
    let offset: string | undefined;
    const remainders: number[] = [];
    do {
      const answer = await call(sim, "GET", `/api/v1/sessions${offset ? `?offset=${offset}` : ""}`, {
        token: SCRIPT_TOKEN,
      });
      seen.push(...answer.body.sessions.map((session: { code: string }) => session.code));
      remainders.push(answer.body.sessions_remaining);
      offset = answer.body.next_offset;
    } while (offset);
    expect(seen).toEqual(codes);
    expect(remainders).toEqual([3, 1, 0]);
  });

  it("filters by state (lower case in, capitalised out), groupid and assigned_userid", async () => {
    const sim = startSimulator();
    const open = await createSession(sim, SCRIPT_TOKEN, { assigned_userid: "u7006" });
    const closed = await createSession(sim, SCRIPT_TOKEN, { groupid: "g40212" });
    await call(sim, "PUT", `/api/v1/sessions/${closed.code}`, {
      token: SCRIPT_TOKEN,
      json: { state: "closed" },
    });
    const codes = async (query: string) =>
      (await call(sim, "GET", `/api/v1/sessions?${query}`, { token: SCRIPT_TOKEN })).body.sessions.map(
        (session: { code: string; state: string }) => `${session.code}:${session.state}`,
      );
    expect(await codes("state=closed")).toEqual([`${closed.code}:Closed`]);
    expect(await codes("state=open,closed")).toEqual([`${closed.code}:Closed`, `${open.code}:Open`]);
    expect(await codes("state=open,closed&groupid=g40212")).toEqual([`${closed.code}:Closed`]);
    expect(await codes("assigned_userid=u7006")).toEqual([`${open.code}:Open`]);
  });

  it.each([
    ["state=pending"],
    ["groupid=40211"],
    ["assigned_userid=x"],
    ["full_list=yes"],
    ["offset=s111-111-111"],
  ])("answers 400 invalid_request for %s", async (query) => {
    const sim = startSimulator();
    expectApiError(
      await call(sim, "GET", `/api/v1/sessions?${query}`, { token: SCRIPT_TOKEN }),
      400,
      "invalid_request",
    );
  });

  it("shows a user token only the sessions of its groups and its own", async () => {
    const sim = startSimulator();
    const anas = await createSession(sim, userToken(sim, "u7006"), { groupid: "g40212" });
    const answer = await call(sim, "GET", "/api/v1/sessions", { token: userToken(sim, "u7005") });
    expect(answer.body.sessions).toEqual([]);
    const own = await call(sim, "GET", "/api/v1/sessions", { token: userToken(sim, "u7006") });
    expect(own.body.sessions.map((session: { code: string }) => session.code)).toEqual([anas.code]);
    const other = await call(sim, "GET", "/api/v1/sessions", { token: userToken(sim, "u8001") });
    expect(other.body.sessions).toEqual([]);
  });
});

describe("GET, PUT and DELETE /sessions/{code} (docs/teamviewer-api.md §3)", () => {
  it("retrieves a session, case-insensitively on the path, and 404s unknown codes", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    const answer = await call(sim, "GET", `/API/V1/Sessions/${session.code.toUpperCase()}`, {
      token: SCRIPT_TOKEN,
    });
    expect(answer.body).toEqual(session);
    expectApiError(
      await call(sim, "GET", "/api/v1/sessions/s111-111-111", { token: SCRIPT_TOKEN }),
      404,
      "not_found",
    );
    expectApiError(
      await call(sim, "GET", "/api/v1/sessions/garbage", { token: SCRIPT_TOKEN }),
      404,
      "not_found",
    );
  });

  it("closes with closed_at and reopens, answering 204", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.advanceClock(60_000);
    const closed = await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: { state: "closed" },
    });
    expect([closed.status, closed.text]).toEqual([204, ""]);
    const afterClose = await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(afterClose.body).toMatchObject({ state: "Closed", closed_at: "2026-03-02T09:01:00Z" });
    await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: { state: "open" },
    });
    const reopened = await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(reopened.body.state).toBe("Open");
    expect(reopened.body).not.toHaveProperty("closed_at");
  });

  it("unassigns with u0 and changes the other fields partially", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN, { description: "old", custom_api: "keep" });
    const update = await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: {
        assigned_userid: "u0",
        description: "new",
        waiting_message: "hold on",
        end_customer: { name: "Mia" },
        groupname: "Field Service",
        sms_invite_number: "+49 (0)30 1234-567",
      },
    });
    expect(update.status).toBe(204);
    const after = (await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN })).body;
    expect(after).toMatchObject({
      description: "new",
      waiting_message: "hold on",
      custom_api: "keep",
      groupid: "g40212",
    });
    expect(after.end_customer).toEqual({ name: "Mia" });
    expect(after).not.toHaveProperty("assigned_userid");
  });

  it.each([
    ["a malformed sms_invite_number", { sms_invite_number: "call me" }],
    ["an unknown state", { state: "pending" }],
    ["a malformed assignee", { assigned_userid: "x1" }],
    ["groupid and groupname of different groups", { groupid: "g40211", groupname: "Field Service" }],
    ["a description over 4000 characters", { description: "x".repeat(4001) }],
  ])("answers 400 invalid_request to an update with %s", async (_, json) => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    expectApiError(
      await call(sim, "PUT", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN, json }),
      400,
      "invalid_request",
    );
  });

  it("deletes with 204, after which the session is gone", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    const deleted = await call(sim, "DELETE", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(deleted.status).toBe(204);
    expectApiError(
      await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN }),
      404,
      "not_found",
    );
    expectApiError(
      await call(sim, "DELETE", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN }),
      404,
      "not_found",
    );
  });

  it("needs session management", async () => {
    const sim = startSimulator();
    const { token } = sim.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["account_management"],
    });
    expectApiError(
      await call(sim, "POST", "/api/v1/sessions", { token, json: { groupid: "g40211" } }),
      403,
      "invalid_permission",
    );
  });
});
