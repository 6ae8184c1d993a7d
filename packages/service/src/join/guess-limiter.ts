/**
 * Slows down anyone guessing join addresses. Only failures count and only failures are refused:
 * each address that answers "unknown" counts against the caller's IP and against the first
 * characters of the token it tried, for a fixed window; past the limit on either, further unknown
 * addresses answer 429 until the window ends. An address that exists always opens, so an end
 * customer behind the same NAT as a guesser, or whose token shares a prefix with guessed ones,
 * is never locked out of a valid link. The prefix count catches guessing spread over many IPs
 * around a partly known token (a link cut short in an e-mail, say).
 *
 * Guessing a 256-bit token is hopeless anyway; this keeps the attempt visible and cheap for us.
 * Per process, in memory: good enough for a deterrent, and instances behind a load balancer each
 * enforce their own share.
 */
import type { Clock } from "../clock.js";

/** One failed guess: who tried, and which token. */
export interface JoinGuess {
  ip: string;
  token: string;
}

export interface GuessLimiter {
  /** Seconds until another unknown address may be answered 404 again, or 0 when it may now. */
  retryAfterSeconds(guess: JoinGuess): number;
  recordMiss(guess: JoinGuess): void;
}

export interface GuessLimits {
  maxMisses: number;
  windowSeconds: number;
  /** How many leading token characters group guesses; 8 base64url characters are 48 bits. */
  prefixLength: number;
}

const defaultLimits: GuessLimits = { maxMisses: 20, windowSeconds: 600, prefixLength: 8 };

export function createGuessLimiter(clock: Clock, limits: GuessLimits = defaultLimits): GuessLimiter {
  const byAddress = createMissWindows(clock, limits);
  const byPrefix = createMissWindows(clock, limits);
  const prefixOf = (token: string) => token.slice(0, limits.prefixLength);
  return {
    retryAfterSeconds(guess) {
      return Math.max(
        byAddress.retryAfterSeconds(guess.ip),
        byPrefix.retryAfterSeconds(prefixOf(guess.token)),
      );
    },
    recordMiss(guess) {
      byAddress.recordMiss(guess.ip);
      byPrefix.recordMiss(prefixOf(guess.token));
    },
  };
}

/** Fixed windows of misses per key, dropped as they end so the map holds only recent keys. */
function createMissWindows(clock: Clock, limits: Pick<GuessLimits, "maxMisses" | "windowSeconds">) {
  const windows = new Map<string, { startedAt: number; misses: number }>();
  const windowMs = limits.windowSeconds * 1000;
  const current = (key: string) => {
    const now = clock.now().getTime();
    const window = windows.get(key);
    if (window !== undefined && now - window.startedAt < windowMs) return window;
    for (const [oldKey, old] of windows) if (now - old.startedAt >= windowMs) windows.delete(oldKey);
    return undefined;
  };
  return {
    retryAfterSeconds(key: string): number {
      const window = current(key);
      if (window === undefined || window.misses < limits.maxMisses) return 0;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - clock.now().getTime()) / 1000));
    },
    recordMiss(key: string): void {
      const window = current(key);
      if (window === undefined) windows.set(key, { startedAt: clock.now().getTime(), misses: 1 });
      else window.misses += 1;
    },
  };
}
