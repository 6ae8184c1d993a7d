/**
 * Where the service's log lines go on stdout: JSON lines when stdout is a pipe or a file (a log
 * collector reads them), one readable line per entry when it is a terminal (a person watches).
 * Our own small formatter rather than pino-pretty: the job is a dozen lines, and pino-pretty
 * would bring its own dependencies into the product.
 */
import type { DestinationStream } from "pino";

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** pino's level numbers (https://getpino.io/#/docs/api?id=loggerlevels-object). */
const levelNames: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const levelColours: Record<number, string> = { 40: "\u001b[33m", 50: "\u001b[31m", 60: "\u001b[31m" };
const resetColour = "\u001b[0m";
/** What the line shows in its own place, or what only repeats on every line. */
const shownApart = new Set(["level", "time", "msg", "pid", "hostname", "err"]);

/**
 * The destination for `out`: undefined (pino's own stdout, JSON lines) unless `out` is a
 * terminal. Colours unless `NO_COLOR` is set (https://no-color.org).
 */
export function consoleDestination(
  out: Output = process.stdout,
  environment: NodeJS.ProcessEnv = process.env,
): DestinationStream | undefined {
  if (out.isTTY !== true) return undefined;
  const isColoured = environment.NO_COLOR === undefined || environment.NO_COLOR === "";
  return {
    write(chunk: string) {
      for (const line of chunk.split("\n")) {
        if (line !== "") out.write(`${formatLogLine(line, isColoured)}\n`);
      }
    },
  };
}

/** One JSON log line as `12:03:04.567Z INFO  message key=value …`, an error's stack below it. */
export function formatLogLine(line: string, isColoured: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof entry.level === "number" ? entry.level : 30;
  const name = (levelNames[level] ?? String(level)).padEnd(5);
  const colour = isColoured ? levelColours[level] : undefined;
  const time = typeof entry.time === "number" ? `${new Date(entry.time).toISOString().slice(11, 23)}Z` : "";
  const fields = Object.entries(entry)
    .filter(([key]) => !shownApart.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const parts = [
    time,
    colour === undefined ? name : `${colour}${name}${resetColour}`,
    String(entry.msg ?? ""),
  ];
  const text = [...parts.filter((part) => part !== ""), ...fields].join(" ");
  const stack = errorStackOf(entry.err);
  return stack === undefined ? text : `${text}\n    ${stack.split("\n").join("\n    ")}`;
}

function errorStackOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { stack, message } = error as { stack?: unknown; message?: unknown };
  if (typeof stack === "string") return stack;
  return typeof message === "string" ? message : undefined;
}
