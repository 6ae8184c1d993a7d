/**
 * Keeps the embedded database's planner statistics current (PGlite only: PostgreSQL's
 * autovacuum does this itself). Every minute it analyses the tables that changed enough since
 * their last `ANALYZE`, such as the reports table during and after a backfill. Asking costs one
 * small catalogue query; an `ANALYZE` samples at most 30,000 rows, whatever the table's size.
 */

import type { Database } from "../db/open-database.js";
import { analyzeTable, findTablesDueForAnalyze } from "../db/repositories/table-statistics.js";
import type { Logger } from "../logging/logger.js";
import { type IntervalTimers, systemIntervalTimers } from "./interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "./periodic-job.js";

export const statisticsCheckIntervalMs = 60_000;

export interface StatisticsSummary {
  analyzed: string[];
}

export function createStatisticsKeeper(config: {
  deps: { database: Database; logger: Logger };
  timers?: IntervalTimers;
}): PeriodicJob<StatisticsSummary> {
  const { database, logger } = config.deps;
  return createPeriodicJob({
    name: "table statistics",
    tickMs: statisticsCheckIntervalMs,
    timers: config.timers ?? systemIntervalTimers,
    logger,
    async runTick() {
      const analyzed = await findTablesDueForAnalyze(database.db);
      for (const table of analyzed) await analyzeTable(database.db, table);
      if (analyzed.length > 0) logger.debug({ tables: analyzed }, "refreshed table statistics");
      return { analyzed };
    },
  });
}
