/**
 * Starts the whole service: database (with the data-folder lock for PGlite), migrations,
 * keyring check, HTTP server. Used by `attendant serve` and by end-to-end tests.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config/config-schema.js";
import { migrate } from "./db/migrate.js";
import { type Database, openDatabase } from "./db/open-database.js";
import type { AppDeps } from "./http/app-deps.js";
import { createApp } from "./http/create-app.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { assertKeyringCoversStoredSecrets } from "./vault/check-stored-key-ids.js";
import { resolveKeyring } from "./vault/demo-keyring.js";
import { SecretBox } from "./vault/secret-box.js";

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
  try {
    const keyring = resolveKeyring(config, logger);
    await migrate(database);
    await assertKeyringCoversStoredSecrets(database.db, keyring);
    const app = createApp({
      database,
      config,
      logger,
      clock: options.clock ?? systemClock,
      vault: new SecretBox(keyring),
      ...(options.teamViewerFetch === undefined ? {} : { teamViewerFetch: options.teamViewerFetch }),
      ...(options.mailer === undefined ? {} : { mailer: options.mailer }),
    });
    ({ server, address } = await listen(app.fetch, config.host, options.port ?? config.port));
  } catch (error) {
    await database.close();
    throw error;
  }

  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, publicUrl: config.publicUrl, database: database.engine }, "Attendant is listening");

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= shutDown(server, database).finally(() => {
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

async function shutDown(server: ReturnType<typeof serve>, database: Database): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Idle keep-alive connections would otherwise hold close() open until they time out.
      if ("closeIdleConnections" in server) server.closeIdleConnections();
    });
  } finally {
    await database.close();
  }
}
