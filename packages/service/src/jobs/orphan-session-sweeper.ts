/**
 * Looks for sessions TeamViewer holds that Attendant created but never stored, every few
 * minutes (src/sessions/close-orphaned-sessions.ts, ADR 0020). Every instance may run it: what it
 * does (closing a session, or leaving it) comes out the same whichever instance does it, and
 * closing a closed session changes nothing, so it needs no lease.
 */
import { closeOrphanedSessions, type OrphanSweepSummary } from "../sessions/close-orphaned-sessions.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { type IntervalTimers, systemIntervalTimers } from "./interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "./periodic-job.js";

export const orphanSweepIntervalMs = 5 * 60_000;

export function createOrphanSessionSweeper(config: {
  deps: SessionDeps;
  timers?: IntervalTimers;
}): PeriodicJob<OrphanSweepSummary> {
  return createPeriodicJob({
    name: "orphaned session sweep",
    tickMs: orphanSweepIntervalMs,
    timers: config.timers ?? systemIntervalTimers,
    logger: config.deps.logger,
    runTick: () => closeOrphanedSessions(config.deps),
  });
}
