/**
 * One error for every helpdesk call. `reason` decides what happens next: `unreachable`,
 * `rate-limited` and `unavailable` are worth retrying; the rest need a person (new credentials,
 * more rights, a ticket that exists).
 */
export type HelpdeskFailure =
  | "unreachable"
  | "bad-credentials"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "rate-limited"
  | "unavailable"
  | "unexpected-answer";

const retryable: ReadonlySet<HelpdeskFailure> = new Set([
  "unreachable",
  "rate-limited",
  "unavailable",
  "conflict",
]);

export class HelpdeskError extends Error {
  constructor(
    readonly reason: HelpdeskFailure,
    message: string,
    readonly status?: number,
    /** Seconds the helpdesk asked us to wait (`Retry-After`), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "HelpdeskError";
  }

  get isRetryable(): boolean {
    return retryable.has(this.reason);
  }
}
