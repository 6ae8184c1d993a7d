import { type ChildProcess, spawn } from "node:child_process";
import { compiledCliEntry } from "../../../../scripts/support/compiled-cli.js";
import { waitForExit } from "../../../../scripts/support/wait-for-exit.js";

/** The real `attendant` binary, compiled as deployments run it (built once per run by vitest.config.ts). */
export function spawnAttendant(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  options: { hasInput?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, [compiledCliEntry, ...args], {
    env: { ...process.env, ...env },
    stdio: [options.hasInput ? "pipe" : "ignore", "pipe", "pipe"],
  });
}

export interface Finished {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command that ends by itself and collects what it printed. */
export async function runAttendant(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  /** Written to the command's standard input, which is then closed. */
  input?: string,
): Promise<Finished> {
  const child = spawnAttendant(args, env, { hasInput: input !== undefined });
  if (input !== undefined) child.stdin?.end(input);
  const { code, stdout, stderr } = await waitForExit(child);
  return { exitCode: code, stdout, stderr };
}

/** Waits for the first line a long-running command prints on stdout. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf("\n");
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.once("close", (code) => reject(new Error(`exited with ${code} before printing: ${errors}`)));
  });
}
