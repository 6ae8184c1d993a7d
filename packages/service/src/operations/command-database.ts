/**
 * What the `attendant` commands that change data (`admin create`, `api-keys …`) share: the
 * configured database, migrated like `serve` does, its keyring checked against stored secrets,
 * and the installation's organisation (created as on first start), closed again afterwards; and
 * how they read their input: the web forms' rules, and organisations named by id.
 */
import type { z } from "zod";
import { type Clock, systemClock } from "../clock.js";
import type { Config } from "../config/config-schema.js";
import { migrate } from "../db/migrate.js";
import { type Database, type Db, openDatabase } from "../db/open-database.js";
import {
  findOrganisationById,
  findOrganisationByName,
  type Organisation,
} from "../db/repositories/organisations.js";
import { en, isMessageKey } from "../i18n/messages/catalog.js";
import { ensureDefaultOrganisation } from "../identity/organisation.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { isUuid } from "../sessions/pages/session-form-schemas.js";
import { assertKeyringCoversStoredSecrets } from "../vault/check-stored-key-ids.js";
import { keyringSourceOf, resolveKeyring } from "../vault/demo-keyring.js";

export interface CommandContext {
  database: Database;
  clock: Clock;
  organisation: Organisation;
}

/** A command's input was wrong in a way the user can fix (exit code 2 in the CLI). */
export class CommandInputError extends Error {
  override name = "CommandInputError";
}

/**
 * The command could not do what was asked given the data (exit code 1 in the CLI). `code` says
 * which refusal it is where the operator API answers it (src/operator/api/).
 */
export class CommandRefusedError extends Error {
  override name = "CommandRefusedError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function withCommandDatabase<T>(
  config: Config,
  options: { logger?: Logger; clock?: Clock },
  run: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const logger = options.logger ?? createLogger("silent");
  const database = await openDatabase(config, { logger });
  try {
    await migrate(database);
    await assertKeyringCoversStoredSecrets(
      database.db,
      resolveKeyring(config, logger),
      keyringSourceOf(config),
    );
    const organisation = await ensureDefaultOrganisation(database.db);
    return await run({ database, clock: options.clock ?? systemClock, organisation });
  } finally {
    await database.close();
  }
}

/** Parses with the web form's schema; its message keys become the English sentences. */
export function parseCommandInput<S extends z.ZodType>(what: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0]?.message ?? "forms.invalid";
  throw new CommandInputError(`${what}: ${isMessageKey(key) ? en[key] : key}`);
}

/** The organisation an operator named by its id, or a refusal that says where ids are shown. */
export async function findOrganisationOfCommand(db: Db, id: string): Promise<Organisation> {
  const wanted = id.trim().toLowerCase();
  const organisation = isUuid(wanted) ? await findOrganisationById(db, wanted) : undefined;
  if (organisation === undefined) {
    throw new CommandRefusedError(
      `There is no organisation "${id}"; \`attendant orgs list\` shows the ids.`,
      "organisation-not-found",
    );
  }
  return organisation;
}

/**
 * The organisation an operator named by its id or its name (names are unique in any letter case,
 * docs/adr/0042-organisations-as-tenants.md), or a refusal that says where both are shown.
 */
export async function findOrganisationByIdOrName(db: Db, idOrName: string): Promise<Organisation> {
  const wanted = idOrName.trim();
  const organisation = isUuid(wanted.toLowerCase())
    ? await findOrganisationById(db, wanted.toLowerCase())
    : wanted === ""
      ? undefined
      : await findOrganisationByName(db, wanted);
  if (organisation === undefined) {
    throw new CommandRefusedError(
      `There is no organisation "${idOrName}"; \`attendant orgs list\` shows their ids and names.`,
    );
  }
  return organisation;
}
