/**
 * The session status watch in the background (docs/adr/0028-session-status-watch.md): every
 * tick, on the injected clock, it gives every owner of open sessions a watch account, finds the
 * accounts that are due and runs one turn for each (src/sessions/watch-session-status.ts).
 *
 * Several instances may run it on one database: each account's "session-watch" lease (the
 * report sync's lease table, src/db/repositories/sync-leases.ts) keeps two from watching it at
 * once, and because the pace, the 429 pause and the backoff live in the database, it does not
 * matter which one does.
 */
import {
  discoverSessionWatchAccounts,
  listDueSessionWatchAccounts,
} from "../db/repositories/session-watch-accounts.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { defaultSessionWatchOptions, type SessionWatchOptions } from "../sessions/session-watch-options.js";
import { runSessionWatchTurn } from "../sessions/watch-session-status.js";
import { type IntervalTimers, systemIntervalTimers } from "./interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "./periodic-job.js";

export interface SessionWatchTickSummary {
  /** Accounts whose list was read (or whose read failed). */
  accounts: number;
  /** Requests sent to TeamViewer. */
  calls: number;
  /** Sessions whose status changed. */
  changed: number;
  failures: number;
  /** Accounts another instance was watching. */
  busy: number;
}

export type SessionStatusWatch = PeriodicJob<SessionWatchTickSummary>;

export function createSessionStatusWatch(config: {
  deps: SessionDeps;
  /** Unique per running process; written into the leases it holds. */
  instanceId: string;
  options?: Partial<SessionWatchOptions>;
  timers?: IntervalTimers;
  /** Accounts looked at per tick (default 50). */
  maxAccountsPerTick?: number;
}): SessionStatusWatch {
  const { deps, instanceId } = config;
  const options: SessionWatchOptions = { ...defaultSessionWatchOptions, ...config.options };
  const maxAccountsPerTick = config.maxAccountsPerTick ?? 50;

  async function runTick(): Promise<SessionWatchTickSummary> {
    const summary: SessionWatchTickSummary = { accounts: 0, calls: 0, changed: 0, failures: 0, busy: 0 };
    await discoverSessionWatchAccounts(deps.database.db, deps.clock.now());
    const due = await listDueSessionWatchAccounts(deps.database.db, deps.clock.now(), maxAccountsPerTick);
    for (const account of due) {
      const turn = await runSessionWatchTurn(deps, {
        watchAccountId: account.id,
        holder: instanceId,
        options,
      });
      if (turn.kind === "busy") summary.busy += 1;
      if (turn.kind !== "done") continue;
      summary.accounts += 1;
      summary.calls += turn.calls;
      summary.changed += turn.changed;
      if (turn.failure !== undefined) summary.failures += 1;
    }
    return summary;
  }

  return createPeriodicJob({
    name: "session status watch",
    tickMs: options.tickMs,
    timers: config.timers ?? systemIntervalTimers,
    logger: deps.logger,
    runTick,
  });
}
