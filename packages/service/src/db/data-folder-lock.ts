/**
 * One Attendant process per data folder. PGlite is a single-user PostgreSQL: two processes
 * opening the same folder would corrupt it. The lock file holds the owner's pid so a lock left
 * behind by a crashed process can be recognised and taken over.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
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
    // No readable pid: a lock file is only ever created with its pid in it (see
    // tryCreateLockFile), so this is a file from an older version or a damaged disk. A fresh
    // one may belong to a process starting right now; one older than a few seconds is stale.
    const isStaleWithoutPid = ownerPid === undefined && isOlderThan(lockPath, unreadableLockGraceMs);
    if (!isStaleWithoutPid && (ownerPid === undefined || isProcessAlive(ownerPid))) {
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

/** How long a lock file without a readable pid may be a starting process's. */
const unreadableLockGraceMs = 10_000;

/**
 * The pid is written to a file of our own first, which is then hard-linked to the lock's name:
 * `link` fails with EEXIST when the lock exists, so of several processes exactly one wins, and
 * the lock file never exists without its pid — a process killed (SIGKILL) while taking the lock
 * leaves at worst its own temporary file, never an empty lock that would block every restart.
 * The losers leave nothing behind in the folder.
 */
function tryCreateLockFile(lockPath: string): boolean {
  const ownPath = `${lockPath}.${process.pid}.tmp`;
  const fd = openSync(ownPath, "w", 0o644);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(ownPath, lockPath);
    return true;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(ownPath, { force: true });
  }
}

function isOlderThan(filePath: string, ageMs: number): boolean {
  try {
    return Date.now() - statSync(filePath).mtimeMs > ageMs;
  } catch {
    return false;
  }
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
