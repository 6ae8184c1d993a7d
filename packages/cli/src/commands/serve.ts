import { loadConfig, startService } from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { parsePort } from "../arguments.js";

/** `attendant serve`: the self-hosted service, configured from the environment. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "Start Attendant. Without a TeamViewer app configured it runs in demo mode with the built-in simulator.",
    )
    .option("-p, --port <port>", "listen on this port instead of ATTENDANT_PORT", parsePort)
    .action(async (options) => {
      const env =
        options.port === undefined ? process.env : { ...process.env, ATTENDANT_PORT: String(options.port) };
      const config = loadConfig({ env });
      await startService(config, { handleSignals: true });
    });
}
