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
 * Every `openDatabase()` gives a fresh, empty, unmigrated database, closed after each test.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, describe } from "vitest";
import type { Config } from "../../src/config/config-schema.js";
import { loadConfig } from "../../src/config/load-config.js";
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

export interface TestEngine {
  name: DatabaseEngine;
  /** A fresh database; `env` adds or overrides configuration variables. */
  openDatabase(env?: Record<string, string>): Promise<TestDatabase>;
  /** A configuration for a fresh database, without opening it (for startService tests). */
  createConfig(env?: Record<string, string>): Promise<Config>;
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

class EngineUnderTest implements TestEngine {
  #server: Promise<PostgresServer> | undefined;
  #opened: Database[] = [];
  #folders: string[] = [];

  constructor(readonly name: DatabaseEngine) {}

  async createConfig(env: Record<string, string> = {}): Promise<Config> {
    const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-test-"));
    this.#folders.push(dataDir);
    const engineEnv: Record<string, string> = {};
    if (this.name === "postgresql") {
      engineEnv.DATABASE_URL = await (await this.#startServer()).createDatabase();
    } else {
      await copyPgliteTemplate(dataDir);
    }
    return loadConfig({
      env: {
        ATTENDANT_DATA_DIR: dataDir,
        ATTENDANT_KEYS: generateKeyEntry("test-key"),
        ...engineEnv,
        ...env,
      },
    });
  }

  async openDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
    const config = await this.createConfig(env);
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

/**
 * Creating a PGlite data folder runs initdb inside WebAssembly (seconds); copying a pristine one
 * takes a fraction of that. The template is shared by all test files through the temp folder,
 * keyed by PGlite's version, and published with an atomic rename so parallel workers never see
 * a half-written one.
 */
const templateDir = path.join(tmpdir(), `attendant-pglite-template-${readPgliteVersion()}`);

async function copyPgliteTemplate(dataDir: string): Promise<void> {
  await ensurePgliteTemplate();
  cpSync(templateDir, path.join(dataDir, pgliteFolderName), { recursive: true });
}

async function ensurePgliteTemplate(): Promise<void> {
  if (existsSync(templateDir)) return;
  const building = mkdtempSync(`${templateDir}-building-`);
  const client = await PGlite.create(building);
  await client.close();
  try {
    renameSync(building, templateDir);
  } catch {
    // Another worker published it first; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
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
