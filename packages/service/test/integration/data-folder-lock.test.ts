import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataFolderLockedError, lockFileName } from "../../src/db/data-folder-lock.js";
import { type Database, openDatabase } from "../../src/db/open-database.js";

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

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }),
  );
}

describe("data-folder lock", () => {
  it("holds our pid while the embedded database is open and removes the lock on close", async () => {
    const dataDir = createDataDir();
    const database = await open(dataDir);
    expect(readFileSync(path.join(dataDir, lockFileName), "utf8").trim()).toBe(String(process.pid));
    await database.close();
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(false);
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
        `If no Attendant process is running, delete ${path.join(dataDir, lockFileName)}.`,
    );
    expect(snapshot(dataDir)).toEqual(before);
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dataDir = createDataDir();
    writeFileSync(path.join(dataDir, lockFileName), `${deadPid()}\n`);
    const database = await open(dataDir);
    await database.ping();
    expect(readFileSync(path.join(dataDir, lockFileName), "utf8").trim()).toBe(String(process.pid));
  });
});
