/**
 * A background job that runs `runTick` every `tickMs` on the given timers. Ticks never overlap:
 * a tick asked for while one runs joins it, so a slow tick (a long sync page, a slow webhook
 * receiver) delays the next instead of piling up. A failed tick is logged and the job goes on.
 */
import type { Logger } from "../logging/logger.js";
import type { IntervalTimers } from "./interval-timers.js";

export interface PeriodicJob<Summary> {
  /** Starts ticking on the timers; the first tick comes after one interval. */
  start(): void;
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
  /** Runs one tick now (or joins the one in progress); what tests call. */
  tick(): Promise<Summary>;
}

export function createPeriodicJob<Summary>(job: {
  /** Names the job in the log line of a failed tick. */
  name: string;
  tickMs: number;
  timers: IntervalTimers;
  logger: Logger;
  runTick: () => Promise<Summary>;
}): PeriodicJob<Summary> {
  let running: Promise<Summary> | undefined;
  let handle: unknown;

  const tick = () => {
    running ??= job.runTick().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    start() {
      if (handle !== undefined) return;
      handle = job.timers.setInterval(() => {
        tick().catch((error: unknown) => job.logger.error({ err: error }, `${job.name} tick failed`));
      }, job.tickMs);
    },
    async stop() {
      if (handle !== undefined) job.timers.clearInterval(handle);
      handle = undefined;
      await running?.catch(() => undefined);
    },
    tick,
  };
}
