/**
 * Looks for sessions TeamViewer holds that Attendant created but never stored, every few
 * minutes (src/sessions/close-orphaned-sessions.ts, ADR 0020). Every instance may run it: what it
 * does (closing a session, or leaving it) comes out the same whichever instance does it, and
 * closing a closed session changes nothing, so it needs no lease.
 *
 * The same tick closes at TeamViewer the sessions past their validity of organisations that ask
 * for it (src/sessions/close-expired-sessions.ts). Two instances may both try one: the second
 * finds it closed and calls nobody, or closes at TeamViewer what is closed already, which
 * changes nothing there.
 *
 * It also forgets what the ticket widget no longer needs (src/embedding/embed-sessions.ts):
 * one-time assertion ids past their expiry and embed sessions past their timeouts. Deleting what
 * another instance deleted first deletes nothing, so this needs no lease either.
 */
import { forgetExpiredEmbedRecords } from "../embedding/embed-sessions.js";
import { closeExpiredSessions, type ExpiredCloseSummary } from "../sessions/close-expired-sessions.js";
import { closeOrphanedSessions, type OrphanSweepSummary } from "../sessions/close-orphaned-sessions.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { type IntervalTimers, systemIntervalTimers } from "./interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "./periodic-job.js";

export const orphanSweepIntervalMs = 5 * 60_000;

export interface SessionSweepSummary {
  orphans: OrphanSweepSummary;
  expired: ExpiredCloseSummary;
}

export function createOrphanSessionSweeper(config: {
  deps: SessionDeps;
  timers?: IntervalTimers;
}): PeriodicJob<SessionSweepSummary> {
  return createPeriodicJob({
    name: "orphaned session sweep",
    tickMs: orphanSweepIntervalMs,
    timers: config.timers ?? systemIntervalTimers,
    logger: config.deps.logger,
    runTick: async () => {
      const orphans = await closeOrphanedSessions(config.deps);
      const expired = await closeExpiredSessions(config.deps);
      await forgetExpiredEmbedRecords({ db: config.deps.database.db, clock: config.deps.clock });
      return { orphans, expired };
    },
  });
}
