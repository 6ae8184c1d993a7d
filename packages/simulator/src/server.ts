import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { SimulatorOptions } from "./options.js";
import { createSimulator, type Simulator } from "./simulator.js";

export interface SimulatorServerOptions extends SimulatorOptions {
  /** Default 127.0.0.1. Anything but loopback requires `adminToken`. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
}

export interface SimulatorServer {
  /** The origin the server answers on, e.g. `http://127.0.0.1:4010`. */
  url: string;
  simulator: Simulator;
  close(): Promise<void>;
}

/**
 * Runs the simulator on a port. A connection-reset fault destroys the socket.
 *
 * @example
 * const server = await startSimulatorServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:39113
 * await server.close();
 */
export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host) && !options.adminToken) {
    throw new Error(`Binding the simulator to ${host} exposes /__sim/: pass adminToken too.`);
  }
  let simulator: Simulator | undefined;
  const listener = getRequestListener(async (request, env) => {
    if (!simulator) return new Response(null, { status: 503 });
    const result = await simulator.dispatch(request);
    if (result.kind === "response") return result.response;
    env.incoming.socket.destroy();
    return new Response(null, { status: 500 });
  });
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostForUrl(host)}:${port}`;
  simulator = createSimulator({ ...options, publicOrigin: options.publicOrigin ?? url });
  const running = simulator;
  return {
    url,
    simulator: running,
    close: () => {
      server.closeAllConnections();
      running.close();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Wildcard binds are reached through localhost; IPv6 literals need brackets. */
function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "[::]") return "localhost";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
