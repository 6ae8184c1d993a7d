/**
 * API requests are counted per key in fixed wall-clock minutes (src/api/rate-limit.ts); the
 * count is taken when the key is looked up (src/api-keys/authenticate-api-key.ts).
 */
export const rateWindowMs = 60_000;

export function rateWindowStartOf(time: Date): Date {
  const ms = time.getTime();
  return new Date(ms - (ms % rateWindowMs));
}
