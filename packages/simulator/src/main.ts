import { randomInt } from "node:crypto";
import { createSystemClock } from "./clock.js";
import { startSimulatorServer } from "./server.js";

/**
 * `npm run simulator`: the simulator on SIMULATOR_PORT (default 4010) with the demo tenant and
 * a thousand historical reports, on a real-time clock that `/__sim/clock` can still move.
 * Tokens and codes come from the seed, so a server that others can reach gets a random one
 * unless SIMULATOR_SEED asks for a reproducible run.
 */
const port = Number(process.env.SIMULATOR_PORT ?? 4010);
const host = process.env.SIMULATOR_HOST ?? "127.0.0.1";
const adminToken = process.env.SIMULATOR_ADMIN_TOKEN;
const demoRedirectUri = process.env.SIMULATOR_DEMO_REDIRECT_URI;
const seed = Number(process.env.SIMULATOR_SEED ?? randomInt(2 ** 31));

const server = await startSimulatorServer({
  host,
  port,
  seed,
  clock: createSystemClock(),
  historicalReports: 1000,
  ...(adminToken && { adminToken }),
  ...(demoRedirectUri && { demoRedirectUri }),
});
const demo = server.simulator.demo();
console.log(`TeamViewer simulator listening on ${server.url}
  API base URL    ${demo.apiBaseUrl}
  authorize URL   ${demo.authorizeUrl}
  client id       ${demo.clientId}
  client secret   ${demo.clientSecret}
  redirect URI    ${demo.redirectUri}
  script token    ${demo.scriptToken} (company-wide, every permission)
  accounts        ${demo.accounts.map((account) => `${account.name} <${account.email}> ${account.userid}`).join(", ")}
  admin API       ${server.url}/__sim/
  seed            ${seed}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
