import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/program.js";

const packageVersion: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

function captureStreams() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  return { stdout, stderr };
}

describe("--version", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([["--version"], ["-V"]])("%s prints the version from package.json and exits 0", async (flag) => {
    const { stdout } = captureStreams();
    expect(await runCli([flag])).toBe(0);
    expect(stdout.join("")).toBe(`${packageVersion}\n`);
  });

  it("refuses a lower-case -v as an unknown option with exit code 2, printing no version", async () => {
    const { stdout, stderr } = captureStreams();
    expect(await runCli(["-v"])).toBe(2);
    expect(stderr.join("")).toContain("unknown option '-v'");
    expect(stdout.join("")).not.toContain(packageVersion);
  });
});
