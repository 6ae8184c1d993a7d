import { describe, expect, it } from "vitest";
import { call, SCRIPT_TOKEN, startSimulator } from "./support.js";

/** docs/teamviewer-api.md §6: `error_code` is the HTTP status, as in the vendor's own test payloads. */
describe("error bodies (docs/teamviewer-api.md §6)", () => {
  it("sends the HTTP status as error_code for every kind of refusal", async () => {
    const sim = startSimulator();
    const { token: noSessions } = sim.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["account_management"],
    });
    const answers = [
      await call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json: { groupid: "nope" } }),
      await call(sim, "GET", "/api/v1/sessions", { token: "12345678-NotAValidToken000000" }),
      await call(sim, "GET", "/api/v1/sessions", { token: noSessions }),
      await call(sim, "GET", "/api/v1/sessions/s000-000-000", { token: SCRIPT_TOKEN }),
    ];
    sim.admin.setRateLimit({ token: SCRIPT_TOKEN, limit: 0, windowSeconds: 10 });
    answers.push(await call(sim, "GET", "/api/v1/sessions", { token: SCRIPT_TOKEN }));
    sim.admin.clearRateLimits();
    sim.admin.planFault({ method: "GET", path: "/api/v1/account", kind: "status", status: 503 });
    answers.push(await call(sim, "GET", "/api/v1/account", { token: SCRIPT_TOKEN }));

    expect(answers.map((answer) => [answer.status, answer.body.error, answer.body.error_code])).toEqual([
      [400, "invalid_request", 400],
      [401, "invalid_token", 401],
      [403, "invalid_permission", 403],
      [404, "not_found", 404],
      [429, "rate_limit_reached", 429],
      [503, "internal_error", 503],
    ]);
  });
});
