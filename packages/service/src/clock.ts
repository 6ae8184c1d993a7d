/**
 * Time as a dependency: everything that stores or compares timestamps (sessions, token expiry,
 * OAuth state lifetime, audit entries) asks a Clock, so tests can move time without sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface FakeClock extends Clock {
  /** Moves time forward by `milliseconds`. */
  advance(milliseconds: number): void;
  set(date: Date): void;
}

/** A clock that stands still until told to move. */
export function createFakeClock(start: Date = new Date("2030-01-01T00:00:00Z")): FakeClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(milliseconds) {
      current += milliseconds;
    },
    set(date) {
      current = date.getTime();
    },
  };
}
