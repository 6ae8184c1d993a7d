/** A source of "now" in epoch milliseconds. Everything time-dependent in the simulator reads it. */
export interface SimulatorClock {
  now(): number;
}

/** A clock the admin surface can move: tests set or advance it instead of sleeping. */
export interface ControllableClock extends SimulatorClock {
  set(epochMs: number): void;
  advance(milliseconds: number): void;
}

/** The fixed start of a fresh fake clock, so two runs without options see the same dates. */
export const DEFAULT_CLOCK_START = Date.UTC(2026, 2, 2, 9, 0, 0);

/**
 * A frozen clock: time moves only when told to.
 *
 * @example
 * const clock = createFakeClock("2026-03-02T09:00:00Z");
 * clock.advance(60_000);
 */
export function createFakeClock(start: Date | number | string = DEFAULT_CLOCK_START): ControllableClock {
  let current = toEpochMs(start);
  return {
    now: () => current,
    set: (epochMs) => {
      current = epochMs;
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

/** Real time plus an adjustable offset: the demo server's clock, still movable from `/__sim/clock`. */
export function createSystemClock(): ControllableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    set: (epochMs) => {
      offset = epochMs - Date.now();
    },
    advance: (milliseconds) => {
      offset += milliseconds;
    },
  };
}

export function isControllableClock(clock: SimulatorClock): clock is ControllableClock {
  const candidate = clock as Partial<ControllableClock>;
  return typeof candidate.set === "function" && typeof candidate.advance === "function";
}

function toEpochMs(value: Date | number | string): number {
  const epochMs =
    value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(epochMs)) throw new TypeError(`Not a valid clock start: ${String(value)}`);
  return epochMs;
}
