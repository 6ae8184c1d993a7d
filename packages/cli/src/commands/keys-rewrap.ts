import { createLogger, loadConfig, runRewrapJob } from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { parseInteger } from "../arguments.js";
import type { CommandOutput } from "../output.js";

/**
 * `attendant keys rewrap`: step three of a key rotation (packages/service/README.md, "Rotating
 * keys") — re-encrypts every stored secret under the primary key so the old key can be dropped.
 * Safe to run again; an interrupted run simply continues.
 */
export function registerKeysCommand(program: Command, output: CommandOutput): Command {
  const keys = program.command("keys").description("Encryption keys for stored secrets.");
  keys
    .command("rewrap")
    .description("Re-encrypt every stored secret under ATTENDANT_PRIMARY_KEY, then exit.")
    .option("--batch-size <n>", "rows per database query", parseInteger, 100)
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      const config = loadConfig();
      const result = await runRewrapJob(config, {
        batchSize: Math.max(1, options.batchSize),
        // The result is the output; log lines would only mix into it.
        logger: createLogger("silent"),
      });
      output.result(options.json === true, result, () =>
        result.rewrapped === 0
          ? `Every stored secret is already under key "${result.primaryKeyId}".`
          : `Re-encrypted ${result.rewrapped} stored secrets under key "${result.primaryKeyId}". The old key can be removed from ATTENDANT_KEYS once every instance runs with this keyring.`,
      );
    });
  return keys;
}
