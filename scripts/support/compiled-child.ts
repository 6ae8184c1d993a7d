/**
 * Runs a test's child-process script (a `.ts` file whose only imports are Node's and the
 * workspace packages by name, e.g. `@attendant/service`) against the compiled packages: the file
 * is transpiled alone with TypeScript into node_modules/.cache/, where its package imports
 * resolve to dist/ (built once per run by compiled-cli.ts), and Node runs that. Loading it
 * through tsx instead costs 3 to 5 s of CPU per process, because tsx's loader resolves and
 * transpiles the whole service from its sources (docs/adr/0049-test-suite-speed.md). Not
 * `node --input-type=module --eval`: the service's PGlite worker thread inherits that flag and
 * refuses to start.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const cacheFolder = fileURLToPath(
  new URL("../../node_modules/.cache/attendant-test-children/", import.meta.url),
);

export function spawnCompiledChild(scriptPath: string, options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, [writeCompiled(scriptPath)], options);
}

/** The transpiled script's path; named by its content, so parallel test files share it safely. */
function writeCompiled(scriptPath: string): string {
  const code = ts.transpileModule(readFileSync(scriptPath, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
    fileName: scriptPath,
  }).outputText;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const target = path.join(cacheFolder, `${path.basename(scriptPath, ".ts")}-${hash}.mjs`);
  mkdirSync(cacheFolder, { recursive: true });
  const building = `${target}.${process.pid}.tmp`;
  writeFileSync(building, code);
  renameSync(building, target);
  return target;
}
