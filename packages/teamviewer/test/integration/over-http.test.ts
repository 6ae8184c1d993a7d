import { type SimulatorServer, startSimulatorServer } from "@attendant/simulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, TeamViewerClient, TimeoutError } from "../../src/index.js";
import { START } from "./simulated-teamviewer.js";

/**
 * Resets and stalls behave differently on a real socket than in-process (undici's own errors), so
 * these run the client's global fetch against the simulator on a loopback port.
 */
describe("the client over real HTTP against the simulator server", () => {
  let server: SimulatorServer;
  let client: TeamViewerClient;

  beforeEach(async () => {
    server = await startSimulatorServer({ port: 0, clock: START });
    client = new TeamViewerClient({
      accessToken: server.simulator.demo().scriptToken,
      baseUrl: `${server.url}/api/v1`,
      allowInsecureRequests: true,
      timeoutMs: 200,
      sleep: async () => {},
    });
  });

  afterEach(() => server.close());

  it("walks seeded report pages through the network", async () => {
    server.simulator.admin.seedReports({ count: 2500 });
    const ids = new Set<string>();

    for await (const record of client.reports.connections.list()) ids.add(record.id);

    expect(ids.size).toBe(2500);
  });

  it("turns a destroyed socket into ConnectionError, and recovers on the retry after a single reset", async () => {
    server.simulator.admin.planFault({ path: "/api/v1/ping", kind: "reset", times: 3 });
    await expect(client.ping()).rejects.toBeInstanceOf(ConnectionError);

    server.simulator.admin.planFault({ path: "/api/v1/ping", kind: "reset" });
    expect(await client.ping()).toEqual({ token_valid: true });
  });

  it("ends a body that stalls on the wire with TimeoutError", async () => {
    server.simulator.admin.planFault({ path: "/api/v1/account", kind: "stall", times: "always" });

    await expect(client.account.retrieve({ maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);
  });
});
