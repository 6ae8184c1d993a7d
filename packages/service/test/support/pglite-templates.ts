/**
 * Ready PGlite data folders for tests, copied from templates instead of created: engines.ts
 * gives them to database tests, and the CLI's tests to the installations they run `attendant`
 * against (packages/cli/test/integration/installation.ts).
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../../src/config/load-config.js";
import { migrate, migrationsFolder } from "../../src/db/migrate.js";
import { openDatabase, pgliteFolderName } from "../../src/db/open-database.js";
import { generateKeyEntry } from "./keys.js";

/**
 * Creating a PGlite data folder runs initdb inside WebAssembly and migrating it takes seconds
 * more; copying a ready folder takes a fraction of that. Two templates are shared by all test
 * files through the temp folder: a pristine one keyed by PGlite's version, and a migrated one
 * keyed also by the migration files, so a new migration builds a new template. Each is published
 * with an atomic rename so parallel workers never see a half-written one.
 */
const pgliteVersion = readPgliteVersion();
const pristineTemplateDir = path.join(tmpdir(), `attendant-pglite-template-${pgliteVersion}`);
const migratedTemplateDir = path.join(
  tmpdir(),
  `attendant-pglite-migrated-${pgliteVersion}-${fingerprintMigrations()}`,
);

/**
 * Fills the data folder `dataDir` with a PGlite database: migrated (empty tables), or `migrated:
 * false` as initdb left it.
 */
export async function copyPgliteTemplate(dataDir: string, migrated: boolean): Promise<void> {
  const template = migrated ? await ensureMigratedTemplate() : await ensurePristineTemplate();
  cpSync(template, path.join(dataDir, pgliteFolderName), { recursive: true });
}

async function ensurePristineTemplate(): Promise<string> {
  return publishTemplate(pristineTemplateDir, async (building) => {
    const client = await PGlite.create(building);
    await client.close();
  });
}

async function ensureMigratedTemplate(): Promise<string> {
  return publishTemplate(migratedTemplateDir, async (building) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-template-"));
    try {
      cpSync(await ensurePristineTemplate(), path.join(dataDir, pgliteFolderName), { recursive: true });
      const database = await openDatabase(
        loadConfig({ env: { ATTENDANT_DATA_DIR: dataDir, ATTENDANT_KEYS: generateKeyEntry("test-key") } }),
      );
      await migrate(database);
      await database.close();
      cpSync(path.join(dataDir, pgliteFolderName), building, { recursive: true });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/** Builds a template into a scratch folder and renames it into place, unless it exists. */
async function publishTemplate(target: string, build: (building: string) => Promise<void>): Promise<string> {
  if (existsSync(target)) return target;
  const building = mkdtempSync(`${target}-building-`);
  await build(building);
  try {
    renameSync(building, target);
  } catch {
    // Another worker published it first; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  return target;
}

function fingerprintMigrations(): string {
  const fingerprint = createHash("sha256");
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (statSync(full).isFile()) fingerprint.update(file).update(readFileSync(full));
  }
  return fingerprint.digest("hex").slice(0, 16);
}

function readPgliteVersion(): string {
  // The package does not export its package.json; find it next to the resolved entry point.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const manifest: unknown = JSON.parse(
    readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"),
  );
  return typeof manifest === "object" && manifest !== null && "version" in manifest
    ? String(manifest.version)
    : "unknown";
}
