/**
 * The `attendant` command's exit codes, documented in docs/cli.md. Scripts rely on them, so a
 * code never changes meaning.
 */
export const exitCodes = {
  ok: 0,
  /** The command ran and failed (database unreachable, port taken, e-mail address taken, …). */
  failure: 1,
  /** The command line itself was wrong: unknown command or option, bad argument. */
  usage: 2,
  /** The configuration (environment variables or config file) is invalid. */
  configuration: 3,
  /** The service refused the API key: missing, unknown, revoked (401) or lacking a scope (403). */
  unauthorized: 4,
  /** The service could not be reached, or failed (5xx); TeamViewer unreachable (503). */
  unavailable: 5,
  /** The service has no such thing (404): session, ticket, report. */
  notFound: 6,
  /** The service refused the request's content or state (400, 409, 422). */
  rejected: 7,
  /** The API key's rate limit, or TeamViewer's (429); retry after the time given. */
  rateLimited: 8,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
