/**
 * The service's pino logger. Secrets are redacted by field name at any depth up to three levels
 * (pino's redaction needs explicit paths; deeper nesting does not occur in our log calls).
 * Request logs carry the path only, never the query string, because OAuth callbacks put the
 * authorization `code` there.
 */
import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config/config-schema.js";
import { consoleDestination } from "./console-destination.js";
import { sensitiveKeyNames } from "./sensitive-keys.js";

export type { Logger } from "pino";

const redactedPaths = sensitiveKeyNames.flatMap((name) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
  const nested = key.startsWith("[") ? key : `.${key}`;
  return [key, `*${nested}`, `*.*${nested}`];
});

/**
 * `destination` lets tests capture the output; by default logs go to stdout, as JSON lines when
 * it is piped and as readable lines on a terminal (console-destination.ts).
 */
export function createLogger(
  level: LogLevel,
  destination: DestinationStream | undefined = consoleDestination(),
): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: "[redacted]" } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
