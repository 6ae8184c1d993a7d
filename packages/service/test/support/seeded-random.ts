/**
 * Reproducible randomness for fault and fuzz tests: the seed comes from ATTENDANT_TEST_SEED when
 * set (to replay a failure), otherwise it is fresh; either way it is printed with the test's
 * name so a failing run says how to repeat it exactly.
 */

/** A seeded generator of numbers in [0, 1) (mulberry32: tiny, fast, good enough for tests). */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The run's seed, printed so `ATTENDANT_TEST_SEED=<seed>` replays it. */
export function chooseTestSeed(label: string): number {
  const fromEnvironment = process.env.ATTENDANT_TEST_SEED;
  const seed =
    fromEnvironment !== undefined && fromEnvironment !== ""
      ? Number.parseInt(fromEnvironment, 10)
      : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed))
    throw new Error(`ATTENDANT_TEST_SEED must be a whole number, not ${fromEnvironment}`);
  console.info(`${label}: seed ${seed} (replay with ATTENDANT_TEST_SEED=${seed})`);
  return seed;
}

/** A whole number in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
