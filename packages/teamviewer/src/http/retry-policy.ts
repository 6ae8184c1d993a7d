import {
  ConnectionError,
  RateLimitError,
  TeamViewerAPIError,
  type TeamViewerError,
  TimeoutError,
} from "../errors.js";

/**
 * The retry policy of the client, as data. Every rule says why it exists; the transport only asks
 * {@link decideRetry} and never decides on its own.
 */
export interface RetryPolicy {
  /** Methods that may be sent again. */
  readonly retryableMethods: ReadonlySet<string>;
  /** Statuses worth another attempt (besides 5xx, see `retryServerErrors`). */
  readonly retryableStatuses: ReadonlySet<number>;
  readonly retryServerErrors: boolean;
  readonly retryRateLimits: boolean;
  readonly retryConnectionErrors: boolean;
  readonly retryTimeouts: boolean;
  /** Retries after the first attempt (so `2` means at most three attempts). */
  readonly maxRetries: number;
  /** First backoff ceiling; doubles per retry. */
  readonly baseDelayMs: number;
  /** Backoff ceiling never exceeds this. */
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown with `retryAfterMs`. */
  readonly retryAfterCapMs: number;
}

/** The policy every client starts from; `maxRetries` and `retryAfterCapMs` are client options. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  // RFC 9110 §9.2.2: GET, PUT and DELETE are idempotent, so sending one twice cannot create a second
  // object. POST is left out on purpose: a repeated POST /sessions opens a second session with its own
  // links (callers reconcile through `custom_api` instead), a repeated POST /groups a second group.
  // Even a 429 on a POST is not retried here: the error carries `retryAfterMs` for the caller.
  retryableMethods: new Set(["GET", "PUT", "DELETE"]),
  // 408: the server gave up waiting for our request, so nothing was done. 429: TeamViewer's rate limit
  // (docs/teamviewer-api.md §6); waiting is exactly what it asks for.
  retryableStatuses: new Set([408, 429]),
  // 5xx: TeamViewer's `internal_error` and gateway failures are usually brief.
  retryServerErrors: true,
  // Very old TeamViewer docs answer the rate limit with 403 `rate_limit_reached`; it is still a rate limit.
  retryRateLimits: true,
  // A reset or refused connection on an idempotent request is safe to repeat and often transient.
  retryConnectionErrors: true,
  // A timed-out idempotent request is as safe to repeat as a reset one; the deadline applies per attempt.
  retryTimeouts: true,
  // Two retries ride out a blip without stalling a user-facing request for long.
  maxRetries: 2,
  // Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
  // spreads the retries of many clients instead of having them hit TeamViewer in lockstep.
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  // Holding a request open for longer than a minute helps nobody; a background job can reschedule.
  retryAfterCapMs: 60_000,
};

/** One failed attempt, as the transport saw it. */
export interface FailedAttempt {
  readonly method: string;
  readonly error: TeamViewerError;
  /** The parsed `Retry-After` of the answer, if any. */
  readonly retryAfterMs: number | null;
  /** Retries already made for this request. */
  readonly retriesDone: number;
}

/** Whether to try again, and after how long. */
export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * Applies `policy` to a failed attempt. `random` returns a number in [0, 1) and is injectable so tests
 * see fixed delays.
 *
 * @example
 * ```ts
 * const decision = decideRetry(DEFAULT_RETRY_POLICY, { method: "GET", error, retryAfterMs: null, retriesDone: 0 }, Math.random);
 * if (decision.retry) await sleep(decision.delayMs);
 * ```
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: FailedAttempt,
  random: () => number,
): RetryDecision {
  if (attempt.retriesDone >= policy.maxRetries) return { retry: false };
  if (!policy.retryableMethods.has(attempt.method)) return { retry: false };
  if (!isRetryableFailure(policy, attempt.error)) return { retry: false };
  if (attempt.retryAfterMs !== null) {
    return attempt.retryAfterMs > policy.retryAfterCapMs
      ? { retry: false }
      : { retry: true, delayMs: attempt.retryAfterMs };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt.retriesDone);
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}

function isRetryableFailure(policy: RetryPolicy, error: TeamViewerError): boolean {
  if (error instanceof ConnectionError) return policy.retryConnectionErrors;
  if (error instanceof TimeoutError) return policy.retryTimeouts;
  if (error instanceof RateLimitError) return policy.retryRateLimits;
  if (error instanceof TeamViewerAPIError) {
    return policy.retryableStatuses.has(error.status) || (policy.retryServerErrors && error.status >= 500);
  }
  return false;
}
