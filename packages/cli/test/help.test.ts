import type { Command } from "@commander-js/extra-typings";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgram, runCli } from "../src/program.js";

/** Every command path, e.g. ["sessions", "create"], including the groups themselves. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return (command.commands as Command[]).flatMap((child) => {
    const path = [...prefix, child.name()];
    return [path, ...commandPaths(child, path)];
  });
}

describe("--help", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is answered by every command with its description and options, exiting 0", async () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    const paths = commandPaths(createProgram());
    expect(paths.map((path) => path.join(" "))).toEqual(
      expect.arrayContaining([
        "admin create",
        "orgs create",
        "orgs list",
        "orgs rename",
        "orgs disable",
        "orgs enable",
        "operator-keys create",
        "operator-keys list",
        "operator-keys revoke",
        "keys rotate",
        "keys rewrap",
        "api-keys create",
        "api-keys list",
        "api-keys revoke",
        "sessions create",
        "sessions list",
        "sessions close",
        "reports sync",
        "reports export",
      ]),
    );
    for (const path of paths) {
      printed.length = 0;
      expect(await runCli([...path, "--help"]), path.join(" ")).toBe(0);
      const help = printed.join("");
      expect(help, path.join(" ")).toContain(`Usage: attendant ${path.join(" ")}`);
      expect(help, path.join(" ")).toContain("-h, --help");
    }
  });

  it("offers --json on every command that prints a result", () => {
    const leaves = commandPaths(createProgram()).filter(
      (path) =>
        !["serve", "admin", "orgs", "operator-keys", "keys", "api-keys", "sessions", "reports"].includes(
          path.join(" "),
        ),
    );
    const program = createProgram();
    for (const path of leaves) {
      let command = program as Command;
      for (const name of path)
        command = (command.commands as Command[]).find((c) => c.name() === name) ?? command;
      expect(
        command.options.map((option) => option.long),
        path.join(" "),
      ).toContain("--json");
    }
  });
});
