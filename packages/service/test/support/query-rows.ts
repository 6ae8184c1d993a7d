import type { SQL } from "drizzle-orm";
import type { Db } from "../../src/db/open-database.js";

/**
 * Raw SQL for assertions about the database itself (catalog, migrations table). Both drivers
 * answer `execute` with an object holding `rows`; drizzle's shared type cannot say so.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
