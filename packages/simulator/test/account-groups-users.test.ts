import { describe, expect, it } from "vitest";
import { DEMO } from "../src/index.js";
import { call, expectApiError, SCRIPT_TOKEN, startSimulator, userToken } from "./support.js";

describe("ping and account (docs/teamviewer-api.md §2)", () => {
  it("pings true for a valid token and 200 false for a missing or wrong one", async () => {
    const sim = startSimulator();
    expect((await call(sim, "GET", "/api/v1/ping", { token: SCRIPT_TOKEN })).body).toEqual({
      token_valid: true,
    });
    const missing = await call(sim, "GET", "/api/v1/ping");
    expect([missing.status, missing.body]).toEqual([200, { token_valid: false }]);
    expect((await call(sim, "GET", "/api/v1/ping", { token: "nonsense" })).body).toEqual({
      token_valid: false,
    });
  });

  it("answers the account with the spec's fields", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "GET", "/api/v1/account", { token: userToken(sim, "u7006") });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      userid: "u7006",
      name: "Ana Lima",
      email: "ana@example.com",
      company_name: "Contoso Helpdesk",
      email_validated: true,
      email_language: "en",
      license: { type: "Premium", isactive: true, max_concurrent_sessions: 100 },
    });
  });

  it("answers 401 invalid_token without a token and 403 invalid_permission without account management", async () => {
    const sim = startSimulator();
    expectApiError(await call(sim, "GET", "/api/v1/account"), 401, "invalid_token");
    const { token } = sim.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["session_management"],
    });
    expectApiError(await call(sim, "GET", "/api/v1/account", { token }), 403, "invalid_permission");
    // Ping needs no permission.
    expect((await call(sim, "GET", "/api/v1/ping", { token })).body.token_valid).toBe(true);
  });

  it("limits user tokens to the app's permissions", async () => {
    const sim = startSimulator();
    const app = sim.admin.createApp({
      redirectUri: "https://app.example/cb",
      permissions: ["connection_reporting"],
    });
    const { accessToken } = sim.admin.issueUserToken({ clientId: app.clientId, userid: "u7005" });
    expect(app.clientId).toMatch(/^\d{6}-[A-Za-z0-9]{20}$/);
    expectApiError(
      await call(sim, "GET", "/api/v1/sessions", { token: accessToken }),
      403,
      "invalid_permission",
    );
    expect((await call(sim, "GET", "/api/v1/reports/connections", { token: accessToken })).status).toBe(200);
  });
});

describe("groups (docs/teamviewer-api.md §5)", () => {
  it("lists a user's own and shared groups with the spec's shape", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "GET", "/api/v1/groups", { token: userToken(sim, "u7006") });
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(answer.body.groups.map((group: { id: string }) => [group.id, group]));
    expect(Object.keys(byId).sort()).toEqual(["g40211", "g40212"]);
    expect(byId.g40212).toEqual({
      id: "g40212",
      name: "Field Service",
      permissions: "owned",
      policy_id: null,
      shared_with: [],
      owner: { userid: "u7006", name: "Ana Lima" },
    });
    expect(byId.g40211.permissions).toBe("readwrite");
  });

  it("filters by name part and by shared", async () => {
    const sim = startSimulator();
    const token = userToken(sim, "u7006");
    const byName = await call(sim, "GET", "/api/v1/groups?name=field", { token });
    expect(byName.body.groups.map((group: { id: string }) => group.id)).toEqual(["g40212"]);
    const shared = await call(sim, "GET", "/api/v1/groups?shared=True", { token });
    expect(shared.body.groups.map((group: { id: string }) => group.id)).toEqual(["g40211"]);
    expectApiError(await call(sim, "GET", "/api/v1/groups?shared=maybe", { token }), 400, "invalid_request");
  });

  it("creates a group, refusing duplicates and empty names", async () => {
    const sim = startSimulator();
    const token = userToken(sim);
    const created = await call(sim, "POST", "/api/v1/groups", { token, json: { name: "Night shift" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: "Night shift",
      permissions: "owned",
      owner: { userid: "u7005" },
    });
    expect(created.body.id).toMatch(/^g\d+$/);
    expectApiError(
      await call(sim, "POST", "/api/v1/groups", { token, json: { name: "night SHIFT" } }),
      400,
      "invalid_request",
    );
    expectApiError(await call(sim, "POST", "/api/v1/groups", { token, json: {} }), 400, "invalid_request");
    expectApiError(
      await call(sim, "POST", "/api/v1/groups", { token, json: { name: 7 } }),
      400,
      "invalid_request",
    );
  });

  it("never shows another company's groups", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "GET", "/api/v1/groups", { token: userToken(sim, "u8001") });
    expect(answer.body.groups).toEqual([]);
  });
});

describe("users (docs/teamviewer-api.md §5)", () => {
  it("lists the company's users briefly, and fully with full_list", async () => {
    const sim = startSimulator();
    const brief = await call(sim, "GET", "/api/v1/users", { token: SCRIPT_TOKEN });
    expect(brief.body.users).toEqual(
      DEMO.accounts.map(({ userid, name, email }) => ({ id: userid, name, email })),
    );
    const full = await call(sim, "GET", "/api/v1/users?full_list=true&email=ana@example.com", {
      token: SCRIPT_TOKEN,
    });
    expect(full.body.users).toHaveLength(1);
    expect(full.body.users[0]).toMatchObject({ id: "u7006", active: true });
    expect(typeof full.body.users[0].permissions).toBe("string");
  });

  it("filters by name part", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "GET", "/api/v1/users?name=sato", { token: SCRIPT_TOKEN });
    expect(answer.body.users.map((user: { id: string }) => user.id)).toEqual(["u7005"]);
  });

  it("needs user management", async () => {
    const sim = startSimulator();
    const { token } = sim.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["group_management"],
    });
    expectApiError(await call(sim, "GET", "/api/v1/users", { token }), 403, "invalid_permission");
  });
});
