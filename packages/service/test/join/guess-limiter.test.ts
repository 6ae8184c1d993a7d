import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../src/clock.js";
import { createGuessLimiter } from "../../src/join/guess-limiter.js";

describe("createGuessLimiter", () => {
  it("lets a caller through until the misses reach the limit, then until the window ends", () => {
    const clock = createFakeClock();
    const limiter = createGuessLimiter(clock, { maxMisses: 3, windowSeconds: 60 });
    for (let miss = 0; miss < 3; miss++) {
      expect(limiter.retryAfterSeconds("192.0.2.1")).toBe(0);
      limiter.recordMiss("192.0.2.1");
    }
    expect(limiter.retryAfterSeconds("192.0.2.1")).toBe(60);
    clock.advance(45_000);
    expect(limiter.retryAfterSeconds("192.0.2.1")).toBe(15);
    clock.advance(15_000);
    expect(limiter.retryAfterSeconds("192.0.2.1")).toBe(0);
  });

  it("counts each address on its own", () => {
    const limiter = createGuessLimiter(createFakeClock(), { maxMisses: 1, windowSeconds: 60 });
    limiter.recordMiss("192.0.2.1");
    expect(limiter.retryAfterSeconds("192.0.2.1")).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds("192.0.2.2")).toBe(0);
  });
});
