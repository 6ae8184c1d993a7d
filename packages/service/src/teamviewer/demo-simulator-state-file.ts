/**
 * The demo simulator's memory in the data folder (issue 25: "a restarted demo carries on where it
 * stopped"; ADR 0048). Without it a restart forgets every simulated account, token, session and
 * report while our database still names them: "Hand over" on an earlier session then fails.
 *
 * The file is replaced atomically (a temporary file renamed over it), so a crash mid-write leaves
 * the previous state. A file that cannot be read or resumed is moved aside, never deleted, and the
 * demo starts empty rather than not at all.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { createSimulator, type SimulatorSnapshot } from "@attendant/simulator";
import type { Logger } from "../logging/logger.js";

export const demoSimulatorStateFileName = "demo-simulator.json";

export interface DemoSimulatorStateFile {
  readonly filePath: string;
  /** The saved state, or undefined when there is none or it was unreadable (then moved aside). */
  load(): Promise<SimulatorSnapshot | undefined>;
  /** Saves what `take` answers once the writes before it are done; saves asked for meanwhile coalesce. */
  save(take: () => SimulatorSnapshot): void;
  /** Resolves when every save asked for so far is on disk. */
  flush(): Promise<void>;
}

export function openDemoSimulatorStateFile(dataDir: string, logger: Logger): DemoSimulatorStateFile {
  const filePath = path.join(dataDir, demoSimulatorStateFileName);
  let writes: Promise<void> = Promise.resolve();
  let isSaveQueued = false;
  let lastWritten: string | undefined;

  const writeNow = async (take: () => SimulatorSnapshot) => {
    isSaveQueued = false;
    const text = JSON.stringify(take());
    // Most requests (a sync reading reports) change nothing worth a write.
    if (text === lastWritten) return;
    await mkdir(dataDir, { recursive: true });
    const temporaryPath = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporaryPath, text, { mode: 0o600 });
    await rename(temporaryPath, filePath);
    lastWritten = text;
  };

  return {
    filePath,
    async load() {
      let text: string;
      try {
        text = await readFile(filePath, "utf8");
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
        return setAside(filePath, error, logger);
      }
      try {
        const snapshot = JSON.parse(text) as SimulatorSnapshot;
        // Resuming proves the file is one this version can carry on from.
        createSimulator({ snapshot, demoData: false });
        lastWritten = text;
        return snapshot;
      } catch (error) {
        return setAside(filePath, error, logger);
      }
    },
    save(take) {
      if (isSaveQueued) return;
      isSaveQueued = true;
      writes = writes
        .then(() => writeNow(take))
        .catch((error: unknown) => {
          logger.error(
            { err: error, stateFile: filePath },
            "The demo simulator's state could not be saved; a restart may forget the latest changes.",
          );
        });
    },
    flush: () => writes,
  };
}

async function setAside(filePath: string, reason: unknown, logger: Logger): Promise<undefined> {
  const asidePath = `${filePath}.unreadable-${new Date().toISOString().replaceAll(":", "-")}`;
  let movedTo: string | undefined = asidePath;
  await rename(filePath, asidePath).catch(() => {
    movedTo = undefined;
  });
  logger.warn(
    { err: reason, stateFile: filePath, ...(movedTo === undefined ? {} : { movedTo }) },
    movedTo === undefined
      ? "The demo simulator's saved state is unreadable and could not be moved aside; the simulator starts empty."
      : `The demo simulator's saved state is unreadable; it was moved to ${movedTo} and the simulator starts empty.`,
  );
  return undefined;
}
