import { describe, expect, it } from "vitest";
import { call, createSession, expectApiError, SCRIPT_TOKEN, startSimulator } from "./support.js";

/** The readings of docs/teamviewer-api.md §3 and §4 that the revised schema reading changed. */
describe("session enums (docs/teamviewer-api.md §3)", () => {
  it.each([
    [0, "Default"],
    [1, "Pilot"],
    ["PILOT", "Pilot"],
    ["default", "Default"],
  ])("accepts support_session_type %j on create as %s", async (sent, stored) => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN, { support_session_type: sent });
    expect(session.support_session_type).toBe(stored);
  });

  it.each([[2], ["Remote"], [true]])(
    "refuses support_session_type %j, naming the values it takes",
    async (sent) => {
      const sim = startSimulator();
      const answer = await call(sim, "POST", "/api/v1/sessions", {
        token: SCRIPT_TOKEN,
        json: { groupid: "g40211", support_session_type: sent },
      });
      expectApiError(answer, 400, "invalid_request");
      expect(answer.body.error_description).toContain("Default, Pilot, 0 (Default) or 1 (Pilot)");
    },
  );

  it("answers the create's enums as the schema's integers under the sessionCreateEnums=integers switch, and GET with strings", async () => {
    const sim = startSimulator({ quirks: { sessionCreateEnums: "integers" } });
    const created = await createSession(sim, SCRIPT_TOKEN, { support_session_type: "Pilot" });
    expect([created.state, created.support_session_type]).toEqual([0, 1]);
    const fetched = await call(sim, "GET", `/api/v1/sessions/${created.code}`, { token: SCRIPT_TOKEN });
    expect([fetched.body.state, fetched.body.support_session_type]).toEqual(["Open", "Pilot"]);
  });
});

describe("groupname in session answers (docs/teamviewer-api.md §3)", () => {
  it("leaves groupname out of create, retrieve and list answers by default", async () => {
    const sim = startSimulator();
    const created = await createSession(sim, SCRIPT_TOKEN, { groupid: "g40211" });
    const fetched = await call(sim, "GET", `/api/v1/sessions/${created.code}`, { token: SCRIPT_TOKEN });
    const listed = await call(sim, "GET", "/api/v1/sessions?full_list=true", { token: SCRIPT_TOKEN });
    expect([created, fetched.body, listed.body.sessions[0]].map((answer) => "groupname" in answer)).toEqual([
      false,
      false,
      false,
    ]);
    expect(created.groupid).toBe("g40211");
  });

  it("adds groupname under the sessionGroupname switch", async () => {
    const sim = startSimulator({ quirks: { sessionGroupname: true } });
    const created = await createSession(sim, SCRIPT_TOKEN, { groupid: "g40211" });
    const listed = await call(sim, "GET", "/api/v1/sessions?full_list=true", { token: SCRIPT_TOKEN });
    expect([created.groupname, listed.body.sessions[0].groupname]).toEqual(["Helpdesk", "Helpdesk"]);
  });
});

describe("session create answers (docs/teamviewer-api.md §3)", () => {
  it("answers 303 with a Location naming the session under the sessionCreateAnswer=redirect switch", async () => {
    const sim = startSimulator({ quirks: { sessionCreateAnswer: "redirect" } });
    const answer = await call(sim, "POST", "/api/v1/sessions", {
      token: SCRIPT_TOKEN,
      json: { groupid: "g40211" },
    });
    expect([answer.status, answer.text]).toEqual([303, ""]);
    const location = answer.headers.get("location") ?? "";
    expect(location).toMatch(/\/api\/v1\/sessions\/s\d{2,3}-\d{3}-\d{3}$/);
    expect((await call(sim, "GET", location, { token: SCRIPT_TOKEN })).body.state).toBe("Open");
  });
});

describe("report support_session_type 0 (docs/teamviewer-api.md §4)", () => {
  it("accepts the schema's unnamed 0 as a filter", async () => {
    const sim = startSimulator({ historicalReports: 50 });
    const answer = await call(sim, "GET", "/api/v1/reports/connections?support_session_type=0", {
      token: SCRIPT_TOKEN,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.records).toEqual([]);
  });
});
