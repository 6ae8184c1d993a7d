/**
 * Starts the whole service: database (with the data-folder lock for PGlite), migrations,
 * keyring check, HTTP server. Used by `attendant serve` and by end-to-end tests.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config/config-schema.js";
import { migrate } from "./db/migrate.js";
import { type Database, openDatabase } from "./db/open-database.js";
import { releaseLeasesOfDeadProcesses } from "./db/release-dead-leases.js";
import { ensureDemoIntegration } from "./embedding/demo-helpdesk.js";
import { createHelpdeskTicketWatch, type HelpdeskTicketWatch } from "./helpdesks/helpdesk-ticket-watch.js";
import { createHelpdeskWriter, type HelpdeskWriter } from "./helpdesks/helpdesk-writer.js";
import type { AppDeps } from "./http/app-deps.js";
import { createApp } from "./http/create-app.js";
import { prepareFirstStart } from "./identity/first-start.js";
import { createOrphanSessionSweeper } from "./jobs/orphan-session-sweeper.js";
import type { PeriodicJob } from "./jobs/periodic-job.js";
import { createReportSyncScheduler, type ReportSyncScheduler } from "./jobs/report-sync-scheduler.js";
import { createSessionStatusWatch, type SessionStatusWatch } from "./jobs/session-status-watch.js";
import { createStatisticsKeeper } from "./jobs/statistics-keeper.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { createConfiguredMailer } from "./mail/smtp-mailer.js";
import { applyDemoScriptToken } from "./reports/demo-script-token.js";
import {
  type DemoSimulator,
  isDemoSimulatorWanted,
  startDemoSimulator,
} from "./teamviewer/demo-simulator.js";
import { createTeamViewerAccess } from "./teamviewer/teamviewer-access.js";
import { assertKeyringCoversStoredSecrets } from "./vault/check-stored-key-ids.js";
import { keyringSourceOf, resolveKeyring } from "./vault/demo-keyring.js";
import { SecretBox } from "./vault/secret-box.js";
import { createWebhookDispatcher, type WebhookDispatcher } from "./webhooks/webhook-dispatcher.js";

export interface StartServiceOptions {
  logger?: Logger;
  clock?: Clock;
  teamViewerFetch?: AppDeps["teamViewerFetch"];
  mailer?: AppDeps["mailer"];
  /** Listen on this port instead of config.port; 0 picks a free one (tests). */
  port?: number;
  /** Close cleanly on SIGINT/SIGTERM; on by default, tests turn it off. */
  handleSignals?: boolean;
}

export interface RunningService {
  /** Where the server listens, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting requests, waits for open ones, closes the database, releases the lock. */
  close(): Promise<void>;
}

export async function startService(
  config: Config,
  options: StartServiceOptions = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config, { logger });
  let server: ReturnType<typeof serve>;
  let address: AddressInfo;
  let demoSignInUrl: string | undefined;
  let demoSimulator: DemoSimulator | undefined;
  let reportSync: ReportSyncScheduler | undefined;
  let webhookDispatcher: WebhookDispatcher | undefined;
  let orphanSweeper: PeriodicJob<unknown> | undefined;
  let sessionWatch: SessionStatusWatch | undefined;
  let helpdeskWriter: HelpdeskWriter | undefined;
  let ticketWatch: HelpdeskTicketWatch | undefined;
  let statisticsKeeper: PeriodicJob<unknown> | undefined;
  try {
    const keyring = resolveKeyring(config, logger);
    await migrate(database);
    await releaseLeasesOfDeadProcesses(database);
    await assertKeyringCoversStoredSecrets(database.db, keyring, keyringSourceOf(config));
    if (await isDemoSimulatorWanted(config, database.db)) {
      demoSimulator = await startDemoSimulator(config, logger);
      logger.warn(
        { simulatorUrl: demoSimulator.url },
        "Demo mode: TeamViewer calls go to the built-in simulator, not to TeamViewer. Register a real app under Settings to switch.",
      );
    }
    const clock = options.clock ?? systemClock;
    // Creates the organisation on first start; in demo mode also the demo admin's one-time link.
    const firstStart = await prepareFirstStart(
      { db: database.db, clock },
      { isDemoMode: demoSimulator !== undefined, publicUrl: config.publicUrl },
    );
    demoSignInUrl = firstStart.demoSignInUrl;
    const vault = new SecretBox(keyring);
    // In demo mode /demo/helpdesk-ticket frames the ticket widget through this integration.
    if (demoSimulator !== undefined) {
      await ensureDemoIntegration(
        { database, vault, clock, logger },
        { organisationId: firstStart.organisation.id, publicUrl: config.publicUrl },
      );
    }
    // In demo mode the sync reads the simulator's reports with its company script token.
    await applyDemoScriptToken(
      { db: database.db, vault, clock },
      { isDemoMode: demoSimulator !== undefined },
    );
    const appDeps: AppDeps = {
      database,
      config,
      logger,
      clock,
      vault,
      ...(options.teamViewerFetch === undefined ? {} : { teamViewerFetch: options.teamViewerFetch }),
      ...(demoSimulator === undefined
        ? {}
        : {
            demoTeamViewerApp: demoSimulator.app,
            saveDemoQuickSupportModule: demoSimulator.saveQuickSupportModule,
          }),
    };
    const mailer = options.mailer ?? createConfiguredMailer(config.smtp, logger);
    if (mailer !== undefined) appDeps.mailer = mailer;
    const app = createApp(appDeps);
    ({ server, address } = await listen(app.fetch, config.host, options.port ?? config.port));
    // Its own token store: the row lock in token-store.ts already keeps its refreshes and the
    // app's from colliding, as it does across instances.
    const teamViewer = createTeamViewerAccess(appDeps);
    reportSync = createReportSyncScheduler({ deps: { ...appDeps, teamViewer }, instanceId: randomUUID() });
    reportSync.start();
    orphanSweeper = createOrphanSessionSweeper({ deps: { ...appDeps, teamViewer } });
    orphanSweeper.start();
    sessionWatch = createSessionStatusWatch({
      deps: { ...appDeps, teamViewer },
      instanceId: randomUUID(),
      options: { paceMs: config.sessionWatchSeconds * 1000 },
    });
    sessionWatch.start();
    webhookDispatcher = createWebhookDispatcher({ deps: appDeps, instanceId: randomUUID() });
    webhookDispatcher.start();
    helpdeskWriter = createHelpdeskWriter({ deps: appDeps, instanceId: randomUUID() });
    helpdeskWriter.start();
    ticketWatch = createHelpdeskTicketWatch({ deps: { ...appDeps, teamViewer } });
    ticketWatch.start();
    // PostgreSQL's autovacuum keeps its statistics itself; PGlite has none.
    if (database.engine === "pglite") {
      statisticsKeeper = createStatisticsKeeper({ deps: appDeps });
      statisticsKeeper.start();
    }
  } catch (error) {
    await demoSimulator?.close();
    await database.close();
    throw error;
  }

  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, publicUrl: config.publicUrl, database: database.engine }, "Attendant is listening");
  if (demoSignInUrl !== undefined) {
    // Straight to the console, not the log: the link is a credential until it is used.
    process.stdout.write(
      `\nDemo mode: sign in as the demo admin with this one-time link (valid 15 minutes):\n  ${demoSignInUrl}\n\n`,
    );
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= shutDown(server, database, demoSimulator, [
      reportSync,
      webhookDispatcher,
      orphanSweeper,
      sessionWatch,
      helpdeskWriter,
      ticketWatch,
      statisticsKeeper,
    ]).finally(() => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  if (options.handleSignals ?? true) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  return { url, close };
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  port: number,
): Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, (address) => resolve({ server, address }));
    server.once("error", reject);
  });
}

async function shutDown(
  server: ReturnType<typeof serve>,
  database: Database,
  demoSimulator: DemoSimulator | undefined,
  jobs: readonly ({ stop(): Promise<void> } | undefined)[],
): Promise<void> {
  try {
    // First: a sync or webhook tick in progress still needs the database.
    await Promise.all(jobs.map((job) => job?.stop()));
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Idle keep-alive connections would otherwise hold close() open until they time out.
      if ("closeIdleConnections" in server) server.closeIdleConnections();
    });
  } finally {
    await demoSimulator?.close();
    await database.close();
  }
}
