/**
 * Runs statements of a transaction without PostgreSQL's per-row foreign-key checks (ADR 0013).
 *
 * A foreign key checks every inserted row with a query of its own that also locks the row it
 * points to. For a 1000-row page of connection reports that is two thousand such queries (the
 * organisation and the sync account); the organisation's alone were 13–22 % of the page's upsert
 * on PGlite. A caller may skip them only when it has proved, in the same transaction, that every
 * referenced row exists and cannot go away before the commit. `session_replication_role =
 * replica` is how PostgreSQL lets a session skip them: the checks are triggers, and `replica`
 * fires only triggers marked `ENABLE ALWAYS` or `ENABLE REPLICA`. There are no other triggers on
 * the tables it is used for; one added there that must fire for these rows too needs
 * `ENABLE ALWAYS`.
 *
 * `SET LOCAL` ends with the transaction, so a failure or rollback cannot leave a connection
 * without its checks; on success the setting is put back before anything else runs.
 * The setting needs a superuser, which PGlite's only user is; PostgreSQL deployments normally
 * connect as an ordinary role, so only PGlite uses this.
 */
import { sql } from "drizzle-orm";
import type { Db } from "./open-database.js";

export async function withoutReferenceChecks<T>(tx: Db, run: () => Promise<T>): Promise<T> {
  await tx.execute(sql`set local session_replication_role = replica`);
  const result = await run();
  await tx.execute(sql`set local session_replication_role = origin`);
  return result;
}
