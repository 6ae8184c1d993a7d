import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { consoleDestination } from "../../src/logging/console-destination.js";
import { createLogger } from "../../src/logging/logger.js";

function terminal() {
  const written: string[] = [];
  return { isTTY: true, write: (text: string) => written.push(text), text: () => written.join("") };
}

describe("console output", () => {
  it("writes one readable line per entry on a terminal, secrets still redacted, an error's stack below", () => {
    const out = terminal();
    const logger = createLogger("info", consoleDestination(out, { NO_COLOR: "1" }));
    logger.info({ sessionId: "s-1", password: "PW-1", counts: { open: 2 } }, "session created");
    logger.error({ err: new Error("database unreachable") }, "sync failed");

    const [created, failed, stackLine] = out.text().split("\n");
    expect(created).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3}Z INFO {2}session created sessionId=s-1 password=\[redacted\] counts=\{"open":2\}$/,
    );
    expect(failed).toMatch(/^\d\d:\d\d:\d\d\.\d{3}Z ERROR sync failed$/);
    expect(stackLine).toBe("    Error: database unreachable");
    expect(out.text()).not.toContain("PW-1");
  });

  it("colours warnings and errors on a terminal unless NO_COLOR is set", () => {
    const out = terminal();
    createLogger("info", consoleDestination(out, {})).warn("sync is late");
    expect(out.text()).toContain("\u001b[33mWARN \u001b[0m sync is late");
  });

  it("writes JSON lines when stdout is piped", () => {
    expect(consoleDestination({ isTTY: false, write: () => true }, {})).toBeUndefined();
    const child = spawnSync(
      process.execPath,
      [
        "--conditions=@attendant/source",
        "--import",
        "tsx",
        fileURLToPath(new URL("./log-to-stdout-child.ts", import.meta.url)),
      ],
      { encoding: "utf8" },
    );
    expect(child.status).toBe(0);
    const entries = child.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toMatchObject([
      { level: 30, msg: "session created", sessionId: "s-1", password: "[redacted]" },
      { level: 40, msg: "sync is late" },
    ]);
  });
});
