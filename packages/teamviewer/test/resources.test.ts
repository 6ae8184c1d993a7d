import { describe, expect, it } from "vitest";
import { UnexpectedResponseError } from "../src/index.js";
import { empty, FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient, reportFixture, sessionFixture } from "./support/test-client.js";

describe("tolerant reading", () => {
  it("keeps response fields it does not know", async () => {
    const fake = new FakeTeamViewer().on("GET", "/sessions/s271-604-113", () =>
      json(sessionFixture({ queue_position: 3, end_customer: { name: "Erika", phone: "+49 30 1234" } })),
    );
    const { client } = createTestClient(fake);

    const session = await client.sessions.retrieve("s271-604-113");

    expect(session.queue_position).toBe(3);
    expect(session.end_customer?.phone).toBe("+49 30 1234");
  });

  it("accepts missing and null optional fields alike", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/sessions/s1", () =>
        json({ code: "s1", state: "Open", description: null, end_customer: null }),
      )
      .on("GET", "/reports/connections/r1", () =>
        json({ id: "r1", devicename: null, notes: null, contact_id: null }),
      );
    const { client } = createTestClient(fake);

    const session = await client.sessions.retrieve("s1");
    const report = await client.reports.connections.retrieve("r1");

    expect(session).toEqual({ code: "s1", state: "Open", description: null, end_customer: null });
    expect(report).toEqual({ id: "r1", devicename: null, notes: null, contact_id: null });
    expect(report.fee).toBeUndefined();
  });

  it.each([
    [12.5, 12.5],
    ["12.50", 12.5],
    ["0", 0],
    [null, null],
    ["n/a", null],
  ])("reads fee %j as %j", async (fee, expected) => {
    const fake = new FakeTeamViewer().on("GET", "/reports/connections/r1", () =>
      json(reportFixture("r1", { fee })),
    );
    const { client } = createTestClient(fake);

    const report = await client.reports.connections.retrieve("r1");

    expect(report.fee).toBe(expected);
  });

  it.each([
    [2, 2],
    ["RemoteSupportActive", 2],
    ["RemoteConnection", 1],
    ["3", 3],
    ["SomethingNew", "SomethingNew"],
  ])("reads a report's support_session_type %j as %j", async (value, expected) => {
    const fake = new FakeTeamViewer().on("GET", "/reports/connections/r1", () =>
      json(reportFixture("r1", { support_session_type: value })),
    );
    const { client } = createTestClient(fake);

    const report = await client.reports.connections.retrieve("r1");

    expect(report.support_session_type).toBe(expected);
  });

  it("accepts a session's support_session_type as a name or an integer, handing out the name", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/sessions/s1", () => json(sessionFixture({ code: "s1", support_session_type: "Pilot" })))
      .on("GET", "/sessions/s2", () => json(sessionFixture({ code: "s2", support_session_type: 1 })));
    const { client } = createTestClient(fake);

    expect((await client.sessions.retrieve("s1")).support_session_type).toBe("Pilot");
    expect((await client.sessions.retrieve("s2")).support_session_type).toBe("Pilot");
  });

  it("answers ping with token_valid false instead of an error for a bad token", async () => {
    const fake = new FakeTeamViewer().on("GET", "/ping", () => json({ token_valid: false }));
    const { client } = createTestClient(fake);

    await expect(client.ping()).resolves.toEqual({ token_valid: false });
  });
});

describe("session create", () => {
  it("sends the parameters as JSON with dates in TeamViewer's form", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => json(sessionFixture()));
    const { client } = createTestClient(fake);

    const session = await client.sessions.create({
      groupname: "Helpdesk",
      end_customer: { name: "Erika Mustermann" },
      valid_until: new Date("2026-03-03T09:14:07.123Z"),
      custom_api: "attendant:ticket-4711",
    });

    expect(session.code).toBe("s271-604-113");
    const request = fake.requests[0];
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(request?.bodyText ?? "")).toEqual({
      groupname: "Helpdesk",
      end_customer: { name: "Erika Mustermann" },
      valid_until: "2026-03-03T09:14:07Z",
      custom_api: "attendant:ticket-4711",
    });
  });

  it.each([
    ["an absolute URL", "https://webapi.teamviewer.com/api/v1/sessions/s271-604-113"],
    ["a relative path", "/api/v1/sessions/s271-604-113"],
  ])("follows an empty 2xx with Location as %s to the created session", async (_kind, location) => {
    const fake = new FakeTeamViewer()
      .on("POST", "/sessions", () => empty(201, { location }))
      .on("GET", "/sessions/s271-604-113", () => json(sessionFixture()));
    const { client } = createTestClient(fake);

    const session = await client.sessions.create({ groupid: "g40211" });

    expect(session.supporter_link).toBe("https://get.teamviewer.com/v15/s271604113-Qw3rTy7uIo9P");
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /sessions",
      "GET /sessions/s271-604-113",
    ]);
  });

  it("fails clearly on an empty 2xx without Location, without creating again", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => empty(200));
    const { client } = createTestClient(fake);

    await expect(client.sessions.create({ groupid: "g40211" })).rejects.toThrow(UnexpectedResponseError);
    await expect(client.sessions.create({ groupid: "g40211" })).rejects.toThrow(/custom_api/);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("writes", () => {
  it("updates, closes and deletes sessions with PUT and DELETE, accepting any 2xx", async () => {
    const fake = new FakeTeamViewer()
      .on("PUT", "/sessions/s1", () => empty(204))
      .on("DELETE", "/sessions/s1", () => json({ deleted: true }, 200));
    const { client } = createTestClient(fake);

    await client.sessions.update("s1", { assigned_userid: "u0", description: "Reassigned" });
    await client.sessions.close("s1");
    await client.sessions.delete("s1");

    expect(fake.requests.map((request) => [request.method, request.bodyText])).toEqual([
      ["PUT", '{"assigned_userid":"u0","description":"Reassigned"}'],
      ["PUT", '{"state":"closed"}'],
      ["DELETE", ""],
    ]);
  });

  it("updates a connection report's notes and billing state", async () => {
    const fake = new FakeTeamViewer().on("PUT", "/reports/connections/r1", () => empty(204));
    const { client } = createTestClient(fake);

    await client.reports.connections.update("r1", { notes: "Reinstalled Outlook", billing_state: "Billed" });

    expect(JSON.parse(fake.requests[0]?.bodyText ?? "")).toEqual({
      notes: "Reinstalled Outlook",
      billing_state: "Billed",
    });
  });

  it("creates a group and retrieves the account", async () => {
    const fake = new FakeTeamViewer()
      .on("POST", "/groups", () => json({ id: "g7", name: "Helpdesk", permissions: "owned" }))
      .on("GET", "/account", () => json({ userid: "u7005", email_validated: true, license: null }));
    const { client } = createTestClient(fake);

    await expect(client.groups.create({ name: "Helpdesk" })).resolves.toMatchObject({ id: "g7" });
    await expect(client.account.retrieve()).resolves.toMatchObject({ userid: "u7005", license: null });
    expect(fake.requests[0]?.bodyText).toBe('{"name":"Helpdesk"}');
  });
});

describe("filters", () => {
  it("serialises booleans, numbers, dates and lists the way TeamViewer reads them", async () => {
    const fake = new FakeTeamViewer().on("GET", "/reports/connections", () => json({ records: [] }));
    const { client } = createTestClient(fake);

    await client.reports.connections.list({
      has_code: false,
      support_session_type: 2,
      from_date: new Date("2026-03-01T00:00:00.500Z"),
      to_date: "2026-03-02",
      groupid: "0",
      username: undefined,
    });

    expect(fake.requests[0]?.query.toString()).toBe(
      "has_code=false&support_session_type=2&from_date=2026-03-01T00%3A00%3A00Z&to_date=2026-03-02&groupid=0",
    );
  });
});
