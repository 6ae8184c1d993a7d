/**
 * What a process killed with SIGKILL leaves in a PGlite data folder must never block the next
 * start for good (sigkill-sync.test.ts kills real processes; these pin the edge cases).
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDataFolderLock,
  DataFolderLockedError,
  lockFileName,
} from "../../../src/db/data-folder-lock.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function createDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-lock-recovery-"));
  folders.push(dataDir);
  return dataDir;
}

describe("data folder lock after a kill", () => {
  it("takes over a lock file without a pid once it is older than a starting process could be", () => {
    const dataDir = createDataDir();
    const lockPath = path.join(dataDir, lockFileName);
    writeFileSync(lockPath, "");
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, aMinuteAgo, aMinuteAgo);

    const lock = acquireDataFolderLock(dataDir);
    lock.release();
  });

  it("still counts a fresh lock file without a pid as held, since its owner may be starting", () => {
    const dataDir = createDataDir();
    writeFileSync(path.join(dataDir, lockFileName), "");
    expect(() => acquireDataFolderLock(dataDir)).toThrow(DataFolderLockedError);
  });

  it("leaves only the lock file, holding its pid, while the lock is held, and nothing after release", () => {
    const dataDir = createDataDir();
    const lock = acquireDataFolderLock(dataDir);
    expect(readdirSync(dataDir)).toEqual([lockFileName]);
    expect(() => acquireDataFolderLock(dataDir)).toThrow(DataFolderLockedError);
    expect(readdirSync(dataDir)).toEqual([lockFileName]);
    lock.release();
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
