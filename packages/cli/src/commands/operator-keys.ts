import {
  createOperatorKeyByCommand,
  listOperatorKeysByCommand,
  loadConfig,
  type OperatorKeySummary,
  revokeOperatorKeyByCommand,
} from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import type { CommandOutput } from "../output.js";

/**
 * `attendant operator-keys create|list|revoke`: keys for the operator API
 * (/api/operator/v1), which manages the installation's organisations. They belong to no
 * organisation and open none of its routes.
 */
export function registerOperatorKeysCommand(program: Command, output: CommandOutput): void {
  const operatorKeys = program
    .command("operator-keys")
    .description("Keys for the operator API (/api/operator/v1): the installation's organisations.");

  operatorKeys
    .command("create")
    .description("Create an operator key and print it once.")
    .requiredOption("--name <name>", 'who or what uses it, e.g. "Provisioning"')
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      const { operatorKey, token } = await createOperatorKeyByCommand(loadConfig(), { name: options.name });
      output.result(options.json === true, { ...toJson(operatorKey), token }, () =>
        [`Created the operator key "${operatorKey.name}".`, "The key, shown only now:", token].join("\n"),
      );
    });

  operatorKeys
    .command("list")
    .description("List the operator keys (never their secrets).")
    .option("--json", "print the keys as a JSON array")
    .action(async (options) => {
      const keys = await listOperatorKeysByCommand(loadConfig());
      output.result(options.json === true, keys.map(toJson), () =>
        keys.length === 0
          ? "There are no operator keys."
          : keys
              .map(
                (key) =>
                  `atdop_${key.prefix}_…  ${key.name}  created ${key.createdAt.toISOString()}  ` +
                  `last used ${key.lastUsedAt?.toISOString() ?? "never"}` +
                  (key.revokedAt === null ? "" : `  REVOKED ${key.revokedAt.toISOString()}`),
              )
              .join("\n"),
      );
    });

  operatorKeys
    .command("revoke")
    .description("Revoke an operator key: its next request is refused.")
    .argument("<key>", "the key's id, its prefix, or the key itself")
    .option("--json", "print the result as JSON")
    .action(async (key, options) => {
      const revoked = await revokeOperatorKeyByCommand(loadConfig(), { idOrPrefix: key });
      output.result(
        options.json === true,
        toJson(revoked),
        () => `Revoked the operator key "${revoked.name}" (atdop_${revoked.prefix}_…).`,
      );
    });
}

function toJson(key: OperatorKeySummary) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
