import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { copyPgliteTemplate } from "../../../service/test/support/pglite-templates.js";

/** The fixed key the installations' keyring holds, as `k1`. */
export const installationKey = Buffer.alloc(32, 7).toString("base64");

/**
 * Call at the top of a test file: returns a maker of fresh embedded databases with a fixed
 * keyring, as an operator's installation would have (the environment for `runAttendant`), and
 * removes their folders after the file's tests. Each starts as a copy of a migrated template, as
 * the installation is after its first `attendant migrate`: a new folder would make the first
 * command of every test pay PGlite's initdb and every migration, seconds each time, which
 * `attendant migrate`'s own test (cli.test.ts) covers once.
 */
export function useInstallations(): (extra?: Record<string, string>) => Promise<Record<string, string>> {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async (extra = {}) => {
    const dataDir = await mkdtemp(join(tmpdir(), "attendant-cli-"));
    folders.push(dataDir);
    await copyPgliteTemplate(dataDir, true);
    return {
      ATTENDANT_DATA_DIR: dataDir,
      DATABASE_URL: "",
      ATTENDANT_KEYS: `k1:${installationKey}`,
      ATTENDANT_PRIMARY_KEY: "",
      ...extra,
    };
  };
}
