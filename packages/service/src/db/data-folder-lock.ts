/**
 * One Attendant process per data folder. PGlite is a single-user PostgreSQL: two processes
 * opening the same folder would corrupt it.
 *
 * The lock is a listening Unix socket in the folder (lock-socket.ts), so whether its holder is
 * alive is the kernel's answer, not a guess from a pid (docs/adr/0016-data-folder-lock.md).
 * Sockets are numbered: `attendant-1.lock`, `attendant-2.lock`, … and the highest number is the
 * lock. A dead holder's socket is never removed to make room; the next process binds the next
 * number instead. Binding a path is atomic, so of several processes taking over the same dead
 * lock exactly one gets the next number, and once it listens, a process that finds a higher
 * number than its own, or the number it passed alive after all, steps back. So two live
 * processes never both hold the folder, and nothing a killed process leaves behind (at any point
 * of taking the lock) blocks the next start.
 */
import { readdirSync, rmSync } from "node:fs";
import type { Server } from "node:net";
import * as path from "node:path";
import { listenOnLockSocket, probeLockSocket } from "./lock-socket.js";

const lockFilePattern = /^attendant-(\d{1,15})\.lock$/;

/** The pid file older versions kept; removed once we hold the folder. */
const legacyLockFileName = "attendant.lock";

/** Whether a file in the data folder is one of the lock's sockets. */
export function isLockFileName(name: string): boolean {
  return lockFilePattern.test(name);
}

/**
 * Longest Unix socket path (sun_path less its terminating NUL) on both Linux (107) and macOS
 * (103); Node cuts longer ones short without a word, which would lock the wrong path.
 */
const maxSocketPathBytes = 103;

export class DataFolderLockedError extends Error {
  override name = "DataFolderLockedError";
}

export interface DataFolderLock {
  readonly path: string;
  /** Stops holding the folder. Safe to call twice. */
  release(): void;
}

/** Gives up when the lock keeps changing hands this often while we look. */
const maxAttempts = 10;

/**
 * Takes the folder's lock or throws {@link DataFolderLockedError}. Must run before anything
 * else touches the folder, so a losing process never writes into it.
 */
export async function acquireDataFolderLock(dataDir: string): Promise<DataFolderLock> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = highestLock(dataDir);
    if (current !== undefined) {
      const probe = await probeLockSocket(lockPath(dataDir, current));
      if (probe.state === "held") throw lockedError(dataDir, current, probe.holderPid);
      if (probe.state === "gone") continue;
    }
    const number = (current ?? 0) + 1;
    const ownPath = lockPath(dataDir, number);
    assertSocketPathFits(dataDir, ownPath);
    const server = await listenOnLockSocket(ownPath);
    if (server === undefined) continue;
    // Someone took a later number while we bound ours, or the lock we judged dead was only
    // between its bind and its listen and lives: theirs is the lock, judged next round.
    const isPassed = (highestLock(dataDir) ?? 0) > number;
    if (isPassed || (current !== undefined && (await isHeld(lockPath(dataDir, current))))) {
      stopHolding(server);
      continue;
    }
    removeEarlierLocks(dataDir, number);
    return createHandle(server, ownPath);
  }
  throw new DataFolderLockedError(
    `Could not lock the data folder ${dataDir}: other processes kept taking its lock (${lockPath(dataDir, highestLock(dataDir) ?? 1)}).`,
  );
}

async function isHeld(socketPath: string): Promise<boolean> {
  return (await probeLockSocket(socketPath)).state === "held";
}

function assertSocketPathFits(dataDir: string, socketPath: string): void {
  const length = Buffer.byteLength(socketPath);
  if (length <= maxSocketPathBytes) return;
  throw new DataFolderLockedError(
    `The data folder path ${dataDir} is too long to hold its lock ${socketPath} (a Unix socket path ` +
      `has at most ${maxSocketPathBytes} bytes). Set ATTENDANT_DATA_DIR to a folder whose path is at ` +
      `most ${maxSocketPathBytes - (length - Buffer.byteLength(dataDir))} bytes long.`,
  );
}

function lockPath(dataDir: string, number: number): string {
  return path.join(dataDir, `attendant-${number}.lock`);
}

function lockNumbers(dataDir: string): number[] {
  return readdirSync(dataDir).flatMap((name) => {
    const match = lockFilePattern.exec(name);
    return match?.[1] === undefined ? [] : [Number(match[1])];
  });
}

function highestLock(dataDir: string): number | undefined {
  const numbers = lockNumbers(dataDir);
  return numbers.length === 0 ? undefined : Math.max(...numbers);
}

/** Earlier numbers are dead holders' sockets, or those of processes that stepped back. */
function removeEarlierLocks(dataDir: string, number: number): void {
  for (const earlier of lockNumbers(dataDir).filter((candidate) => candidate < number)) {
    rmSync(lockPath(dataDir, earlier), { force: true });
  }
  rmSync(path.join(dataDir, legacyLockFileName), { force: true });
}

function lockedError(dataDir: string, number: number, holderPid: number | undefined): DataFolderLockedError {
  return new DataFolderLockedError(
    `The data folder ${dataDir} is in use by another Attendant process (pid ${holderPid ?? "unknown"}). ` +
      "Stop that process, or set ATTENDANT_DATA_DIR to another folder. " +
      `The lock is the socket ${lockPath(dataDir, number)}, held while its process lives.`,
  );
}

/**
 * Closing the server removes its socket file before the socket is closed (libuv unlinks a bound
 * pipe's path on close), so no other process's socket at the same path can be removed by us.
 */
function stopHolding(server: Server): void {
  server.close();
}

function createHandle(server: Server, socketPath: string): DataFolderLock {
  let isReleased = false;
  return {
    path: socketPath,
    release() {
      if (isReleased) return;
      isReleased = true;
      stopHolding(server);
    },
  };
}
