/**
 * The readings of the Web API that docs/teamviewer-api.md marks as uncertain, each answered the
 * other way too: the client must give callers one shape whichever TeamViewer sends.
 */
import { describe, expect, it } from "vitest";
import { BadRequestError, LicenseLimitError, UnexpectedResponseError } from "../src/index.js";
import { empty, FakeTeamViewer, json, text } from "./support/fake-teamviewer.js";
import { createTestClient } from "./support/test-client.js";

const CODE = "s271-604-113";

function session(fields: Record<string, unknown> = {}) {
  return {
    code: CODE,
    state: "Open",
    groupid: "g40211",
    end_customer_link: "https://get.teamviewer.com/v15/s271604113",
    support_session_type: "Default",
    ...fields,
  };
}

/** A client whose every session answer (create, retrieve, list) carries `fields`. */
function clientAnsweringSessions(fields: Record<string, unknown>) {
  const fake = new FakeTeamViewer()
    .on("POST", "/sessions", () => json(session(fields)))
    .on("GET", `/sessions/${CODE}`, () => json(session(fields)))
    .on("GET", "/sessions", () => json({ sessions: [session(fields)] }));
  return createTestClient(fake).client;
}

describe("enums in session answers (§3)", () => {
  it.each([
    [0, "Open"],
    [1, "Closed"],
    ["0", "Open"],
    ["Open", "Open"],
    ["closed", "Closed"],
    ["CLOSED", "Closed"],
    [2, "2"],
  ])("reads state %j as %j in create, retrieve and list answers", async (raw, expected) => {
    const client = clientAnsweringSessions({ state: raw });

    const created = await client.sessions.create({ groupid: "g40211" });
    const retrieved = await client.sessions.retrieve(CODE);
    const { items } = await client.sessions.list({ full_list: true });

    expect([created.state, retrieved.state, items[0]?.state]).toEqual([expected, expected, expected]);
  });

  it.each([
    [0, "Default"],
    [1, "Pilot"],
    ["1", "Pilot"],
    ["Default", "Default"],
    ["pilot", "Pilot"],
    [2, "2"],
  ])("reads support_session_type %j as %j in create, retrieve and list answers", async (raw, expected) => {
    const client = clientAnsweringSessions({ support_session_type: raw });

    const created = await client.sessions.create({ groupid: "g40211" });
    const retrieved = await client.sessions.retrieve(CODE);
    const { items } = await client.sessions.list({ full_list: true });

    expect([created, retrieved, items[0]].map((answer) => answer?.support_session_type)).toEqual([
      expected,
      expected,
      expected,
    ]);
  });

  it("sends support_session_type as the string it was given, or the integer when the caller asks for it", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => json(session()));
    const { client } = createTestClient(fake);

    await client.sessions.create({ groupid: "g40211", support_session_type: "Pilot" });
    await client.sessions.create({ groupid: "g40211", support_session_type: 1 });

    expect(fake.requests.map((request) => JSON.parse(request.bodyText).support_session_type)).toEqual([
      "Pilot",
      1,
    ]);
  });
});

describe("groupname, which the schema's session answers lack (§3)", () => {
  it("reads a session answer without groupname, keeping groupid", async () => {
    const client = clientAnsweringSessions({});

    const created = await client.sessions.create({ groupid: "g40211" });

    expect(created.groupid).toBe("g40211");
    expect("groupname" in created).toBe(false);
  });
});

describe("enums in connection reports (§4)", () => {
  it.each([
    [0, 0],
    ["0", 0],
    [2, 2],
    ["RemoteSupportActive", 2],
    ["Something new", "Something new"],
  ])("reads a record's support_session_type %j as %j", async (raw, expected) => {
    const record = { id: "6f1c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77", support_session_type: raw };
    const fake = new FakeTeamViewer().on("GET", "/reports/connections", () => json({ records: [record] }));
    const { client } = createTestClient(fake);

    const { items } = await client.reports.connections.list({ support_session_type: 0 });

    expect(items[0]?.support_session_type).toBe(expected);
    expect(fake.requests[0]?.query.get("support_session_type")).toBe("0");
  });
});

describe("session create answers (§3)", () => {
  it.each([301, 302, 303, 307, 308])(
    "follows a %i with Location to the session, posting once",
    async (status) => {
      const fake = new FakeTeamViewer()
        .on("POST", "/sessions", () => empty(status, { location: `/api/v1/sessions/${CODE}` }))
        .on("GET", `/sessions/${CODE}`, () => json(session({ description: "found" })));
      const { client } = createTestClient(fake);

      const created = await client.sessions.create({ groupid: "g40211" });

      expect(created).toMatchObject({ code: CODE, description: "found" });
      expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        "POST /sessions",
        `GET /sessions/${CODE}`,
      ]);
    },
  );

  it.each([
    ["a 302 without Location", () => empty(302)],
    ["a 302 whose Location names no session", () => empty(302, { location: "https://login.example/sso" })],
    ["an empty 201 whose Location names no session", () => empty(201, { location: "/api/v1/sessions/" })],
  ])("tells the caller to look for the session, not to create it again, after %s", async (_case, answer) => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", answer);
    const { client } = createTestClient(fake);

    const error = await client.sessions.create({ groupid: "g40211" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(/custom_api.*do not create it again/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("licence limits on create (§3)", () => {
  it.each([
    ["the captured wording", "Session could not be created due to license limitations."],
    ["British spelling", "Licence limit reached."],
    ["concurrent sessions", "Maximum number of concurrent sessions reached."],
    ["a maximum in the licence", "Your license allows a maximum of 1 concurrent session."],
    ["a session limit", "Session limit exceeded for this account."],
    [
      "JSON around it",
      JSON.stringify({ error: "invalid_request", error_description: "License limit exceeded" }),
    ],
  ])("recognises %s as a licence limit", async (_case, body) => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => text(body, 400));
    const { client } = createTestClient(fake, { maxRetries: 0 });

    await expect(client.sessions.create({ groupid: "g40211" })).rejects.toBeInstanceOf(LicenseLimitError);
  });

  it.each([
    ["a malformed parameter", "Parameter groupid is malformed."],
    ["a field's maximum length", "Session description exceeds the maximum length of 4000 characters."],
    ["a limit parameter", "Parameter limit must be a number."],
    ["an empty body", ""],
  ])("keeps %s a plain bad request", async (_case, body) => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => text(body, 400));
    const { client } = createTestClient(fake, { maxRetries: 0 });

    const error = await client.sessions.create({ groupid: "g40211" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(LicenseLimitError);
  });
});
