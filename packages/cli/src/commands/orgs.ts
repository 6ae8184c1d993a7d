import {
  createOrganisationByCommand,
  disableOrganisationByCommand,
  enableOrganisationByCommand,
  listOrganisationsByCommand,
  loadConfig,
  type OrganisationSwitch,
  renameOrganisationByCommand,
} from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { countNoun } from "../count-noun.js";
import type { CommandOutput } from "../output.js";

/**
 * `attendant orgs create|list|rename|disable|enable`: the operator's commands for the organisations (tenants)
 * of the configured database. Each organisation has its own users, TeamViewer app, API keys,
 * webhooks and audit log; its name is what its end customers see.
 */
export function registerOrgsCommand(program: Command, output: CommandOutput): void {
  const orgs = program.command("orgs").description("Organisations (tenants) of this installation.");

  orgs
    .command("create")
    .description("Create an organisation and its first admin; print a one-time sign-in link for them.")
    .argument("<name>", "the organisation's name, shown to its end customers (1 to 100 characters)")
    .requiredOption(
      "--admin-email <address>",
      "the first admin's e-mail address (unique in the installation)",
    )
    .option("--admin-name <name>", "the first admin's display name (default: the part before @)")
    .option("--json", "print the result as JSON")
    .action(async (name, options) => {
      const created = await createOrganisationByCommand(loadConfig(), {
        name,
        adminEmail: options.adminEmail,
        adminName: options.adminName,
      });
      output.result(
        options.json === true,
        {
          id: created.organisation.id,
          name: created.organisation.name,
          createdAt: created.organisation.createdAt.toISOString(),
          admin: created.admin,
          signInUrl: created.signInUrl,
        },
        () =>
          [
            `Created the organisation "${created.organisation.name}" (${created.organisation.id}) with the admin ${created.admin.email}.`,
            `Give them this sign-in link; it works once, within ${created.signInLinkLifetimeMinutes} minutes, and they then set a password:`,
            created.signInUrl,
          ].join("\n"),
      );
    });

  orgs
    .command("list")
    .description("List the organisations with their numbers of users and support sessions.")
    .option("--json", "print the organisations as a JSON array")
    .action(async (options) => {
      const organisations = await listOrganisationsByCommand(loadConfig());
      output.result(
        options.json === true,
        organisations.map((organisation) => ({
          ...organisation,
          createdAt: organisation.createdAt.toISOString(),
          disabledAt: organisation.disabledAt?.toISOString() ?? null,
        })),
        () =>
          organisations
            .map(
              (organisation) =>
                `${organisation.id}  ${organisation.name}  ${countNoun(organisation.userCount, "user", "users")}, ` +
                `${countNoun(organisation.sessionCount, "session", "sessions")}  created ${organisation.createdAt.toISOString()}` +
                (organisation.disabledAt === null
                  ? ""
                  : `  disabled ${organisation.disabledAt.toISOString()}`),
            )
            .join("\n"),
      );
    });

  orgs
    .command("rename")
    .description("Rename an organisation; its end customers see the new name from now on.")
    .argument("<id>", "the organisation's id (`attendant orgs list` shows it)")
    .argument("<name>", "the new name (1 to 100 characters)")
    .option("--json", "print the result as JSON")
    .action(async (id, name, options) => {
      const { organisation, previousName } = await renameOrganisationByCommand(loadConfig(), { id, name });
      output.result(
        options.json === true,
        { id: organisation.id, name: organisation.name, previousName },
        () =>
          previousName === organisation.name
            ? `The organisation ${organisation.id} is already named "${organisation.name}".`
            : `Renamed the organisation ${organisation.id} from "${previousName}" to "${organisation.name}".`,
      );
    });

  orgs
    .command("disable")
    .description(
      "Disable an organisation: its users, API keys, embeds and join links are refused and its sync, watches, write-back and webhooks pause. Its data stays.",
    )
    .argument("<id>", "the organisation's id (`attendant orgs list` shows it)")
    .option("--json", "print the result as JSON")
    .action(async (id, options) => {
      const result = await disableOrganisationByCommand(loadConfig(), { id });
      const { organisation } = result;
      if (result.changed && result.otherEnabledCount === 0) {
        output.warn(
          `no organisation in this installation is enabled now; \`attendant orgs enable ${organisation.id}\` undoes this.`,
        );
      }
      output.result(options.json === true, switchedJson(result), () =>
        result.changed
          ? `Disabled the organisation "${organisation.name}" (${organisation.id}); its data is kept, and \`attendant orgs enable ${organisation.id}\` undoes this.`
          : `The organisation "${organisation.name}" (${organisation.id}) is already disabled; nothing changed.`,
      );
    });

  orgs
    .command("enable")
    .description("Enable a disabled organisation again: its users and keys work and its paused jobs resume.")
    .argument("<id>", "the organisation's id (`attendant orgs list` shows it)")
    .option("--json", "print the result as JSON")
    .action(async (id, options) => {
      const result = await enableOrganisationByCommand(loadConfig(), { id });
      const { organisation } = result;
      output.result(options.json === true, switchedJson(result), () =>
        result.changed
          ? `Enabled the organisation "${organisation.name}" (${organisation.id}) again.`
          : `The organisation "${organisation.name}" (${organisation.id}) is already enabled; nothing changed.`,
      );
    });
}

function switchedJson(result: OrganisationSwitch) {
  return {
    id: result.organisation.id,
    name: result.organisation.name,
    disabledAt: result.organisation.disabledAt?.toISOString() ?? null,
    changed: result.changed,
  };
}
