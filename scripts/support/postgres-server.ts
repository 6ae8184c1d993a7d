/**
 * A throwaway PostgreSQL server, for the service's tests and for `npm run bench`: Debian's
 * binaries, a temp folder, a loopback port, trust authentication. Started with `initdb` +
 * `pg_ctl` (through `runuser -u postgres` when running as root, since PostgreSQL refuses to run
 * as root) and stopped by its pid.
 *
 * Tests switch durability off for speed (nothing they store is worth a disk flush); benchmarks
 * keep PostgreSQL's defaults (`isDurable`), so their numbers are what a real server would do.
 */
import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findFreePort } from "./free-port.js";

const execFile = promisify(execFileCallback);
export const debianRoot = "/usr/lib/postgresql";
export const minimumMajorVersion = 15;

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  /** A new database, empty or as a copy of `template` (a database on this server). */
  createDatabase(template?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The bin folder of the newest installed PostgreSQL ≥ 15, or undefined. */
export function findPostgresBinaries(): string | undefined {
  if (!existsSync(debianRoot)) return undefined;
  const versions = readdirSync(debianRoot)
    .map(Number)
    .filter((version) => version >= minimumMajorVersion)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = path.join(debianRoot, String(version), "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

export interface StartPostgresOptions {
  /** Keep fsync, synchronous commit and full-page writes on (default off: tests). */
  isDurable?: boolean;
}

export async function startPostgresServer(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBinaries();
  if (bin === undefined) throw new Error(`no PostgreSQL ${minimumMajorVersion}+ under ${debianRoot}`);
  const isRoot = process.getuid?.() === 0;
  const root = mkdtempSync(path.join(tmpdir(), "attendant-pg-"));
  const dataDir = path.join(root, "data");
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    isRoot
      ? execFile("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args])
      : execFile(path.join(bin, command), args);

  const port = await findFreePort();
  try {
    await run("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--no-locale",
      ...(options.isDurable ? [] : ["--no-sync"]),
    ]);
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-k ${root}`,
      ...(options.isDurable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    ].join(" ");
    await run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(root, "server.log"),
      "-o",
      serverOptions,
      "-w",
      "start",
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  return {
    url,
    async createDatabase(template) {
      const name = `test_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}${template === undefined ? "" : ` template ${template}`}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await stopProcess(pid);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** SIGINT is PostgreSQL's "fast shutdown": disconnect clients, stop without waiting for them. */
async function stopProcess(pid: number): Promise<void> {
  signal(pid, "SIGINT");
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (!signal(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  signal(pid, "SIGKILL");
}

/** Sends `signal`; false when the process no longer exists. */
function signal(pid: number, name: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
