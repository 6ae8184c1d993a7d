import { describe, expect, it } from "vitest";
import { ConnectionError, InternalServerError, RateLimitError, TimeoutError } from "../../src/index.js";
import { journalMethods, startSimulatedTeamViewer } from "./simulated-teamviewer.js";

/** Faults planned through the simulator's admin surface, as the client meets them on the wire. */
describe("transport behaviour against simulated faults", () => {
  it("retries a GET after a 503 and succeeds, after one jittered backoff", async () => {
    const { sim, client, sleeps } = startSimulatedTeamViewer();
    sim.admin.planFault({ method: "GET", path: "/api/v1/account", kind: "status", status: 503 });

    const account = await client.account.retrieve();

    expect(account.userid).toBe("u7005");
    expect(sleeps).toEqual([250]);
    expect(sim.admin.journal().map((entry) => entry.status)).toEqual([503, 200]);
  });

  it("waits for Retry-After on a 429 and then succeeds", async () => {
    const { sim, client, sleeps } = startSimulatedTeamViewer();
    sim.admin.planFault({ path: "/api/v1/sessions", kind: "status", status: 429, retryAfterSeconds: 7 });

    const page = await client.sessions.list();

    expect(page.items).toEqual([]);
    expect(sleeps).toEqual([7000]);
  });

  it("waits for a Retry-After given as an HTTP date, measured on the simulator's clock", async () => {
    const tv = startSimulatedTeamViewer();
    const retryAt = new Date(tv.now() + 9000).toUTCString();
    tv.sim.admin.planFault({
      path: "/api/v1/ping",
      kind: "status",
      status: 503,
      headers: { "retry-after": retryAt },
    });

    expect(await tv.client.ping()).toEqual({ token_valid: true });
    expect(tv.sleeps).toEqual([9000]);
  });

  it("throws RateLimitError with retryAfterMs when Retry-After exceeds the cap", async () => {
    const { sim, client, sleeps } = startSimulatedTeamViewer();
    sim.admin.planFault({ path: "/api/v1/sessions", kind: "status", status: 429, retryAfterSeconds: 120 });

    await expect(client.sessions.list()).rejects.toMatchObject({
      name: "RateLimitError",
      retryAfterMs: 120_000,
      error: "rate_limit_reached",
    });
    expect(sleeps).toEqual([]);
  });

  it("treats the simulator's rate limiter as a rate limit in the old 403 reading, waits its window and succeeds", async () => {
    const { sim, client, sleeps } = startSimulatedTeamViewer({ quirks: { rateLimitStatus: 403 } });
    sim.admin.setRateLimit({ token: sim.demo().scriptToken, limit: 1, windowSeconds: 30 });
    await client.ping();

    const account = await client.account.retrieve();

    expect(account.userid).toBe("u7005");
    expect(sim.admin.journal().map((entry) => entry.status)).toEqual([200, 403, 200]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  it("does not retry a POST that met the rate limit; the error says how long to wait", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.setRateLimit({ token: sim.demo().scriptToken, limit: 0, windowSeconds: 60 });

    const create = client.sessions.create({ groupid: "g40211" });

    await expect(create).rejects.toBeInstanceOf(RateLimitError);
    await expect(create).rejects.toMatchObject({ status: 429, retryAfterMs: expect.any(Number) });
    expect(journalMethods(sim, "/api/v1/sessions")).toEqual(["POST"]);
  });

  it("rejects with the caller's abort reason while the simulator is still delaying its answer", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.planFault({ path: "/api/v1/account", kind: "delay", delayMs: 60_000 });
    const controller = new AbortController();

    const pending = client.account.retrieve({ signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("ends an attempt whose body stalls with TimeoutError", async () => {
    const { sim, clientWith } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 10 });
    sim.admin.planFault({ path: "/api/v1/reports/connections", kind: "stall", times: "always" });
    const client = clientWith({ timeoutMs: 30, maxRetries: 0 });

    await expect(client.reports.connections.list()).rejects.toBeInstanceOf(TimeoutError);
    sim.close();
  });

  it("retries a GET whose body stalled once, and the second attempt succeeds", async () => {
    const { sim, clientWith, sleeps } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 10 });
    sim.admin.planFault({ path: "/api/v1/reports/connections", kind: "stall" });
    const client = clientWith({ timeoutMs: 30 });

    const page = await client.reports.connections.list();

    expect(page.items).toHaveLength(10);
    expect(sleeps).toHaveLength(1);
    sim.close();
  });

  it("maps a reset connection to ConnectionError when it keeps happening", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "reset", times: "always" });

    await expect(client.ping()).rejects.toBeInstanceOf(ConnectionError);
    expect(journalMethods(sim, "/api/v1/ping")).toEqual(["GET", "GET", "GET"]);
  });

  it("retries a GET after one reset connection and succeeds", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.planFault({ path: "/api/v1/ping", kind: "reset" });

    expect(await client.ping()).toEqual({ token_valid: true });
    expect(sim.admin.journal().map((entry) => entry.status)).toEqual([null, 200]);
  });

  it("never retries POST /sessions after a 5xx: one POST in the journal, InternalServerError thrown", async () => {
    const { sim, client, sleeps } = startSimulatedTeamViewer();
    sim.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "status", status: 502 });

    await expect(client.sessions.create({ groupid: "g40211" })).rejects.toBeInstanceOf(InternalServerError);
    expect(journalMethods(sim, "/api/v1/sessions")).toEqual(["POST"]);
    expect(sleeps).toEqual([]);
  });

  it("never retries POST /sessions after a reset connection", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "reset" });

    await expect(client.sessions.create({ groupid: "g40211" })).rejects.toBeInstanceOf(ConnectionError);
    expect(journalMethods(sim, "/api/v1/sessions")).toEqual(["POST"]);
  });

  it("retries PUT and DELETE after a 500, as idempotent calls", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    const session = await client.sessions.create({ groupid: "g40211" });
    sim.admin.planFault({ method: "PUT", path: "/api/v1/sessions/*", kind: "status", status: 500 });
    sim.admin.planFault({ method: "DELETE", path: "/api/v1/sessions/*", kind: "status", status: 500 });

    await client.sessions.update(session.code, { description: "retried" });
    await client.sessions.delete(session.code);

    expect(journalMethods(sim, `/api/v1/sessions/${session.code}`)).toEqual([
      "PUT",
      "PUT",
      "DELETE",
      "DELETE",
    ]);
  });
});
