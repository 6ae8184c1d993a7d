/**
 * The rewrap job as an operator runs it (`attendant keys rewrap`): against the configured
 * database, with the configured keyring, while the service keeps running on PostgreSQL (on the
 * embedded database the data-folder lock means the service must be stopped first).
 */
import type { Config } from "../config/config-schema.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { assertKeyringCoversStoredSecrets } from "./check-stored-key-ids.js";
import { resolveKeyring } from "./demo-keyring.js";
import { type RewrapProgress, type RewrapResult, rewrapSecrets } from "./rewrap-secrets.js";
import { SecretBox } from "./secret-box.js";

export interface RunRewrapOptions {
  logger?: Logger;
  batchSize?: number;
  signal?: AbortSignal;
  onBatch?: (progress: RewrapProgress) => void;
}

export interface RunRewrapResult extends RewrapResult {
  primaryKeyId: string;
}

export async function runRewrapJob(config: Config, options: RunRewrapOptions = {}): Promise<RunRewrapResult> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config, { logger });
  try {
    // The secrets' tables must exist before they can be checked; a no-op on a current database.
    await migrate(database);
    const keyring = resolveKeyring(config, logger);
    // Refuse before touching anything when some stored value is under a key we no longer have:
    // rewrapping the rest would hide that those values are already lost.
    await assertKeyringCoversStoredSecrets(database.db, keyring);
    const result = await rewrapSecrets({
      db: database.db,
      vault: new SecretBox(keyring),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onBatch === undefined ? {} : { onBatch: options.onBatch }),
    });
    logger.info({ ...result, primaryKeyId: keyring.primaryKeyId }, "rewrap finished");
    return { ...result, primaryKeyId: keyring.primaryKeyId };
  } finally {
    await database.close();
  }
}
