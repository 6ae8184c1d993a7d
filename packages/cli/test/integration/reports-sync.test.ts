import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { copyPgliteTemplate } from "../../../service/test/support/pglite-templates.js";
import { runAttendant } from "./run-attendant.js";

describe("attendant reports sync", () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  /** `migrated`: a copy of the migrated template, for tests not about a first start. */
  const demoEnv = async (options: { migrated?: boolean } = {}) => {
    const dataDir = await mkdtemp(join(tmpdir(), "attendant-cli-"));
    folders.push(dataDir);
    if (options.migrated === true) await copyPgliteTemplate(dataDir, true);
    return {
      ATTENDANT_DATA_DIR: dataDir,
      DATABASE_URL: "",
      ATTENDANT_DEMO: "true",
      ATTENDANT_SIMULATOR_PORT: "0",
    };
  };

  test("--json against a fresh demo data folder prints one summary and exits 0", async () => {
    const result = await runAttendant(["reports", "sync", "--json"], await demoEnv());
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ accounts: [], pages: 0, received: 0, database: "pglite", isDemo: true });
  }, 60_000);

  test("a malformed organisation id exits 2 and says what was expected", async () => {
    const result = await runAttendant(["reports", "sync", "--organisation", "acme"], await demoEnv());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("expected an id like");
  });

  test("an unknown option exits 2", async () => {
    const result = await runAttendant(["reports", "sync", "--since", "yesterday"], await demoEnv());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown option");
  });

  test("an organisation that does not exist exits 1 with the reason", async () => {
    const result = await runAttendant(
      ["reports", "sync", "--organisation", "00000000-0000-4000-8000-000000000000"],
      await demoEnv({ migrated: true }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      "There is no organisation with the id 00000000-0000-4000-8000-000000000000",
    );
  }, 60_000);
});
