import { afterEach, describe, expect, it } from "vitest";
import { isLoopbackHost, type SimulatorServer, startSimulatorServer } from "../src/index.js";
import { SCRIPT_TOKEN } from "./support.js";

const running: SimulatorServer[] = [];

async function start(options: Parameters<typeof startSimulatorServer>[0]) {
  const server = await startSimulatorServer({ port: 0, clock: "2026-03-02T09:00:00Z", ...options });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe("the simulator on a real port", () => {
  it("serves the API and puts its own origin into session links", async () => {
    const server = await start({});
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${server.url}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${SCRIPT_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ groupid: "g40211" }),
    });
    const session = (await answer.json()) as { end_customer_link: string };
    expect(session.end_customer_link.startsWith(`${server.url}/v15/`)).toBe(true);
    const page = await fetch(session.end_customer_link);
    expect(await page.text()).toContain("QuickSupport");
  });

  it("destroys the socket for a connection-reset fault", async () => {
    const server = await start({});
    server.simulator.admin.planFault({ path: "/api/v1/ping", kind: "reset" });
    await expect(fetch(`${server.url}/api/v1/ping`)).rejects.toMatchObject({ message: "fetch failed" });
    expect((await fetch(`${server.url}/api/v1/ping`)).status).toBe(200);
  });

  it("sends headers and then stalls the body", async () => {
    const server = await start({});
    server.simulator.admin.planFault({ path: "/api/v1/ping", kind: "stall" });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1/ping`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const body = response.text();
    controller.abort();
    await expect(body).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses to bind beyond loopback without an admin token", async () => {
    await expect(startSimulatorServer({ host: "0.0.0.0", port: 0 })).rejects.toThrow("adminToken");
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
  });

  it("requires the admin token for /__sim/ when bound beyond loopback", async () => {
    const server = await start({ host: "0.0.0.0", adminToken: "s3cret-admin" });
    const port = new URL(server.url).port;
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/__sim/demo`)).status).toBe(401);
    const allowed = await fetch(`${base}/__sim/demo`, { headers: { authorization: "Bearer s3cret-admin" } });
    expect(allowed.status).toBe(200);
    // The TeamViewer API itself needs no admin token.
    expect((await fetch(`${base}/api/v1/ping`)).status).toBe(200);
  });
});
