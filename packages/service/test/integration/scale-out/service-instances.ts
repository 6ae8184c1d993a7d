/**
 * Real service instances for the scale-out tests: each a child process running the compiled
 * CLI's `serve` (`node packages/cli/dist/main.js serve`, built once per run by vitest.config.ts),
 * as an operator would run it, on its own loopback port and data folder, all pointed at one
 * PostgreSQL database with the same keys.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { compiledCliEntry } from "../../../../../scripts/support/compiled-cli.js";
import { findFreePort } from "../../support/free-port.js";

export interface ServiceInstance {
  url: string;
  /** The process id, e.g. to read its memory from /proc. */
  pid: number | undefined;
  /** What the process wrote to stderr so far (its warnings and errors). */
  stderr(): string;
  /** SIGTERM, and waits for the exit; the process shuts down cleanly. */
  stop(): Promise<void>;
  /** SIGKILL, and waits for the exit: a crash, with no chance to finish or clean up. */
  kill(): Promise<void>;
}

/**
 * `options.dataDir`: a data folder the caller prepared and keeps (a restart after a kill uses it
 * again); by default a fresh one, removed on stop.
 */
export async function spawnServiceInstance(
  env: Record<string, string>,
  options: { dataDir?: string } = {},
): Promise<ServiceInstance> {
  const port = await findFreePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "attendant-instance-"));
  const child: ChildProcess = spawn(process.execPath, [compiledCliEntry, "serve"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      ATTENDANT_PORT: String(port),
      ATTENDANT_PUBLIC_URL: `http://localhost:${port}`,
      ATTENDANT_DATA_DIR: dataDir,
      ATTENDANT_DEMO: "false",
      ATTENDANT_LOG_LEVEL: "warn",
      ...env,
    },
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Polls `/readyz` until it answers 200; fails with the instance's stderr if it never does. */
export async function waitUntilReady(instance: ServiceInstance, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${instance.url}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${instance.url} was not ready within ${timeoutMs} ms:\n${instance.stderr()}`);
}

/** Starts `count` instances at the same moment and waits until every one is ready. */
export async function startInstances(count: number, env: Record<string, string>): Promise<ServiceInstance[]> {
  const instances = await Promise.all(Array.from({ length: count }, () => spawnServiceInstance(env)));
  try {
    await Promise.all(instances.map((instance) => waitUntilReady(instance)));
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw error;
  }
  return instances;
}
