import { randomInt } from "node:crypto";
import { createSystemClock, type DemoCredentials, startSimulatorServer } from "@attendant/simulator";
import type { Command } from "@commander-js/extra-typings";
import { Option } from "@commander-js/extra-typings";
import { parseInteger, parsePort } from "../arguments.js";
import type { CommandOutput } from "../output.js";

function describeSimulator(url: string, demo: DemoCredentials, seed: number): string {
  const accounts = demo.accounts.map((account) => `${account.name} <${account.email}> ${account.userid}`);
  return [
    `TeamViewer simulator listening on ${url} (seed ${seed})`,
    `  API base URL    ${demo.apiBaseUrl}`,
    `  authorize URL   ${demo.authorizeUrl}`,
    `  client id       ${demo.clientId}`,
    `  client secret   ${demo.clientSecret}`,
    `  redirect URI    ${demo.redirectUri}`,
    `  script token    ${demo.scriptToken} (company-wide, every permission)`,
    `  accounts        ${accounts.join(", ")}`,
    `  admin API       ${url}/__sim/`,
  ].join("\n");
}

/**
 * `attendant simulator`: the TeamViewer stand-in on a port, for trying the API with curl and a
 * browser. Runs on the real clock (which `/__sim/clock` can still move).
 */
export function registerSimulatorCommand(program: Command, output: CommandOutput): void {
  program
    .command("simulator")
    .description(
      "Start the TeamViewer simulator on a port (demo app, accounts and historical reports seeded).",
    )
    .addOption(
      new Option("-p, --port <port>", "port to listen on")
        .env("SIMULATOR_PORT")
        .default(4010)
        .argParser(parsePort),
    )
    .addOption(
      new Option("--host <host>", "address to bind; anything but loopback needs --admin-token")
        .env("SIMULATOR_HOST")
        .default("127.0.0.1"),
    )
    .addOption(
      new Option("--admin-token <token>", "bearer token required for /__sim/ when not on loopback").env(
        "SIMULATOR_ADMIN_TOKEN",
      ),
    )
    .addOption(
      new Option("--demo-redirect-uri <uri>", "redirect URI of the seeded demo app").env(
        "SIMULATOR_DEMO_REDIRECT_URI",
      ),
    )
    // Issued tokens derive from the seed: a fixed, public seed would make them guessable on a
    // reachable simulator, so the default is random and printed for reproducing a run.
    .addOption(
      new Option("--seed <n>", "seed for generated data and tokens (default: random)")
        .env("SIMULATOR_SEED")
        .argParser(parseInteger),
    )
    .addOption(
      new Option("--reports <n>", "historical connection reports to seed")
        .default(1000)
        .argParser(parseInteger),
    )
    .option("--json", "print the address and demo credentials as JSON")
    .action(async (options) => {
      const seed = options.seed ?? randomInt(1, 2 ** 31);
      const server = await startSimulatorServer({
        host: options.host,
        port: options.port,
        seed,
        clock: createSystemClock(),
        historicalReports: options.reports,
        ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
        ...(options.demoRedirectUri === undefined ? {} : { demoRedirectUri: options.demoRedirectUri }),
      });
      const demo = server.simulator.demo();
      output.result(options.json === true, { url: server.url, seed, demo }, () =>
        describeSimulator(server.url, demo, seed),
      );
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          void server.close().then(() => process.exit(0));
        });
      }
    });
}
