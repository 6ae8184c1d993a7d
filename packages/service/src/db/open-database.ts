/**
 * Opens the database the configuration asks for: PostgreSQL through a `pg` pool when
 * DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled to WebAssembly) in the data
 * folder, guarded by the folder lock, on a thread of its own (pglite-worker-client.ts). Both
 * give the same drizzle API over the same schema.
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { MigrationConfig } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Config } from "../config/config-schema.js";
import type { Logger } from "../logging/logger.js";
import { acquireDataFolderLock } from "./data-folder-lock.js";
import { type PgliteWorkerClient, startPgliteWorker } from "./pglite-worker-client.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;

/**
 * The drizzle database both engines share. A transaction (`Tx`) is a `Db` too, so repository
 * functions take a `Db` and work inside or outside a transaction alike.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseEngine = "pglite" | "postgresql";

/** One connection held for a while, with drizzle's migrator bound to it. */
export interface DedicatedConnection {
  db: Db;
  applyMigrations(config: MigrationConfig): Promise<void>;
}

export interface Database {
  readonly engine: DatabaseEngine;
  readonly db: Db;
  /**
   * Runs `fn` on a single connection held for its whole duration, which session-level
   * features such as `pg_advisory_lock` need (a pool would hand each query another connection).
   */
  withDedicatedConnection<T>(fn: (connection: DedicatedConnection) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * PGlite only: calls `listener` with each `pg_notify` on `channel`, before the answer to the
   * statement (or the end of the transaction) whose commit sent it. This process is then the
   * database's only client (the data-folder lock), so whatever it keeps of the changed rows in
   * memory can be forgotten before anyone learns of the change (src/api-keys/api-key-memory.ts).
   * Undefined on PostgreSQL: other instances commit too, and their notifications arrive later.
   */
  readonly listenInOrder?: (channel: string, listener: (payload: string) => void) => Promise<void>;
  /** Closes connections and, for PGlite, releases the data-folder lock. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Receives errors of idle pooled PostgreSQL connections, which would otherwise crash the process. */
  logger?: Logger;
}

/** Subfolder of the data folder that holds PGlite's files. */
export const pgliteFolderName = "pglite";

export async function openDatabase(
  config: Pick<Config, "dataDir" | "databaseUrl">,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  return config.databaseUrl === undefined
    ? openPglite(config.dataDir)
    : openPostgres(config.databaseUrl, options.logger);
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataFolderLock(dataDir);
  let client: PgliteWorkerClient;
  try {
    client = await startPgliteWorker(path.join(dataDir, pgliteFolderName), {
      // PostgreSQL's default 128 MB of shared buffers lives in the WebAssembly heap: an idle
      // service then holds ~410 MB, with 16 MB ~280 MB (docs/performance.md). The operating
      // system's file cache still holds the data folder, so reads barely notice.
      postgresqlconf: ["shared_buffers=16MB"],
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  // drizzle's PGlite driver calls only `query` and `transaction`, which the worker client has.
  const db = drizzlePglite({ client: client as unknown as PGlite, schema });
  return {
    engine: "pglite",
    db,
    // PGlite is one connection already.
    withDedicatedConnection: (fn) =>
      fn({ db, applyMigrations: (migrations) => migratePglite(db, migrations) }),
    ping: () => db.execute(sql`select 1`).then(() => undefined),
    listenInOrder: (channel, listener) => client.listen(channel, listener),
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

async function openPostgres(connectionString: string, logger: Logger | undefined): Promise<Database> {
  const pool = new pg.Pool({ connectionString });
  pool.on("error", (error) => logger?.error({ err: error }, "idle PostgreSQL connection failed"));
  const db = drizzleNodePostgres({ client: pool, schema });
  return {
    engine: "postgresql",
    db,
    async withDedicatedConnection(fn) {
      const client = await pool.connect();
      try {
        const connectionDb = drizzleNodePostgres({ client, schema });
        return await fn({
          db: connectionDb,
          applyMigrations: (migrations) => migrateNodePostgres(connectionDb, migrations),
        });
      } finally {
        client.release();
      }
    },
    ping: () => db.execute(sql`select 1`).then(() => undefined),
    close: () => pool.end(),
  };
}
