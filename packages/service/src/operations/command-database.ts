/**
 * What the `attendant` commands that change data (`admin create`, `api-keys …`) share: the
 * configured database, migrated like `serve` does, its keyring checked against stored secrets,
 * and the installation's organisation (created as on first start), closed again afterwards.
 */
import { type Clock, systemClock } from "../clock.js";
import type { Config } from "../config/config-schema.js";
import { migrate } from "../db/migrate.js";
import { type Database, openDatabase } from "../db/open-database.js";
import type { Organisation } from "../db/repositories/organisations.js";
import { ensureDefaultOrganisation } from "../identity/organisation.js";
import { createLogger, type Logger } from "../logging/logger.js";
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

/** The command could not do what was asked given the data (exit code 1 in the CLI). */
export class CommandRefusedError extends Error {
  override name = "CommandRefusedError";
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
