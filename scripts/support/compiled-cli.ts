/**
 * The compiled `attendant` entry that tests spawn as a child process, as deployments run it
 * (`npm run build`, then `node packages/cli/dist/main.js`; docs/adr/0036-npm-start-runs-from-source.md).
 * Started through tsx from the sources, every process spent 3 to 5 s of CPU transpiling and
 * resolving the CLI and the service before doing anything; the compiled entry skips that
 * (docs/adr/0049-test-suite-speed.md).
 *
 * `setup` is the Vitest global setup of the projects whose tests spawn it (vitest.config.ts): it
 * runs the same incremental `tsc -b` as `npm run build` once per run, a few seconds when dist/ is
 * current, so a test never spawns code older than the sources.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { waitForExit } from "./wait-for-exit.js";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The path of the compiled CLI entry, for `spawn(process.execPath, [compiledCliEntry, …])`. */
export const compiledCliEntry = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));

export async function setup(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const build = await waitForExit(
    spawn(process.execPath, [tsc, "-b", "packages/cli/tsconfig.build.json"], {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  if (build.code !== 0) {
    throw new Error(
      `\`npm run build\` failed, so the tests that spawn the compiled CLI cannot run; fix what tsc says:\n${build.stdout}${build.stderr}`,
    );
  }
}
