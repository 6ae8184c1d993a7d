/**
 * The TeamViewer side of the benchmarks: the simulator on a loopback port in the parent
 * process, so a case's child process holds only the service (its RSS is the service's) and
 * every case of one size reads the very same seeded records over real HTTP.
 */
import { type DemoCredentials, type SimulatorServer, startSimulatorServer } from "@attendant/simulator";

/** What a child needs to reach the simulator; passed as JSON on its command line. */
export type BenchSimulator = Pick<
  DemoCredentials,
  "clientId" | "clientSecret" | "scriptToken" | "authorizeUrl" | "apiBaseUrl"
>;

export async function startBenchSimulator(
  records: number,
): Promise<{ server: SimulatorServer; credentials: BenchSimulator }> {
  const server = await startSimulatorServer({ port: 0, autoApprove: true });
  server.simulator.admin.seedReports({ count: records });
  const { clientId, clientSecret, scriptToken, authorizeUrl, apiBaseUrl } = server.simulator.demo();
  return { server, credentials: { clientId, clientSecret, scriptToken, authorizeUrl, apiBaseUrl } };
}
