import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logging/logger.js";

/** A real logger (with the production redaction) whose output the test can read. */
export function captureLogs(): { logger: Logger; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("debug", stream), text: () => chunks.join("") };
}
