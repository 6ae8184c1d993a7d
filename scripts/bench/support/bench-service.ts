/**
 * The service side of a benchmark case, set up the way a deployment would be: a migrated
 * database (embedded PGlite in a temp data folder, or the PostgreSQL database the parent made),
 * one organisation whose TeamViewer app and script token are the simulator's demo ones, and the
 * report-sync dependencies built as `startService` builds them.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Config,
  createLogger,
  loadConfig,
  migrate,
  openDatabase,
  SecretBox,
  systemClock,
} from "@attendant/service";
import { saveOrganisationScriptToken } from "../../../packages/service/src/db/repositories/organisation-script-tokens.js";
import { createOrganisation } from "../../../packages/service/src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../../packages/service/src/db/repositories/teamviewer-apps.js";
import type { ReportSyncDeps } from "../../../packages/service/src/reports/report-sync-deps.js";
import { createTeamViewerAccess } from "../../../packages/service/src/teamviewer/teamviewer-access.js";
import type { BenchSimulator } from "./bench-simulator.js";

export type BenchEngine = "pglite" | "postgresql";

export interface BenchService {
  deps: ReportSyncDeps;
  config: Config;
  organisationId: string;
  /** Another organisation with the same app and script token (so the same records). */
  addOrganisation(name: string): Promise<string>;
  /** Closes the database and removes the data folder. */
  close(): Promise<void>;
  /** Closes the database only, for a case that then starts the service on it. */
  closeDatabase(): Promise<void>;
  removeDataDir(): Promise<void>;
}

/** A fresh key per run: nothing a benchmark stores outlives it. */
export function generateBenchKeys(): string {
  return `bench:${randomBytes(32).toString("base64")}`;
}

export async function openBenchService(options: {
  engine: BenchEngine;
  /** PostgreSQL only: a fresh database on the parent's server. */
  databaseUrl?: string | undefined;
  simulator: BenchSimulator;
  /** More configuration variables. */
  extraEnv?: Record<string, string>;
}): Promise<BenchService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-"));
  if (options.engine === "pglite") prepareDataFolder(dataDir);
  const config = loadConfig({
    env: {
      ATTENDANT_DATA_DIR: dataDir,
      ATTENDANT_KEYS: generateBenchKeys(),
      ATTENDANT_DEMO: "false",
      ATTENDANT_LOG_LEVEL: "silent",
      ...(options.engine === "postgresql" ? { DATABASE_URL: requireUrl(options.databaseUrl) } : {}),
      ...options.extraEnv,
    },
  });
  const logger = createLogger("silent");
  const database = await openDatabase(config, { logger });
  await migrate(database);
  if (config.keyring === undefined) throw new Error("the bench config has a keyring");
  const vault = new SecretBox(config.keyring);
  const clock = systemClock;
  const { simulator } = options;
  const addOrganisation = async (name: string) => {
    const organisation = await createOrganisation(database.db, { name });
    await saveTeamViewerApp(
      database.db,
      vault,
      {
        organisationId: organisation.id,
        clientId: simulator.clientId,
        clientSecret: simulator.clientSecret,
        redirectUri: "http://localhost:3000/teamviewer/callback",
        authorizeUrl: simulator.authorizeUrl,
        apiBaseUrl: simulator.apiBaseUrl,
      },
      clock.now(),
    );
    await saveOrganisationScriptToken(
      database.db,
      vault,
      { organisationId: organisation.id, token: simulator.scriptToken, createdByUserId: null },
      clock.now(),
    );
    return organisation.id;
  };
  const organisationId = await addOrganisation("Bench Helpdesk");
  const appDeps = { database, config, clock, vault, logger };
  const removeDataDir = async () => rmSync(dataDir, { recursive: true, force: true });
  return {
    deps: { ...appDeps, teamViewer: createTeamViewerAccess(appDeps) },
    config,
    organisationId,
    addOrganisation,
    async close() {
      await database.close();
      await removeDataDir();
    },
    closeDatabase: () => database.close(),
    removeDataDir,
  };
}

function prepareDataFolder(dataDir: string): void {
  const script = fileURLToPath(new URL("prepare-data-folder.ts", import.meta.url));
  const child = spawnSync(
    process.execPath,
    ["--conditions=@attendant/source", "--import", "tsx", script, dataDir],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`preparing ${dataDir} failed:\n${child.stderr}`);
}

function requireUrl(url: string | undefined): string {
  if (url === undefined) throw new Error("the postgresql engine needs a database URL");
  return url;
}
