import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../src/clock.js";
import { createGuessLimiter } from "../../src/join/guess-limiter.js";

const limits = { maxMisses: 3, windowSeconds: 60, prefixLength: 4 };

describe("createGuessLimiter", () => {
  it("lets a caller through until the misses reach the limit, then until the window ends", () => {
    const clock = createFakeClock();
    const limiter = createGuessLimiter(clock, limits);
    for (let miss = 0; miss < 3; miss++) {
      const guess = { ip: "192.0.2.1", token: `tok${miss}-guess` };
      expect(limiter.retryAfterSeconds(guess)).toBe(0);
      limiter.recordMiss(guess);
    }
    const next = { ip: "192.0.2.1", token: "other" };
    expect(limiter.retryAfterSeconds(next)).toBe(60);
    clock.advance(45_000);
    expect(limiter.retryAfterSeconds(next)).toBe(15);
    clock.advance(15_000);
    expect(limiter.retryAfterSeconds(next)).toBe(0);
  });

  it("counts each address on its own", () => {
    const limiter = createGuessLimiter(createFakeClock(), { ...limits, maxMisses: 1 });
    limiter.recordMiss({ ip: "192.0.2.1", token: "aaaa-1" });
    expect(limiter.retryAfterSeconds({ ip: "192.0.2.1", token: "bbbb-1" })).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds({ ip: "192.0.2.2", token: "cccc-1" })).toBe(0);
  });

  it("counts misses per token prefix across addresses, and each prefix on its own", () => {
    const limiter = createGuessLimiter(createFakeClock(), limits);
    for (let miss = 0; miss < 3; miss++) limiter.recordMiss({ ip: `192.0.2.${miss}`, token: `abcd${miss}` });
    expect(limiter.retryAfterSeconds({ ip: "198.51.100.1", token: "abcd-fresh" })).toBe(60);
    expect(limiter.retryAfterSeconds({ ip: "198.51.100.1", token: "abce-fresh" })).toBe(0);
  });
});
