import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { waitForExit } from "../../../../scripts/support/wait-for-exit.js";
import { DataFolderLockedError, isLockFileName } from "../../src/db/data-folder-lock.js";
import { type Database, openDatabase } from "../../src/db/open-database.js";

const holderPath = fileURLToPath(new URL("./faults/lock-holder-child.ts", import.meta.url));
const folders: string[] = [];
const opened: Database[] = [];

afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((database) => database.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function createDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-lock-"));
  folders.push(dataDir);
  return dataDir;
}

async function open(dataDir: string): Promise<Database> {
  const database = await openDatabase({ dataDir, databaseUrl: undefined });
  opened.push(database);
  return database;
}

/** Every file under `folder` with its size and modification time. */
function snapshot(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((entry) => {
      const stats = statSync(path.join(folder, entry));
      return `${entry} ${stats.size} ${stats.mtimeMs}`;
    })
    .sort();
}

/** Lets a process take the folder's lock and die with it held, as after kill -9. */
async function killedHolderOf(dataDir: string): Promise<void> {
  const holder = spawn(
    process.execPath,
    ["--conditions=@attendant/source", "--import", "tsx", holderPath, dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = waitForExit(holder);
  await new Promise<void>((resolve) => holder.stdout?.once("data", () => resolve()));
  holder.kill("SIGKILL");
  await exited;
}

describe("data-folder lock", () => {
  it("holds the lock socket while the embedded database is open and removes it on close", async () => {
    const dataDir = createDataDir();
    const database = await open(dataDir);
    expect(lstatSync(path.join(dataDir, "attendant-1.lock")).isSocket()).toBe(true);
    await database.close();
    expect(existsSync(path.join(dataDir, "attendant-1.lock"))).toBe(false);
  });

  it("makes a second opener fail with a clear message, without writing anything into the folder", async () => {
    const dataDir = createDataDir();
    await open(dataDir);
    const before = snapshot(dataDir);

    const attempt = openDatabase({ dataDir, databaseUrl: undefined });
    await expect(attempt).rejects.toThrow(DataFolderLockedError);
    await expect(attempt).rejects.toThrow(
      `The data folder ${dataDir} is in use by another Attendant process (pid ${process.pid}). ` +
        "Stop that process, or set ATTENDANT_DATA_DIR to another folder. " +
        `The lock is the socket ${path.join(dataDir, "attendant-1.lock")}, held while its process lives.`,
    );
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dataDir = createDataDir();
    await killedHolderOf(dataDir);
    const database = await open(dataDir);
    await database.ping();
    expect(readdirSync(dataDir).filter(isLockFileName)).toEqual(["attendant-2.lock"]);
  });
});
