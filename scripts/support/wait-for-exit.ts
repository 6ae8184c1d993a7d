import type { ChildProcess } from "node:child_process";

export interface ExitedProcess {
  /** Null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Collects what a child process prints and resolves once it has exited and its output streams
 * are closed. Call it right after spawning, or early output is lost.
 */
export function waitForExit(child: ChildProcess): Promise<ExitedProcess> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
