import { describe, expect, it } from "vitest";
import { call, expectApiError, ORIGIN, SCRIPT_TOKEN, startSimulator, userToken } from "./support.js";

describe("faults (docs/teamviewer-api.md §7)", () => {
  it("answers a planned status with body and Retry-After, once by default", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/sessions", kind: "status", status: 503, retryAfterSeconds: 7 });
    const faulted = await call(sim, "GET", "/api/v1/sessions", { token: SCRIPT_TOKEN });
    expectApiError(faulted, 503, "internal_error");
    expect(faulted.headers.get("retry-after")).toBe("7");
    expect((await call(sim, "GET", "/api/v1/sessions", { token: SCRIPT_TOKEN })).status).toBe(200);
  });

  it("fails N times for a method and path pattern, then recovers", async () => {
    const sim = startSimulator();
    sim.admin.planFault({
      method: "GET",
      path: "/api/v1/reports/*",
      kind: "status",
      status: 500,
      body: { custom: true },
      times: 2,
    });
    const path = "/api/v1/reports/connections";
    expect((await call(sim, "POST", path, { token: SCRIPT_TOKEN })).status).toBe(404);
    expect((await call(sim, "GET", path, { token: SCRIPT_TOKEN })).body).toEqual({ custom: true });
    expect((await call(sim, "GET", "/API/V1/Reports/Connections", { token: SCRIPT_TOKEN })).status).toBe(500);
    expect((await call(sim, "GET", path, { token: SCRIPT_TOKEN })).status).toBe(200);
    expect(sim.admin.listFaults()).toEqual([]);
  });

  it("handles the request before answering a status or reset planned for after", async () => {
    const sim = startSimulator();
    const json = { groupname: "Helpdesk", custom_api: "after-fault" };
    sim.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 500,
      when: "after",
    });
    expectApiError(
      await call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json }),
      500,
      "internal_error",
    );
    sim.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "reset", when: "after" });
    await expect(call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json })).rejects.toThrow(
      "fetch failed",
    );
    const listed = await call(sim, "GET", "/api/v1/sessions?full_list=true", { token: SCRIPT_TOKEN });
    expect(listed.body.sessions.map((session: { custom_api: string }) => session.custom_api)).toEqual([
      "after-fault",
      "after-fault",
    ]);
    expect(() => sim.admin.planFault({ path: "/x", kind: "stall", when: "after" })).toThrow("after");
  });

  it("holds the answer of a request that already took effect for a delay planned for after", async () => {
    const sim = startSimulator();
    const json = { groupname: "Helpdesk", custom_api: "held" };
    sim.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "delay",
      delayMs: 60_000,
      when: "after",
    });
    const controller = new AbortController();
    const held = sim.fetch(`${ORIGIN}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${SCRIPT_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(json),
      signal: controller.signal,
    });
    const listSessions = async () =>
      (await call(sim, "GET", "/api/v1/sessions?full_list=true", { token: SCRIPT_TOKEN })).body.sessions;
    while ((await listSessions()).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await listSessions()).map((session: { custom_api: string }) => session.custom_api)).toEqual([
      "held",
    ]);
    controller.abort();
    await expect(held).rejects.toMatchObject({ name: "AbortError" });
    expect(sim.admin.journal().find((entry) => entry.method === "POST")).toMatchObject({
      fault: "delay",
      status: null,
    });
  });

  it("fails always until cleared", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "status", status: 502, times: "always" });
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await call(sim, "GET", "/api/v1/ping")).status).toBe(502);
    sim.admin.clearFaults();
    expect((await call(sim, "GET", "/api/v1/ping")).status).toBe(200);
  });

  it("delays and then answers normally", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "delay", delayMs: 5 });
    expect((await call(sim, "GET", "/api/v1/ping")).body).toEqual({ token_valid: false });
    expect(sim.admin.journal().at(-1)?.fault).toBe("delay");
  });

  it("rejects a delayed request when the caller aborts", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "delay", delayMs: 1000 });
    const controller = new AbortController();
    const pending = sim.fetch(`${ORIGIN}/api/v1/ping`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("stalls the body after sending the headers until the caller aborts", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "stall" });
    const controller = new AbortController();
    const response = await sim.fetch(`${ORIGIN}/api/v1/ping`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    const rest = reader?.read();
    controller.abort();
    await expect(rest).rejects.toMatchObject({ name: "AbortError" });
  });

  it("resets the connection like undici's fetch failed", async () => {
    const sim = startSimulator();
    sim.admin.planFault({ path: "/api/v1/oauth2/token", kind: "reset" });
    const attempt = sim.fetch(`${ORIGIN}/api/v1/oauth2/token`, { method: "POST" });
    await expect(attempt).rejects.toBeInstanceOf(TypeError);
    await expect(attempt).rejects.toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(sim.admin.journal().at(-1)).toMatchObject({ status: null, fault: "reset" });
  });

  it("refuses malformed plans", () => {
    const sim = startSimulator();
    expect(() => sim.admin.planFault({ path: "api", kind: "reset" })).toThrow("path");
    expect(() => sim.admin.planFault({ path: "/x", kind: "status", status: 99 })).toThrow("status");
    expect(() => sim.admin.planFault({ path: "/x", kind: "reset", times: 0 })).toThrow("times");
  });
});

describe("rate limit (docs/teamviewer-api.md §6)", () => {
  it("answers 429 rate_limit_reached with Retry-After per token, until the window passes", async () => {
    const sim = startSimulator();
    sim.admin.setRateLimit({ limit: 2, windowSeconds: 60 });
    const other = userToken(sim);
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await call(sim, "GET", "/api/v1/ping", { token: SCRIPT_TOKEN })).status).toBe(200);
    }
    sim.admin.advanceClock(15_000);
    const limited = await call(sim, "GET", "/api/v1/ping", { token: SCRIPT_TOKEN });
    expectApiError(limited, 429, "rate_limit_reached");
    expect(limited.headers.get("retry-after")).toBe("45");
    expect((await call(sim, "GET", "/api/v1/ping", { token: other })).status).toBe(200);
    sim.admin.advanceClock(45_000);
    expect((await call(sim, "GET", "/api/v1/ping", { token: SCRIPT_TOKEN })).status).toBe(200);
  });

  it("limits one token only, and can answer 403 under the rateLimitStatus switch", async () => {
    const sim = startSimulator({ quirks: { rateLimitStatus: 403 } });
    sim.admin.setRateLimit({ token: SCRIPT_TOKEN, limit: 0, windowSeconds: 10 });
    const limited = await call(sim, "GET", "/api/v1/account", { token: SCRIPT_TOKEN });
    expectApiError(limited, 403, "rate_limit_reached");
    expect(limited.headers.get("retry-after")).toBe("10");
    expect((await call(sim, "GET", "/api/v1/account", { token: userToken(sim) })).status).toBe(200);
    sim.admin.clearRateLimits();
    expect((await call(sim, "GET", "/api/v1/account", { token: SCRIPT_TOKEN })).status).toBe(200);
  });
});

describe("journal", () => {
  it("records requests with fingerprints and redacted secrets, never credentials in clear", async () => {
    const sim = startSimulator();
    const session = (
      await call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json: { groupid: "g40211" } })
    ).body;
    await call(sim, "GET", session.supporter_link);
    await call(sim, "GET", session.webclient_supporter_link);
    const entries = sim.admin.journal();
    const serialized = JSON.stringify(entries);
    expect(serialized).not.toContain(SCRIPT_TOKEN);
    expect(serialized).not.toContain(session.supporter_link.slice(-12));
    expect(entries[0]).toMatchObject({
      method: "POST",
      path: "/api/v1/sessions",
      status: 200,
      at: "2026-03-02T09:00:00Z",
    });
    expect(entries[0]?.authorization).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(entries[2]?.query).toContain("servicequeuetoken=%5Bredacted%5D");
    sim.admin.clearJournal();
    expect(sim.admin.journal()).toEqual([]);
  });
});

describe("admin surface", () => {
  it("serves the admin operations as JSON under /__sim/", async () => {
    const sim = startSimulator();
    const demo = await call(sim, "GET", "/__sim/demo");
    expect(demo.body).toMatchObject({ clientId: "100001-AttendantDemoApp0001", scriptToken: SCRIPT_TOKEN });
    expect((await call(sim, "PUT", "/__sim/clock", { json: { now: "2027-01-01T00:00:00Z" } })).body.now).toBe(
      "2027-01-01T00:00:00Z",
    );
    expect((await call(sim, "POST", "/__sim/clock/advance", { json: { seconds: 90 } })).body.now).toBe(
      "2027-01-01T00:01:30Z",
    );
    const seeded = await call(sim, "POST", "/__sim/seed", {
      json: {
        accounts: [{ name: "Zoe", email: "zoe@example.com", company: "Contoso Helpdesk" }],
        apps: [{ redirectUri: "https://app.example/cb", permissions: ["session_management"] }],
        reports: { count: 10 },
      },
    });
    expect(seeded.status).toBe(200);
    expect(seeded.body.accounts[0].userid).toMatch(/^u\d+$/);
    expect(seeded.body.reports).toEqual({ seeded: 10, live: 0, deleted: 0 });
    const fault = await call(sim, "POST", "/__sim/faults", {
      json: { path: "/api/v1/ping", kind: "status", status: 500 },
    });
    expect(fault.body).toMatchObject({ id: 1, remaining: 1 });
    expect((await call(sim, "GET", "/api/v1/ping")).status).toBe(500);
    expect((await call(sim, "GET", "/__sim/journal")).body.entries).toHaveLength(1);
    const session = (
      await call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json: { groupid: "g40211" } })
    ).body;
    expect((await call(sim, "POST", `/__sim/sessions/${session.code}/supporter-connect`)).status).toBe(409);
    expect(
      (await call(sim, "POST", `/__sim/sessions/${session.code}/customer-join`, { json: {} })).body
        .isCustomerWaiting,
    ).toBe(true);
    expect((await call(sim, "POST", "/__sim/accounts", { json: { name: 3 } })).status).toBe(400);
    const notJson = await call(sim, "POST", "/__sim/apps", {
      headers: { "content-type": "application/json" },
      form: { x: "1" },
    });
    expect(notJson.status).toBe(400);
    expect((await call(sim, "GET", "/__sim/nothing")).status).toBe(404);
  });

  it("switches strict mode and resets to the initial state", async () => {
    const sim = startSimulator();
    await call(sim, "PATCH", "/__sim/settings", { json: { strict: true } });
    await call(sim, "POST", "/api/v1/sessions", { token: SCRIPT_TOKEN, json: { groupid: "g40211" } });
    sim.admin.planFault({ path: "/x", kind: "reset" });
    expect((await call(sim, "POST", "/__sim/reset")).status).toBe(200);
    expect((await call(sim, "GET", "/api/v1/sessions", { token: SCRIPT_TOKEN })).body.sessions).toEqual([]);
    expect(sim.admin.listFaults()).toEqual([]);
    expect(sim.admin.journal()).toHaveLength(1);
  });

  it("requires the admin token when one is configured", async () => {
    const sim = startSimulator({ adminToken: "admin-secret" });
    expect((await call(sim, "GET", "/__sim/demo")).status).toBe(401);
    expect((await call(sim, "GET", "/__sim/demo", { token: "wrong" })).status).toBe(401);
    expect((await call(sim, "GET", "/__sim/demo", { token: "admin-secret" })).status).toBe(200);
  });

  it("refuses to move a clock that belongs to its owner", () => {
    let now = Date.parse("2026-03-02T09:00:00Z");
    const sim = startSimulator({ clock: { now: () => now } });
    expect(() => sim.admin.advanceClock(1000)).toThrow("clock");
    now += 1000;
    expect(sim.admin.now()).toBe("2026-03-02T09:00:01Z");
  });
});

describe("catch-all", () => {
  it("answers unknown endpoints and methods with TeamViewer-style JSON", async () => {
    const sim = startSimulator();
    expectApiError(await call(sim, "GET", "/api/v1/nothing", { token: SCRIPT_TOKEN }), 404, "not_found");
    expectApiError(await call(sim, "PATCH", "/api/v1/sessions", { token: SCRIPT_TOKEN }), 404, "not_found");
  });
});
