/**
 * Runs `fn` in a database transaction on either engine: commits when it resolves, rolls back
 * when it throws. Pass the `tx` it receives to repository functions so their statements join
 * the transaction.
 *
 * On PostgreSQL the transaction holds one pooled connection; row locks taken with
 * `SELECT … FOR UPDATE` (see teamviewer-connections.ts) last until it ends. PGlite has a single
 * connection, so its transactions simply run one after another.
 */
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import type { Db } from "./open-database.js";

export function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return db.transaction(fn, config);
}
