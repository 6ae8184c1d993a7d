/**
 * What a process killed with SIGKILL leaves in a PGlite data folder must never block the next
 * start for good (sigkill-sync.test.ts kills real processes; these pin the edge cases), and two
 * live processes must never share a folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type ExitedProcess, waitForExit } from "../../../../../scripts/support/wait-for-exit.js";
import {
  acquireDataFolderLock,
  DataFolderLockedError,
  isLockFileName,
} from "../../../src/db/data-folder-lock.js";

const folders: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("close", resolve));
      child.kill("SIGKILL");
      await exited;
    }
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const holderPath = fileURLToPath(new URL("./lock-holder-child.ts", import.meta.url));

interface Holder {
  child: ChildProcess;
  exited: Promise<ExitedProcess>;
  /** "locked" once it holds the lock; the refusal it printed if it could not take it. */
  outcome: Promise<string>;
}

/**
 * Starts lock-holder-child.ts on `dataDir`. In a fresh pid namespace it runs as PID 1 (as in a
 * container); killing `unshare` then kills it too (--kill-child).
 */
function startHolder(dataDir: string, options: { asPidOne: boolean }): Holder {
  const node = [process.execPath, "--conditions=@attendant/source", "--import", "tsx", holderPath, dataDir];
  const [command, ...args] = options.asPidOne
    ? ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child=SIGKILL", ...node]
    : node;
  const child = spawn(command as string, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const exited = waitForExit(child);
  const outcome = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve("locked");
    });
    exited.then(
      (result) => resolve(result.stderr.trim() || `exited ${result.code ?? result.signal}`),
      reject,
    );
  });
  return { child, exited, outcome };
}

async function killHolder(holder: Holder): Promise<void> {
  holder.child.kill("SIGKILL");
  await holder.exited;
}

function createDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-lock-recovery-"));
  folders.push(dataDir);
  return dataDir;
}

describe("data folder lock after a kill", () => {
  it("takes over a lock left as a plain file, which no live process can hold", async () => {
    const dataDir = createDataDir();
    writeFileSync(path.join(dataDir, "attendant-1.lock"), "");

    const lock = await acquireDataFolderLock(dataDir);
    expect(lock.path).toBe(path.join(dataDir, "attendant-2.lock"));
    expect(readdirSync(dataDir)).toEqual(["attendant-2.lock"]);
    lock.release();
  });

  it("leaves only its lock socket while the lock is held, and nothing after release", async () => {
    const dataDir = createDataDir();
    const lock = await acquireDataFolderLock(dataDir);
    expect(readdirSync(dataDir)).toEqual(["attendant-1.lock"]);
    await expect(acquireDataFolderLock(dataDir)).rejects.toThrow(DataFolderLockedError);
    expect(readdirSync(dataDir)).toEqual(["attendant-1.lock"]);
    lock.release();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("takes over the lock of an Attendant that ran as PID 1 in a fresh pid namespace and was killed", async () => {
    const dataDir = createDataDir();
    const first = startHolder(dataDir, { asPidOne: true });
    expect(await first.outcome).toBe("locked");
    await killHolder(first);
    // The dead PID 1 left its lock behind; the restart is PID 1 again, in a new namespace.
    expect(readdirSync(dataDir).filter(isLockFileName)).toEqual(["attendant-1.lock"]);

    const restarted = startHolder(dataDir, { asPidOne: true });
    expect(await restarted.outcome).toBe("locked");
    expect(readdirSync(dataDir).filter(isLockFileName)).toEqual(["attendant-2.lock"]);
  });

  it("takes over an older version's lock file naming a live process that is not Attendant", async () => {
    const dataDir = createDataDir();
    const unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
    children.push(unrelated);
    writeFileSync(path.join(dataDir, "attendant.lock"), `${unrelated.pid}\n`);

    const lock = await acquireDataFolderLock(dataDir);
    expect(readdirSync(dataDir)).toEqual(["attendant-1.lock"]);
    lock.release();
  });

  it("refuses a second process while a live process holds the lock, naming the holder", async () => {
    const dataDir = createDataDir();
    const holder = startHolder(dataDir, { asPidOne: false });
    expect(await holder.outcome).toBe("locked");

    await expect(acquireDataFolderLock(dataDir)).rejects.toThrow(
      `The data folder ${dataDir} is in use by another Attendant process (pid ${holder.child.pid}).`,
    );
    const second = startHolder(dataDir, { asPidOne: false });
    expect(await second.outcome).toContain(`in use by another Attendant process (pid ${holder.child.pid})`);
  });

  it("refuses a second process in a fresh pid namespace while the first, PID 1 in its own, holds the lock", async () => {
    const dataDir = createDataDir();
    const holder = startHolder(dataDir, { asPidOne: true });
    expect(await holder.outcome).toBe("locked");

    const second = startHolder(dataDir, { asPidOne: true });
    expect(await second.outcome).toContain("in use by another Attendant process (pid 1)");
  });

  it("lets exactly one of several processes that start together over a dead lock take it", async () => {
    const dataDir = createDataDir();
    writeFileSync(path.join(dataDir, "attendant-1.lock"), "");
    const starters = Array.from({ length: 4 }, () => startHolder(dataDir, { asPidOne: false }));
    const outcomes = await Promise.all(starters.map((starter) => starter.outcome));
    expect(outcomes.filter((outcome) => outcome === "locked")).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate !== "locked")) {
      expect(outcome).toContain("in use by another Attendant process");
    }
  });

  it("refuses a data folder whose path is too long for the lock socket, saying how long it may be", async () => {
    const dataDir = path.join(createDataDir(), "d".repeat(100));
    mkdirSync(dataDir);
    await expect(acquireDataFolderLock(dataDir)).rejects.toThrow(
      /^The data folder path .* is too long to hold its lock .* Set ATTENDANT_DATA_DIR to a folder whose path is at most 86 bytes long\.$/,
    );
  });
});
