import {
  type ApiKeyListing,
  createApiKeyByCommand,
  listApiKeysByCommand,
  loadConfig,
  revokeApiKeyByCommand,
  schema,
} from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import type { CommandOutput } from "../output.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `attendant api-keys create|list|revoke`: the API keys page on the command line, against the
 * configured database. Acts as an admin (`--as`, or the only one), recorded in the audit log, of
 * the installation's first organisation or the one an operator names with `--org <id|name>`.
 */
export function registerApiKeysCommand(program: Command, output: CommandOutput): void {
  const apiKeys = program.command("api-keys").description("API keys for the REST API (/api/v1).");

  apiKeys
    .command("create")
    .description("Create an API key and print it once.")
    .requiredOption("--name <name>", 'where the key is used, e.g. "Helpdesk production"')
    .requiredOption(
      "--scope <scope>",
      `a scope; repeat or separate with commas (${schema.apiKeyScopes.join(", ")})`,
      collect,
    )
    .option("--for <email>", "the user the key acts for (default: the whole organisation)")
    .option(
      "--org <id|name>",
      "the organisation, for an operator (`attendant orgs list`; default: the first)",
    )
    .option("--as <email>", "the admin doing this (default: the only admin)")
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      const { apiKey, token } = await createApiKeyByCommand(loadConfig(), {
        name: options.name,
        scopes: options.scope,
        actingUserEmail: options.for,
        adminEmail: options.as,
        organisation: options.org,
      });
      output.result(options.json === true, { ...toJson(apiKey), token }, () =>
        [
          `Created the API key "${apiKey.name}" (${apiKey.scopes.join(", ")}), acting for ${actingFor(apiKey)}.`,
          "The key, shown only now:",
          token,
        ].join("\n"),
      );
    });

  apiKeys
    .command("list")
    .description("List the organisation's API keys (never their secrets).")
    .option(
      "--org <id|name>",
      "the organisation, for an operator (`attendant orgs list`; default: the first)",
    )
    .option("--as <email>", "the admin doing this (default: the only admin)")
    .option("--json", "print the keys as a JSON array")
    .action(async (options) => {
      const keys = await listApiKeysByCommand(loadConfig(), {
        adminEmail: options.as,
        organisation: options.org,
      });
      output.result(options.json === true, keys.map(toJson), () =>
        keys.length === 0
          ? "There are no API keys."
          : keys
              .map(
                (key) =>
                  `atd_${key.prefix}_…  ${key.name}  [${key.scopes.join(", ")}]  for ${actingFor(key)}  ` +
                  `created ${key.createdAt.toISOString()}  last used ${key.lastUsedAt?.toISOString() ?? "never"}` +
                  (key.revokedAt === null ? "" : `  REVOKED ${key.revokedAt.toISOString()}`),
              )
              .join("\n"),
      );
    });

  apiKeys
    .command("revoke")
    .description("Revoke an API key: its next request is refused.")
    .argument("<key>", "the key's id, its prefix, or the key itself")
    .option(
      "--org <id|name>",
      "the organisation, for an operator (`attendant orgs list`; default: the first)",
    )
    .option("--as <email>", "the admin doing this (default: the only admin)")
    .option("--json", "print the result as JSON")
    .action(async (key, options) => {
      const revoked = await revokeApiKeyByCommand(loadConfig(), {
        idOrPrefix: key,
        adminEmail: options.as,
        organisation: options.org,
      });
      output.result(
        options.json === true,
        {
          id: revoked.id,
          prefix: revoked.prefix,
          name: revoked.name,
          revokedAt: revoked.revokedAt?.toISOString(),
        },
        () => `Revoked the API key "${revoked.name}" (atd_${revoked.prefix}_…).`,
      );
    });
}

function actingFor(key: ApiKeyListing): string {
  return key.actingUserId === null ? "the whole organisation" : (key.actingUserEmail ?? key.actingUserId);
}

function toJson(key: ApiKeyListing) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    actingUserId: key.actingUserId,
    actingUserEmail: key.actingUserEmail,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
