/**
 * One Attendant process per data folder. PGlite is a single-user PostgreSQL: two processes
 * opening the same folder would corrupt it. The lock file holds the owner's pid so a lock left
 * behind by a crashed process can be recognised and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import * as path from "node:path";

export const lockFileName = "attendant.lock";

export class DataFolderLockedError extends Error {
  override name = "DataFolderLockedError";
}

export interface DataFolderLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes the folder's lock or throws {@link DataFolderLockedError}. Must run before anything
 * else touches the folder, so a losing process never writes into it.
 */
export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  const lockPath = path.join(dataDir, lockFileName);
  // Two attempts: the second after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreateLockFile(lockPath)) return createHandle(lockPath);
    const ownerPid = readOwnerPid(lockPath);
    // No readable pid: the owner is between creating the file and writing its pid. Treat the
    // lock as held; a stale empty file (crash in that instant) is left for a human to remove.
    if (ownerPid === undefined || isProcessAlive(ownerPid)) {
      throw new DataFolderLockedError(
        `The data folder ${dataDir} is in use by another Attendant process (pid ${ownerPid ?? "unknown"}). ` +
          "Stop that process, or set ATTENDANT_DATA_DIR to another folder. " +
          `If no Attendant process is running, delete ${lockPath}.`,
      );
    }
    // The owner died without cleaning up (crash, kill -9, power loss): the lock is stale.
    // Two processes recovering the same stale lock in the same instant could both remove and
    // recreate it; that needs a crash plus a simultaneous double start and is not guarded.
    rmSync(lockPath, { force: true });
  }
  throw new DataFolderLockedError(
    `Could not lock the data folder ${dataDir}: another process keeps recreating ${lockPath}.`,
  );
}

/**
 * O_EXCL ("wx") makes creation atomic: of several processes exactly one succeeds. The losers
 * open nothing else in the folder, so they never write into it.
 */
function tryCreateLockFile(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx", 0o644);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwnerPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 checks existence without delivering anything; EPERM means alive but not ours. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

function createHandle(lockPath: string): DataFolderLock {
  let isReleased = false;
  return {
    path: lockPath,
    release() {
      if (isReleased) return;
      isReleased = true;
      if (readOwnerPid(lockPath) === process.pid) rmSync(lockPath, { force: true });
    },
  };
}
