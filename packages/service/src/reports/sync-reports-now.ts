/**
 * `attendant reports sync` in one call: opens the configured database (migrating it, like
 * `serve`), checks the keyring, starts the demo simulator when demo mode is on, runs one full
 * sync pass (run-sync-pass.ts) and closes everything again. A running service is not disturbed:
 * the same leases keep the two from syncing one account at once (PGlite's folder lock keeps a
 * second process out of an embedded database altogether).
 */
import { randomUUID } from "node:crypto";
import { systemClock } from "../clock.js";
import type { Config } from "../config/config-schema.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";
import { releaseLeasesOfDeadProcesses } from "../db/release-dead-leases.js";
import { findOrganisationById } from "../db/repositories/organisations.js";
import type { Logger } from "../logging/logger.js";
import {
  type DemoSimulator,
  isDemoSimulatorWanted,
  startDemoSimulator,
} from "../teamviewer/demo-simulator.js";
import { createTeamViewerAccess } from "../teamviewer/teamviewer-access.js";
import { assertKeyringCoversStoredSecrets } from "../vault/check-stored-key-ids.js";
import { keyringSourceOf, resolveKeyring } from "../vault/demo-keyring.js";
import { SecretBox } from "../vault/secret-box.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { runReportSyncPass, type SyncPassProgress, type SyncPassSummary } from "./run-sync-pass.js";

/** The organisation asked for does not exist. */
export class UnknownOrganisationError extends Error {
  override name = "UnknownOrganisationError";
}

export interface SyncReportsNowResult extends SyncPassSummary {
  database: "pglite" | "postgresql";
  isDemo: boolean;
}

export async function syncReportsNow(
  config: Config,
  options: {
    logger: Logger;
    organisationId?: string | undefined;
    onProgress?: (progress: SyncPassProgress) => void;
    /** Overrides of the sync's knobs (tests: a short lease, so a killed run's lease expires soon). */
    syncOptions?: Partial<ReportSyncOptions>;
  },
): Promise<SyncReportsNowResult> {
  const { logger } = options;
  const database = await openDatabase(config, { logger });
  let demoSimulator: DemoSimulator | undefined;
  try {
    const keyring = resolveKeyring(config, logger);
    await migrate(database);
    await releaseLeasesOfDeadProcesses(database);
    await assertKeyringCoversStoredSecrets(database.db, keyring, keyringSourceOf(config));
    if (
      options.organisationId !== undefined &&
      (await findOrganisationById(database.db, options.organisationId)) === undefined
    ) {
      throw new UnknownOrganisationError(`There is no organisation with the id ${options.organisationId}.`);
    }
    if (await isDemoSimulatorWanted(config, database.db))
      demoSimulator = await startDemoSimulator(config, logger);
    const base = {
      database,
      config,
      logger,
      clock: systemClock,
      vault: new SecretBox(keyring),
      ...(demoSimulator === undefined ? {} : { demoTeamViewerApp: demoSimulator.app }),
    };
    const deps: ReportSyncDeps = { ...base, teamViewer: createTeamViewerAccess(base) };
    const summary = await runReportSyncPass(deps, {
      organisationId: options.organisationId,
      instanceId: `cli-${randomUUID()}`,
      ...(options.syncOptions === undefined ? {} : { options: options.syncOptions }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    return { ...summary, database: database.engine, isDemo: demoSimulator !== undefined };
  } finally {
    await demoSimulator?.close();
    await database.close();
  }
}
