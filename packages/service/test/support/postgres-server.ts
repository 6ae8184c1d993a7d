/**
 * A throwaway PostgreSQL server for tests: Debian's binaries, a temp folder, a loopback port,
 * trust authentication, durability switched off for speed. Started with `initdb` + `pg_ctl`
 * (through `runuser -u postgres` when running as root, since PostgreSQL refuses to run as root)
 * and stopped by its pid.
 *
 * In CI (`CI` set) missing binaries are an error, never a skip: the scale-out path must be
 * proven on every run. `.ci/run` installs them (scripts/ensure-system-packages.sh).
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
const debianRoot = "/usr/lib/postgresql";
const minimumMajorVersion = 15;

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
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

/** Whether PostgreSQL tests can run here; throws in CI when they cannot. */
export function isPostgresAvailable(): boolean {
  if (findPostgresBinaries() !== undefined) return true;
  if (process.env.CI) {
    throw new Error(
      `PostgreSQL ${minimumMajorVersion}+ binaries are missing under ${debianRoot}, and CI must run the PostgreSQL tests. ` +
        "Install Debian's postgresql package (scripts/ensure-system-packages.sh does).",
    );
  }
  return false;
}

export async function startPostgresServer(): Promise<PostgresServer> {
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
      "--no-sync",
    ]);
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-k ${root}`,
      // A test server holds nothing worth a disk flush.
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
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
    async createDatabase() {
      const name = `test_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
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
