/**
 * `attendant operator-keys create|list|revoke`: the operator's keys for `/api/operator/v1`
 * (src/operator/operator-keys.ts), on the configured database. Only someone who can run commands
 * against the installation's database makes one (docs/adr/0046-operator-api-and-keys.md).
 */
import type { Config } from "../config/config-schema.js";
import type { Logger } from "../logging/logger.js";
import {
  createOperatorKey,
  listOperatorKeys,
  type OperatorKeySummary,
  revokeOperatorKey,
} from "../operator/operator-keys.js";
import { withCommandDatabase } from "./command-database.js";

export type { OperatorKeySummary } from "../operator/operator-keys.js";

interface CommonOptions {
  logger?: Logger;
}

export function createOperatorKeyByCommand(
  config: Config,
  options: CommonOptions & { name: string },
): Promise<{ operatorKey: OperatorKeySummary; token: string }> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    createOperatorKey({ db: database.db, clock }, { name: options.name }),
  );
}

export function listOperatorKeysByCommand(
  config: Config,
  options: CommonOptions = {},
): Promise<OperatorKeySummary[]> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    listOperatorKeys({ db: database.db, clock }),
  );
}

/** `idOrPrefix`: the key's id, its prefix, or the whole `atdop_<prefix>_…` key. */
export function revokeOperatorKeyByCommand(
  config: Config,
  options: CommonOptions & { idOrPrefix: string },
): Promise<OperatorKeySummary> {
  return withCommandDatabase(config, logged(options), ({ database, clock }) =>
    revokeOperatorKey({ db: database.db, clock }, options.idOrPrefix),
  );
}

function logged(options: CommonOptions): { logger?: Logger } {
  return options.logger ? { logger: options.logger } : {};
}
