import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** The fixed key the installations' keyring holds, as `k1`. */
export const installationKey = Buffer.alloc(32, 7).toString("base64");

/**
 * Call at the top of a test file: returns a maker of fresh embedded databases with a fixed
 * keyring, as an operator's installation would have (the environment for `runAttendant`), and
 * removes their folders after the file's tests.
 */
export function useInstallations(): (extra?: Record<string, string>) => Promise<Record<string, string>> {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async (extra = {}) => {
    const dataDir = await mkdtemp(join(tmpdir(), "attendant-cli-"));
    folders.push(dataDir);
    return {
      ATTENDANT_DATA_DIR: dataDir,
      DATABASE_URL: "",
      ATTENDANT_KEYS: `k1:${installationKey}`,
      ATTENDANT_PRIMARY_KEY: "",
      ...extra,
    };
  };
}
