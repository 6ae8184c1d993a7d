/**
 * Interval timers that fire only when a test says (src/jobs/interval-timers.ts): a background
 * job then runs exactly when the test wants it, never on its own.
 */
import type { IntervalTimers } from "../../src/jobs/interval-timers.js";

export interface ManualIntervalTimers extends IntervalTimers {
  /** Runs every callback currently registered, once. */
  fire(): void;
  /** How many intervals are registered (a job that stopped has none). */
  readonly activeCount: number;
}

export function createManualIntervalTimers(): ManualIntervalTimers {
  const callbacks = new Map<number, () => void>();
  let next = 0;
  return {
    setInterval(callback) {
      next += 1;
      callbacks.set(next, callback);
      return next;
    },
    clearInterval(handle) {
      callbacks.delete(handle as number);
    },
    fire() {
      for (const callback of [...callbacks.values()]) callback();
    },
    get activeCount() {
      return callbacks.size;
    },
  };
}
