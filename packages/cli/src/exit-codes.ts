/**
 * The `attendant` command's exit codes, documented in packages/cli/README.md. Scripts rely on
 * them, so a code never changes meaning.
 */
export const exitCodes = {
  ok: 0,
  /** The command ran and failed (database unreachable, port taken, …). */
  failure: 1,
  /** The command line itself was wrong: unknown command or option, bad argument. */
  usage: 2,
  /** The configuration (environment variables or config file) is invalid. */
  configuration: 3,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
