/** PostgreSQL's transaction-scoped advisory locks, which PGlite has too. */
import { sql } from "drizzle-orm";
import type { Db } from "./open-database.js";

/** Waits for the lock `key` and holds it until the transaction `tx` ends. */
export async function lockForTransaction(tx: Db, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}
