/**
 * `attendant orgs create|list|rename|disable|enable`: the operator's level above organisations, on the
 * configured database. An organisation is a tenant with its own users, TeamViewer app, API keys,
 * webhooks and audit log (docs/adr/0042-organisations-as-tenants.md). Creating one also creates
 * its first admin, who signs in through a one-time link, so the organisation is usable at once.
 * The use cases are the operator API's too (src/operator/manage-organisations.ts).
 */
import type { Config } from "../config/config-schema.js";
import type { Organisation, OrganisationSummary } from "../db/repositories/organisations.js";
import type { Logger } from "../logging/logger.js";
import {
  type CreatedOrganisation,
  createOrganisationAsOperator,
  listOrganisationsAsOperator,
  type Operator,
  type OrganisationSwitch,
  renameOrganisationAsOperator,
  switchOrganisationAsOperator,
} from "../operator/manage-organisations.js";
import { withCommandDatabase } from "./command-database.js";

export type { CreatedOrganisation, OrganisationSwitch } from "../operator/manage-organisations.js";

interface CommonOptions {
  logger?: Logger;
}

/** The organisations' audit logs name the command line as the operator who acted. */
const commandLineOperator: Operator = { label: "operator (cli)" };

export function createOrganisationByCommand(
  config: Config,
  options: CommonOptions & { name: string; adminEmail: string; adminName?: string | undefined },
): Promise<CreatedOrganisation> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    createOrganisationAsOperator(
      { db: database.db, clock, publicUrl: config.publicUrl },
      commandLineOperator,
      {
        name: options.name,
        adminEmail: options.adminEmail,
        adminName: options.adminName,
        fieldNames: { adminEmail: "--admin-email", adminName: "--admin-name" },
      },
    ),
  );
}

export function listOrganisationsByCommand(
  config: Config,
  options: CommonOptions = {},
): Promise<OrganisationSummary[]> {
  return withCommandDatabase(config, logged(options), ({ database }) =>
    listOrganisationsAsOperator({ db: database.db }),
  );
}

export function renameOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string; name: string },
): Promise<{ organisation: Organisation; previousName: string }> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    renameOrganisationAsOperator({ db: database.db, clock }, commandLineOperator, options),
  );
}

/**
 * `attendant orgs disable <id>`: its users, API keys, embeds and join links are refused and its
 * background jobs skip it from now on; every row stays (docs/adr/0042-organisations-as-tenants.md).
 */
export function disableOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string },
): Promise<OrganisationSwitch> {
  return switchByCommand(config, options, true);
}

/** `attendant orgs enable <id>`: undoes disabling; waiting jobs and deliveries resume. */
export function enableOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string },
): Promise<OrganisationSwitch> {
  return switchByCommand(config, options, false);
}

function switchByCommand(
  config: Config,
  options: CommonOptions & { id: string },
  disable: boolean,
): Promise<OrganisationSwitch> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    switchOrganisationAsOperator({ db: database.db, clock }, commandLineOperator, {
      id: options.id,
      disable,
    }),
  );
}

function logged(options: CommonOptions): { logger?: Logger } {
  return options.logger ? { logger: options.logger } : {};
}
