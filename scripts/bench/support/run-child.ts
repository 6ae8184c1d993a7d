/**
 * Runs one benchmark case in a fresh Node process (TypeScript sources through tsx, as
 * `npm run bench` itself runs) and returns the JSON object it printed last. Asynchronous, so
 * the parent keeps serving the simulator the child talks to.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export function runChild(script: string, args: readonly string[]): Promise<Record<string, unknown>> {
  const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
  const child = spawn(
    process.execPath,
    ["--conditions=@attendant/source", "--import", "tsx", path, ...args],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split("\n")) {
      if (line.startsWith("progress ")) process.stderr.write(`bench:     ${line}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) {
        reject(new Error(`benchmark ${script} failed (exit ${code}):\n${stderr}`));
        return;
      }
      try {
        const line = stdout.trim().split("\n").at(-1) ?? "null";
        // Progress for whoever watches a long run; the parent prints the whole report at the end.
        process.stderr.write(`bench:   ${line}\n`);
        resolve(JSON.parse(line) as Record<string, unknown>);
      } catch {
        reject(new Error(`benchmark ${script} printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
  });
}
