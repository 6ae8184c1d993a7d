/**
 * The logging surface the client writes to. Structurally compatible with pino (`logger.debug(fields,
 * message)`), so a pino logger can be passed as is. Fields never hold tokens, bodies or headers: only
 * method, path, status, attempt numbers, delays and error class names.
 *
 * @example
 * ```ts
 * import pino from "pino";
 * const client = new TeamViewerClient({ accessToken, logger: pino() });
 * ```
 */
export interface TeamViewerLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** The default: logs nothing. */
export const silentLogger: TeamViewerLogger = {
  debug: () => {},
  warn: () => {},
};
