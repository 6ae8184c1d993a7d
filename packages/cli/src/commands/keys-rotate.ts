import { randomBytes } from "node:crypto";
import { keyLength, loadConfig } from "@attendant/service";
import { type Command, InvalidArgumentError } from "@commander-js/extra-typings";
import { CliError } from "../cli-error.js";
import { exitCodes } from "../exit-codes.js";
import type { CommandOutput } from "../output.js";

const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

function parseKeyId(value: string): string {
  if (!keyIdPattern.test(value)) {
    throw new InvalidArgumentError(`expected 1 to 64 letters, digits, - or _, got "${value}".`);
  }
  return value;
}

/**
 * `attendant keys rotate`: step one of a key rotation (packages/service/README.md, "Rotating
 * keys"). Generates a new AES-256 key and prints the keyring with it added as primary, and the
 * steps that follow. Changes nothing itself: the keyring lives in the configuration.
 */
export function registerKeysRotateCommand(keys: Command, output: CommandOutput): void {
  keys
    .command("rotate")
    .description("Generate a new encryption key and print the keyring configuration with it as primary.")
    .option("--key-id <id>", "id of the new key (default: k<date>)", parseKeyId)
    .option("--json", "print the result as JSON")
    .action((options) => {
      const config = loadConfig();
      const keyring = config.keyring;
      if (keyring === undefined) {
        throw new CliError(
          "ATTENDANT_KEYS is not set: this installation uses the generated demo keyring in its data folder. Set ATTENDANT_KEYS (and ATTENDANT_PRIMARY_KEY) to manage keys yourself, then rotate.",
          exitCodes.configuration,
        );
      }
      const existing = keyring.keyIds;
      const keyId = options.keyId ?? freeKeyId(existing);
      if (existing.includes(keyId)) {
        throw new CliError(
          `The keyring already has a key "${keyId}"; choose another --key-id.`,
          exitCodes.usage,
        );
      }
      const key = randomBytes(keyLength).toString("base64");
      // Written from the parsed keyring, so keys from a config file are carried over too.
      const current = existing.map((id) => `${id}:${keyring.get(id)?.toString("base64") ?? ""}`);
      const keys = [...current, `${keyId}:${key}`].join(",");
      const previousPrimary = keyring.primaryKeyId;
      const nextSteps = [
        `Set ATTENDANT_KEYS and ATTENDANT_PRIMARY_KEY as above on every instance (keep them secret, like a password). With several instances, first roll out the new ATTENDANT_KEYS with ATTENDANT_PRIMARY_KEY=${previousPrimary} and restart them all, then switch ATTENDANT_PRIMARY_KEY=${keyId}, so no instance meets a secret under a key it lacks.`,
        "Restart the service; new secrets are encrypted with the new key, old ones stay readable.",
        "Run `attendant keys rewrap` to re-encrypt every stored secret under the new key.",
        `Remove the old key${existing.length > 1 ? "s" : ""} (${existing.join(", ")}) from ATTENDANT_KEYS and restart again.`,
      ];
      const result = {
        keyId,
        previousPrimaryKeyId: previousPrimary,
        ATTENDANT_KEYS: keys,
        ATTENDANT_PRIMARY_KEY: keyId,
        nextSteps,
      };
      output.result(options.json === true, result, () =>
        [
          `ATTENDANT_KEYS=${keys}`,
          `ATTENDANT_PRIMARY_KEY=${keyId}`,
          "",
          "Next steps:",
          ...nextSteps.map((step, index) => `  ${index + 1}. ${step}`),
        ].join("\n"),
      );
    });
}

function freeKeyId(existing: readonly string[]): string {
  const base = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
  let candidate = base;
  for (let suffix = 2; existing.includes(candidate); suffix += 1) candidate = `${base}-${suffix}`;
  return candidate;
}
