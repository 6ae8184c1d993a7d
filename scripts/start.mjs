#!/usr/bin/env node
/**
 * `npm start`: builds the workspace (`npm run build`), saying so before and after, then runs
 * `attendant serve` with the arguments given to `npm start -- …`, in this process. The status
 * lines go to stderr, so a piped stdout carries only the service's JSON log lines.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { buildThenServe } from "./start-steps.mjs";

/** npm names itself in `npm_execpath` when it runs a script; without it, `npm` on the PATH. */
function runBuild() {
  const npm = process.env.npm_execpath;
  const [command, args] =
    npm === undefined ? ["npm", ["run", "build"]] : [process.execPath, [npm, "run", "build"]];
  const result = spawnSync(command, args, {
    stdio: "inherit",
    shell: npm === undefined && process.platform === "win32",
  });
  return result.status ?? 1;
}

const exitCode = await buildThenServe({
  build: runBuild,
  serve: async () => {
    // main.js reads its command from process.argv, as if run as `attendant serve …`.
    process.argv.splice(2, 0, "serve");
    await import("../packages/cli/dist/main.js");
  },
  say: (line) => process.stderr.write(`${line}\n`),
  now: () => performance.now(),
});
if (exitCode !== 0) process.exit(exitCode);
