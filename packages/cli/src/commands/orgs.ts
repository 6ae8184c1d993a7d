import {
  createOrganisationByCommand,
  listOrganisationsByCommand,
  loadConfig,
  renameOrganisationByCommand,
} from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { countNoun } from "../count-noun.js";
import type { CommandOutput } from "../output.js";

/**
 * `attendant orgs create|list|rename`: the operator's commands for the organisations (tenants)
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
        })),
        () =>
          organisations
            .map(
              (organisation) =>
                `${organisation.id}  ${organisation.name}  ${countNoun(organisation.userCount, "user", "users")}, ` +
                `${countNoun(organisation.sessionCount, "session", "sessions")}  created ${organisation.createdAt.toISOString()}`,
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
}
