// Logs two entries through the service's default logger to whatever stdout is (a pipe, in
// console-destination.test.ts), then exits.
import { createLogger } from "../../src/logging/logger.js";

const logger = createLogger("info");
logger.info({ sessionId: "s-1", password: "PW-1" }, "session created");
logger.warn("sync is late");
logger.flush();
