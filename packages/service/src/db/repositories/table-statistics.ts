/**
 * The planner's table statistics. PostgreSQL's autovacuum keeps them current by itself; PGlite
 * has no autovacuum, so without this its planner assumes a few dozen rows in a table of millions
 * and picks plans to match (docs/performance.md, issue #26).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../open-database.js";

/**
 * Our tables changed enough since their last `ANALYZE` to need another, by autovacuum's own
 * default rule: more than 50 rows plus a tenth of the table changed.
 */
export async function findTablesDueForAnalyze(db: Db): Promise<string[]> {
  const result = (await db.execute(sql`
    select s.relname as name
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public'
      and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
    order by s.n_mod_since_analyze desc`)) as { rows: { name: string }[] };
  return result.rows.map((row) => row.name);
}

export async function analyzeTable(db: Db, table: string): Promise<void> {
  await db.execute(sql`analyze ${sql.identifier(table)}`);
}
