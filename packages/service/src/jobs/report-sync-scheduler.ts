/**
 * The background report sync (packages/service/README.md, "Connection reports"): every tick, on
 * the injected clock, it finds the accounts that are due, takes each one's lease, runs one turn
 * and releases it. Every few ticks it also re-discovers accounts (tokens saved or removed, users
 * connected) and re-matches unmatched reports.
 *
 * Several instances may run a scheduler on one database: the lease makes sure only one of them
 * works on an account at a time, and because cursors, pauses and backoff live in the database,
 * it does not matter which one. Accounts are worked on one after another; one account never has
 * more than one request to TeamViewer in flight.
 */
import { listDueSyncAccounts } from "../db/repositories/report-sync-accounts.js";
import { rematchConnectionReports } from "../reports/match-reports.js";
import type { ReportSyncDeps } from "../reports/report-sync-deps.js";
import { type ReportSyncOptions, resolveReportSyncOptions } from "../reports/report-sync-options.js";
import { runAccountTurn } from "../reports/run-account-turn.js";
import { discoverSyncAccounts } from "../reports/sync-sources.js";
import { type IntervalTimers, systemIntervalTimers } from "./interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "./periodic-job.js";

export interface ReportSyncIntervals {
  /** How often the scheduler looks for due work. Freshness is `codePollMs` plus this. */
  tickMs: number;
  /** How often accounts are re-discovered and unmatched reports re-matched. */
  discoveryMs: number;
}

export const defaultReportSyncIntervals: ReportSyncIntervals = { tickMs: 5_000, discoveryMs: 60_000 };

export interface ReportSyncSchedulerConfig {
  deps: ReportSyncDeps;
  /** Unique per running process; written into the leases it holds. */
  instanceId: string;
  intervals?: Partial<ReportSyncIntervals>;
  options?: Partial<ReportSyncOptions>;
  timers?: IntervalTimers;
  /** Pages one account may fetch per tick before the next account's turn (default 10). */
  maxPagesPerTurn?: number;
  /** Accounts looked at per tick (default 50). */
  maxAccountsPerTick?: number;
}

export interface TickSummary {
  accounts: number;
  pages: number;
  received: number;
  failures: number;
  busy: number;
}

export type ReportSyncScheduler = PeriodicJob<TickSummary>;

export function createReportSyncScheduler(config: ReportSyncSchedulerConfig): ReportSyncScheduler {
  const { deps, instanceId } = config;
  const intervals = { ...defaultReportSyncIntervals, ...config.intervals };
  const options: ReportSyncOptions = resolveReportSyncOptions({
    backfillDays: deps.config.reportBackfillDays,
    ...config.options,
  });
  const timers = config.timers ?? systemIntervalTimers;
  const maxPagesPerTurn = config.maxPagesPerTurn ?? 10;
  const maxAccountsPerTick = config.maxAccountsPerTick ?? 50;
  let nextDiscoveryAt = Number.NEGATIVE_INFINITY;

  async function runTick(): Promise<TickSummary> {
    const summary: TickSummary = { accounts: 0, pages: 0, received: 0, failures: 0, busy: 0 };
    if (deps.clock.now().getTime() >= nextDiscoveryAt) {
      await discoverSyncAccounts(deps, { backfillDays: options.backfillDays });
      await rematchConnectionReports(deps);
      nextDiscoveryAt = deps.clock.now().getTime() + intervals.discoveryMs;
    }
    const due = await listDueSyncAccounts(deps.database.db, deps.clock.now(), maxAccountsPerTick);
    for (const account of due) {
      const turn = await runAccountTurn(deps, {
        syncAccountId: account.id,
        holder: instanceId,
        options,
        maxPages: maxPagesPerTurn,
      });
      if (turn.kind === "busy") summary.busy += 1;
      if (turn.kind !== "done") continue;
      summary.accounts += 1;
      summary.pages += turn.pages;
      summary.received += turn.received + (turn.codePoll?.kind === "polled" ? turn.codePoll.received : 0);
      if (turn.failure !== undefined) summary.failures += 1;
    }
    return summary;
  }

  return createPeriodicJob({
    name: "report sync",
    tickMs: intervals.tickMs,
    timers,
    logger: deps.logger,
    runTick,
  });
}
