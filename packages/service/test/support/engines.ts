/**
 * Runs database-facing tests on both engines: PGlite in a temp data folder, and a real
 * PostgreSQL server started for the test file (see postgres-server.ts).
 *
 *   describeEachEngine("audit log", (engine) => {
 *     it("rejects UPDATE", async () => {
 *       const { database } = await engine.openDatabase();
 *       …
 *     });
 *   });
 *
 * Every `openDatabase()` gives a fresh database, closed after each test. On PGlite it starts as a
 * copy of an already migrated template (migrating takes seconds there, copying milliseconds);
 * `{ migrated: false }` gives an empty one for tests about migrations themselves. Running
 * `migrate()` on a copy is a no-op, so tests may call it either way. PostgreSQL databases start
 * empty (migrating a real server is fast).
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
import { afterAll, afterEach, describe } from "vitest";
import type { Config } from "../../src/config/config-schema.js";
import { loadConfig } from "../../src/config/load-config.js";
import { migrate, migrationsFolder } from "../../src/db/migrate.js";
import {
  type Database,
  type DatabaseEngine,
  openDatabase,
  pgliteFolderName,
} from "../../src/db/open-database.js";
import { generateKeyEntry } from "./keys.js";
import { isPostgresAvailable, type PostgresServer, startPostgresServer } from "./postgres-server.js";

export interface TestDatabase {
  database: Database;
  /** A configuration pointing at this database, with a one-key test keyring. */
  config: Config;
}

export interface FreshDatabaseOptions {
  /** PGlite only: start from the migrated template (default) or from an empty database. */
  migrated?: boolean;
}

export interface TestEngine {
  name: DatabaseEngine;
  /** A fresh database; `env` adds or overrides configuration variables. */
  openDatabase(env?: Record<string, string>, options?: FreshDatabaseOptions): Promise<TestDatabase>;
  /** A configuration for a fresh database, without opening it (for startService tests). */
  createConfig(env?: Record<string, string>, options?: FreshDatabaseOptions): Promise<Config>;
}

export const engineNames: readonly DatabaseEngine[] = ["pglite", "postgresql"];

export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const name of engineNames) {
    const isAvailable = name === "pglite" || isPostgresAvailable();
    (isAvailable ? describe : describe.skip)(`${title} [${name}]`, () => {
      const engine = new EngineUnderTest(name);
      afterEach(() => engine.closeOpened());
      afterAll(() => engine.shutDown());
      body(engine);
    });
  }
}

/**
 * PGlite only, for tests whose subject is above the database (HTTP pages) and that need not
 * prove anything per engine. Call inside a describe block: it registers the clean-up hooks.
 */
export function usePgliteEngine(): TestEngine {
  const engine = new EngineUnderTest("pglite");
  afterEach(() => engine.closeOpened());
  afterAll(() => engine.shutDown());
  return engine;
}

class EngineUnderTest implements TestEngine {
  #server: Promise<PostgresServer> | undefined;
  #opened: Database[] = [];
  #folders: string[] = [];

  constructor(readonly name: DatabaseEngine) {}

  async createConfig(env: Record<string, string> = {}, options: FreshDatabaseOptions = {}): Promise<Config> {
    const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-test-"));
    this.#folders.push(dataDir);
    const engineEnv: Record<string, string> = {};
    if (this.name === "postgresql") {
      engineEnv.DATABASE_URL = await (await this.#startServer()).createDatabase();
    } else {
      await copyPgliteTemplate(dataDir, options.migrated ?? true);
    }
    return configFor(dataDir, { ...engineEnv, ...env });
  }

  async openDatabase(
    env: Record<string, string> = {},
    options: FreshDatabaseOptions = {},
  ): Promise<TestDatabase> {
    const config = await this.createConfig(env, options);
    const database = await openDatabase(config);
    this.#opened.push(database);
    return { database, config };
  }

  async closeOpened(): Promise<void> {
    const opened = this.#opened.splice(0);
    await Promise.allSettled(opened.map((database) => database.close()));
    for (const folder of this.#folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  }

  async shutDown(): Promise<void> {
    await this.closeOpened();
    await (await this.#server)?.stop();
  }

  #startServer(): Promise<PostgresServer> {
    this.#server ??= startPostgresServer();
    return this.#server;
  }
}

function configFor(dataDir: string, env: Record<string, string>): Config {
  return loadConfig({
    env: {
      ATTENDANT_DATA_DIR: dataDir,
      ATTENDANT_KEYS: generateKeyEntry("test-key"),
      // A demo-mode start (PGlite, no app) runs the simulator; never on a fixed port in tests.
      ATTENDANT_SIMULATOR_PORT: "0",
      ...env,
    },
  });
}

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

async function copyPgliteTemplate(dataDir: string, migrated: boolean): Promise<void> {
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
      const database = await openDatabase(configFor(dataDir, {}));
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
