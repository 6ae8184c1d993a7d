/**
 * PGlite has no autovacuum, so the service keeps its planner statistics current itself
 * (src/jobs/statistics-keeper.ts): without them the planner takes a table of a million reports
 * for a few dozen rows.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/open-database.js";
import { createStatisticsKeeper } from "../../src/jobs/statistics-keeper.js";
import { createLogger } from "../../src/logging/logger.js";
import { usePgliteEngine } from "../support/engines.js";
import { queryRows } from "../support/query-rows.js";

const noTimers = { setInterval: () => undefined, clearInterval: () => undefined };

/** Pending table statistics are flushed at the end of the next statement, not a second later. */
async function flushTableStatistics(db: Db): Promise<void> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  await db.execute(sql`select 1`);
}

async function plannerRowEstimate(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ reltuples: number }>(
    db,
    sql`select reltuples from pg_class where relname = ${table}`,
  );
  return Number(row?.reltuples);
}

describe("table statistics on PGlite", () => {
  const engine = usePgliteEngine();

  it("analyses a table once enough of it changed, so the planner knows its size, and leaves it alone after", async () => {
    const { database } = await engine.openDatabase();
    const { db } = database;
    await db.execute(sql`drop table if exists statistics_probes`);
    await db.execute(sql`create table statistics_probes (id integer primary key, label text)`);
    await db.execute(
      sql`insert into statistics_probes select n, 'row ' || n from generate_series(1, 5000) n`,
    );
    await flushTableStatistics(db);
    expect(await plannerRowEstimate(db, "statistics_probes")).toBeLessThan(0);
    const keeper = createStatisticsKeeper({
      deps: { database, logger: createLogger("silent") },
      timers: noTimers,
    });

    expect((await keeper.tick()).analyzed).toContain("statistics_probes");
    expect(await plannerRowEstimate(db, "statistics_probes")).toBe(5000);

    await flushTableStatistics(db);
    expect((await keeper.tick()).analyzed).not.toContain("statistics_probes");

    // A few changes stay under the threshold; a tenth of the table more is over it.
    await db.execute(sql`update statistics_probes set label = 'changed' where id <= 40`);
    await flushTableStatistics(db);
    expect((await keeper.tick()).analyzed).not.toContain("statistics_probes");
    await db.execute(
      sql`insert into statistics_probes select n, 'row ' || n from generate_series(5001, 5600) n`,
    );
    await flushTableStatistics(db);
    expect((await keeper.tick()).analyzed).toContain("statistics_probes");
    expect(await plannerRowEstimate(db, "statistics_probes")).toBe(5600);
    await db.execute(sql`drop table statistics_probes`);
  });
});
