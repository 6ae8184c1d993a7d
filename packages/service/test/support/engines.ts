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
 * Every `openDatabase()` gives a freshly migrated, empty database. On PGlite the first one of a
 * test file is a copy of an already migrated template (migrating takes seconds there, copying
 * milliseconds) and later tests get the same instance back with every table emptied; on
 * PostgreSQL each is a new database copied from a migrated template database. `{ migrated:
 * false }` gives an empty one for tests about migrations themselves. Running `migrate()` on a
 * fresh database is a no-op, so tests may call it either way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe } from "vitest";
import type { Config } from "../../src/config/config-schema.js";
import { loadConfig } from "../../src/config/load-config.js";
import { migrate } from "../../src/db/migrate.js";
import { type Database, type DatabaseEngine, openDatabase } from "../../src/db/open-database.js";
import { generateKeyEntry } from "./keys.js";
import { copyPgliteTemplate } from "./pglite-templates.js";
import { isPostgresAvailable, type PostgresServer, startPostgresServer } from "./postgres-server.js";
import { queryRows } from "./query-rows.js";

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
  /**
   * A fresh database that stays open for the whole describe block (closed after all its tests),
   * for tests that share one: call it from `beforeAll`.
   */
  openSharedDatabase(env?: Record<string, string>): Promise<TestDatabase>;
}

export const engineNames: readonly DatabaseEngine[] = ["pglite", "postgresql"];

export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  describeOnEngines(engineNames, title, body);
}

/**
 * PostgreSQL only, for heavy tests whose subject is the same code on both engines (and whose
 * scale PGlite would make slow). Skipped only where PostgreSQL is missing outside CI.
 */
export function describeOnPostgresql(title: string, body: (engine: TestEngine) => void): void {
  describeOnEngines(["postgresql"], title, body);
}

function describeOnEngines(
  names: readonly DatabaseEngine[],
  title: string,
  body: (engine: TestEngine) => void,
): void {
  for (const name of names) {
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
  #postgresTemplate: Promise<string> | undefined;
  #opened: Database[] = [];
  #folders: string[] = [];
  #shared: Database[] = [];
  #sharedFolders: string[] = [];
  /** PGlite databases the last tests left open, kept for the next test (see `#reusePglite`). */
  #idlePglite: PooledPglite[] = [];
  #lentPglite = new Map<Database, PooledPglite>();

  constructor(readonly name: DatabaseEngine) {}

  createConfig(env: Record<string, string> = {}, options: FreshDatabaseOptions = {}): Promise<Config> {
    return this.#createConfigIn(this.#folders, env, options);
  }

  /** `folders` decides the data folder's lifetime: this test's, or the describe block's. */
  async #createConfigIn(
    folders: string[],
    env: Record<string, string>,
    options: FreshDatabaseOptions,
  ): Promise<Config> {
    const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-test-"));
    folders.push(dataDir);
    const engineEnv: Record<string, string> = {};
    const isMigrated = options.migrated ?? true;
    if (this.name === "postgresql") {
      const server = await this.#startServer();
      engineEnv.DATABASE_URL = await server.createDatabase(
        isMigrated ? await this.#migratedPostgresTemplate(server) : undefined,
      );
    } else {
      await copyPgliteTemplate(dataDir, isMigrated);
    }
    return configFor(dataDir, { ...engineEnv, ...env });
  }

  async openDatabase(
    env: Record<string, string> = {},
    options: FreshDatabaseOptions = {},
  ): Promise<TestDatabase> {
    if (this.name === "pglite" && (options.migrated ?? true)) {
      const reused = await this.#reusePglite(env);
      if (reused !== undefined) return reused;
    }
    const config = await this.createConfig(env, options);
    const database = await openDatabase(config);
    this.#opened.push(database);
    if (this.name === "pglite" && (options.migrated ?? true))
      this.#makePoolable({ database, dataDir: config.dataDir });
    return { database, config };
  }

  async openSharedDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
    const config = await this.#createConfigIn(this.#sharedFolders, env, {});
    const database = await openDatabase(config);
    this.#shared.push(database);
    return { database, config };
  }

  async closeOpened(): Promise<void> {
    const opened = this.#opened.splice(0);
    const toClose = opened.filter((database) => !this.#lentPglite.has(database));
    for (const database of opened) {
      const pooled = this.#lentPglite.get(database);
      if (pooled !== undefined) this.#idlePglite.push(pooled);
    }
    this.#lentPglite.clear();
    await Promise.allSettled(toClose.map((database) => database.close()));
    const keptFolders = new Set(this.#idlePglite.map((pooled) => pooled.dataDir));
    for (const folder of this.#folders.splice(0)) {
      if (keptFolders.has(folder)) this.#folders.push(folder);
      else rmSync(folder, { recursive: true, force: true });
    }
  }

  async shutDown(): Promise<void> {
    await this.closeOpened();
    await Promise.allSettled(this.#shared.splice(0).map((database) => database.close()));
    for (const folder of this.#sharedFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
    await Promise.allSettled(this.#idlePglite.splice(0).map((pooled) => pooled.database.close()));
    for (const folder of this.#folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    await (await this.#server)?.stop();
  }

  /**
   * Starting PGlite costs most of a second per test; emptying every table of one a previous
   * test left behind costs a few milliseconds. The tables are truncated with triggers off (the
   * audit log refuses TRUNCATE on purpose) and any advisory lock is released, so the next test
   * sees a freshly migrated database. A test that closes its database itself takes it out of
   * the pool; one that cannot be reset is closed and replaced.
   */
  async #reusePglite(env: Record<string, string>): Promise<TestDatabase | undefined> {
    const pooled = this.#idlePglite.pop();
    if (pooled === undefined) return undefined;
    try {
      await emptyEveryTable(pooled.database);
    } catch {
      await pooled.database.close().catch(() => undefined);
      return undefined;
    }
    this.#opened.push(pooled.database);
    this.#lentPglite.set(pooled.database, pooled);
    return { database: pooled.database, config: configFor(pooled.dataDir, env) };
  }

  /** Lends the database to the current test, and makes sure one its test closed is never reused. */
  #makePoolable(pooled: PooledPglite): void {
    const realClose = pooled.database.close.bind(pooled.database);
    pooled.database.close = async () => {
      this.#lentPglite.delete(pooled.database);
      this.#idlePglite = this.#idlePglite.filter((idle) => idle !== pooled);
      this.#opened = this.#opened.filter((database) => database !== pooled.database);
      await realClose();
    };
    this.#lentPglite.set(pooled.database, pooled);
  }

  #startServer(): Promise<PostgresServer> {
    this.#server ??= startPostgresServer();
    return this.#server;
  }

  /** A migrated database on the server that fresh test databases are copied from. */
  #migratedPostgresTemplate(server: PostgresServer): Promise<string> {
    this.#postgresTemplate ??= (async () => {
      const url = await server.createDatabase();
      const database = await openDatabase({ dataDir: tmpdir(), databaseUrl: url });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      return new URL(url).pathname.slice(1);
    })();
    return this.#postgresTemplate;
  }
}

interface PooledPglite {
  database: Database;
  dataDir: string;
}

async function emptyEveryTable(database: Database): Promise<void> {
  const rows = await queryRows<{ tablename: string }>(
    database.db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const tables = rows.map((row) => `"public"."${row.tablename}"`);
  await database.db.execute(sql`set session_replication_role = replica`);
  try {
    if (tables.length > 0)
      await database.db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
  } finally {
    await database.db.execute(sql`set session_replication_role = default`);
  }
  await database.db.execute(sql`select pg_advisory_unlock_all()`);
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
