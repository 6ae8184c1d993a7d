/**
 * One per service instance: looks at the database every `intervalMs` while at least one browser
 * event stream is open, and tells each stream when its organisation's desk revision moved
 * (src/db/repositories/live-desk.ts) or its browser session ended. Streams then ask for their own
 * scoped snapshot, so the cost is two statements per instance per interval however many streams
 * are open, plus one snapshot per stream and real change (docs/adr/0029-live-desk-by-polling-revisions.md).
 * Polling the database rather than listening in process is what makes a change written by
 * another instance (or by the status watch on another instance) arrive here too.
 */
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { findSignedInWebSessionIds, readDeskRevisions } from "../db/repositories/live-desk.js";
import { sessionIdleTimeoutMs } from "../identity/web-sessions.js";
import { type IntervalTimers, systemIntervalTimers } from "../jobs/interval-timers.js";
import { createPeriodicJob } from "../jobs/periodic-job.js";
import type { Logger } from "../logging/logger.js";

/** Well inside the 10 s within which a waiting customer must show (issue 24). */
export const defaultDeskCheckMs = 2000;

export interface DeskWatcher {
  organisationId: string;
  /** The browser sign-in the stream belongs to; the stream ends with it. */
  webSessionId: string;
  /** Something this organisation's pages show may have changed. */
  onChange(): void;
  /** The browser session ended: signed out, timed out, or the user was disabled. */
  onSignedOut(): void;
}

export interface DeskWatch {
  /** Starts telling `watcher`; returns how to stop. */
  watch(watcher: DeskWatcher): () => void;
  /** One look now (or joins the one in progress); the timer calls it, and so may tests. */
  checkNow(): Promise<void>;
}

export interface DeskWatchDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  timers?: IntervalTimers;
  intervalMs?: number;
}

export function createDeskWatch(deps: DeskWatchDeps): DeskWatch {
  const watchers = new Set<DeskWatcher>();
  const lastRevisions = new Map<string, string>();

  const check = async () => {
    const current = [...watchers];
    if (current.length === 0) return;
    const now = deps.clock.now();
    const organisationIds = [...new Set(current.map((watcher) => watcher.organisationId))];
    const [revisions, signedIn] = await Promise.all([
      readDeskRevisions(deps.db, { organisationIds, now }),
      findSignedInWebSessionIds(deps.db, {
        ids: [...new Set(current.map((watcher) => watcher.webSessionId))],
        now,
        idleTimeoutMs: sessionIdleTimeoutMs,
      }),
    ]);
    const moved = new Set<string>();
    for (const organisationId of organisationIds) {
      const revision = revisions.get(organisationId) ?? "none";
      if (lastRevisions.get(organisationId) !== revision) moved.add(organisationId);
      lastRevisions.set(organisationId, revision);
    }
    for (const watcher of current) {
      if (!watchers.has(watcher)) continue;
      if (!signedIn.has(watcher.webSessionId)) watcher.onSignedOut();
      else if (moved.has(watcher.organisationId)) watcher.onChange();
    }
  };

  const job = createPeriodicJob({
    name: "live desk watch",
    tickMs: deps.intervalMs ?? defaultDeskCheckMs,
    timers: deps.timers ?? systemIntervalTimers,
    logger: deps.logger,
    runTick: check,
  });

  return {
    watch(watcher) {
      watchers.add(watcher);
      job.start();
      return () => {
        watchers.delete(watcher);
        if ([...watchers].every((other) => other.organisationId !== watcher.organisationId))
          lastRevisions.delete(watcher.organisationId);
        if (watchers.size === 0) void job.stop();
      };
    },
    checkNow: job.tick,
  };
}
