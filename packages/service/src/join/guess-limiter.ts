/**
 * Slows down anyone guessing join addresses: each address that answers "unknown" counts against
 * the caller's IP for a fixed window; past the limit every join request from that IP gets 429
 * until the window ends. Guessing a 256-bit token is hopeless anyway; this keeps the attempt
 * visible and cheap for us. Per process, in memory: good enough for a deterrent, and instances
 * behind a load balancer each enforce their own share.
 */
import type { Clock } from "../clock.js";

export interface GuessLimiter {
  /** Seconds until the caller may try again, or 0 when they may now. */
  retryAfterSeconds(ip: string): number;
  recordMiss(ip: string): void;
}

export function createGuessLimiter(
  clock: Clock,
  options: { maxMisses: number; windowSeconds: number } = { maxMisses: 20, windowSeconds: 600 },
): GuessLimiter {
  const windows = new Map<string, { startedAt: number; misses: number }>();
  const windowMs = options.windowSeconds * 1000;
  const current = (ip: string) => {
    const now = clock.now().getTime();
    const window = windows.get(ip);
    if (window !== undefined && now - window.startedAt < windowMs) return window;
    // Drop finished windows as we go, so the map holds only recent callers.
    for (const [key, old] of windows) if (now - old.startedAt >= windowMs) windows.delete(key);
    return undefined;
  };
  return {
    retryAfterSeconds(ip) {
      const window = current(ip);
      if (window === undefined || window.misses < options.maxMisses) return 0;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - clock.now().getTime()) / 1000));
    },
    recordMiss(ip) {
      const window = current(ip);
      if (window === undefined) windows.set(ip, { startedAt: clock.now().getTime(), misses: 1 });
      else window.misses += 1;
    },
  };
}
