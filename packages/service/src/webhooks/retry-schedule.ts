/**
 * When a failed delivery is tried again: quickly at first (a receiver restarting), then ever
 * more patiently, for about three days in all. After the last retry the delivery is failed;
 * an admin can still re-send it (which starts the schedule over).
 *
 * attempt:  1     2      3       4     5     6      7 … 12
 * after:    —     5 s    5 min   30 min 2 h  5 h    10 h each  (≈ 67.6 h after the first)
 */
export const webhookRetryDelaysMs: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
];

/** Attempts in all: the first and one per delay. */
export const maxWebhookAttempts = webhookRetryDelaysMs.length + 1;

/** After failed attempt number `attemptNumber` (1-based): when to retry, or undefined to give up. */
export function nextRetryAt(attemptNumber: number, now: Date): Date | undefined {
  const delay = webhookRetryDelaysMs[attemptNumber - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay);
}
