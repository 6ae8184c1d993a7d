/**
 * Time from the run command to ready, and idle RSS (issues #8, #26). Spawns the CLI's `serve`
 * either as `npm start` runs it, from source through tsx (ADR 0036), or as a deployment runs it,
 * compiled (`node packages/cli/dist/main.js serve`; the group builds first). Polls `/readyz` until
 * it answers 200 (database reachable, migrations done, listening), then lets it idle with its
 * report-sync scheduler running and reads its resident memory from /proc. Twice: on a fresh data
 * folder / empty database (first start: initdb or migrations) and again on the same one (every
 * later start). From source, the first start also has an empty transpile cache (tsx keeps it
 * under the temp folder, which is fresh), as on a fresh clone.
 *
 * Usage: service-ready.ts '<json of ReadyCaseInput>'; prints one JSON object.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../support/free-port.js";
import { type BenchEngine, generateBenchKeys } from "./support/bench-service.js";

export interface ReadyCaseInput {
  engine: BenchEngine;
  entry: "source" | "compiled";
  databaseUrl?: string;
  /** How long the service idles before its RSS is read. */
  idleMs: number;
}

const input = JSON.parse(process.argv[2] ?? "null") as ReadyCaseInput | null;
if (input === null) throw new Error("usage: service-ready.ts '<json case>'");

const root = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-ready-"));
const childTmpDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-ready-tmp-"));
const keys = generateBenchKeys();
const entryArgs =
  input.entry === "source"
    ? ["--conditions=@attendant/source", "--import", "tsx", "packages/cli/src/main.ts", "serve"]
    : ["packages/cli/dist/main.js", "serve"];

interface StartMeasurement {
  readyMs: number;
  idleRssMb: number;
}

async function startAndMeasure(): Promise<StartMeasurement> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, entryArgs, {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      TMPDIR: childTmpDir,
      ATTENDANT_PORT: String(port),
      ATTENDANT_DATA_DIR: dataDir,
      ATTENDANT_KEYS: keys,
      ATTENDANT_DEMO: "false",
      ATTENDANT_LOG_LEVEL: "warn",
      ...(input?.databaseUrl === undefined ? {} : { DATABASE_URL: input.databaseUrl }),
    },
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${stderr}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      if (performance.now() - started > 300_000) throw new Error(`serve not ready after 300 s:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, input?.idleMs ?? 5_000));
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
    return { readyMs, idleRssMb: rssKb / 1024 };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const fresh = await startAndMeasure();
const existing = await startAndMeasure();
rmSync(dataDir, { recursive: true, force: true });
rmSync(childTmpDir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    benchmark: "service.ready",
    engine: input.engine,
    entry: entryArgs.join(" "),
    fresh,
    existing,
  })}\n`,
);
