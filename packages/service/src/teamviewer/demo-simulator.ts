/**
 * Demo mode (issue 4, "Demo mode and UI"): with no TeamViewer app configured, the service starts
 * the TeamViewer simulator next to itself so a newcomer can log in and connect a simulated
 * TeamViewer account within a minute of cloning.
 *
 * The simulator listens on loopback only: its `/__sim/` admin surface has no admin token, and
 * the simulator refuses a non-loopback host without one (packages/simulator README, "Start it").
 * Its demo app's redirect URI is our callback, so the OAuth flow is the real one. What it knows
 * is kept in the data folder (demo-simulator-state-file.ts), so a restarted demo carries on.
 */
import { randomInt } from "node:crypto";
import { type CustomModuleInput, createSystemClock, startSimulatorServer } from "@attendant/simulator";
import type { Config } from "../config/config-schema.js";
import type { Db } from "../db/open-database.js";
import { hasAnyTeamViewerApp } from "../db/repositories/teamviewer-apps.js";
import type { Logger } from "../logging/logger.js";
import { defaultRedirectUri } from "./app-endpoints.js";
import { openDemoSimulatorStateFile } from "./demo-simulator-state-file.js";
import type { TeamViewerAppSettings } from "./teamviewer-app-settings.js";

export interface DemoSimulator {
  /** The simulator's demo app, as an organisation's TeamViewer app. */
  app: TeamViewerAppSettings;
  /** Where the simulator listens, e.g. http://127.0.0.1:4010 */
  url: string;
  /** Its Management Console's "Design & Deploy": a customised QuickSupport module (demo-quicksupport-module.ts). */
  saveQuickSupportModule(module: CustomModuleInput): void;
  close(): Promise<void>;
}

const simulatorHost = "127.0.0.1";

/**
 * "on" always; "off" never; "auto" for the embedded database (a real deployment with
 * DATABASE_URL is never a demo) while no organisation has registered an app.
 */
export async function isDemoSimulatorWanted(config: Config, db: Db): Promise<boolean> {
  if (config.demoMode !== "auto") return config.demoMode === "on";
  return config.databaseUrl === undefined && !(await hasAnyTeamViewerApp(db));
}

export async function startDemoSimulator(config: Config, logger: Logger): Promise<DemoSimulator> {
  const stateFile = openDemoSimulatorStateFile(config.dataDir, logger);
  const snapshot = await stateFile.load();
  let server: Awaited<ReturnType<typeof startSimulatorServer>> | undefined;
  try {
    server = await startSimulatorServer({
      host: simulatorHost,
      port: config.simulatorPort,
      // Real time, so token lifetimes mean what they say; a random seed, so issued tokens
      // cannot be predicted from the source (a resumed state goes on from its own).
      clock: createSystemClock(),
      seed: randomInt(2 ** 31),
      demoRedirectUri: defaultRedirectUri(config.publicUrl),
      historicalReports: 1000,
      ...(snapshot === undefined ? {} : { snapshot }),
      afterRequest: () => {
        const running = server;
        if (running !== undefined) stateFile.save(() => running.simulator.snapshot());
      },
    });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      throw new Error(
        `The demo's TeamViewer simulator cannot listen on ${simulatorHost}:${config.simulatorPort}: the port is in use. ` +
          "Set ATTENDANT_SIMULATOR_PORT to a free port (0 picks one), or ATTENDANT_DEMO=false to run without it.",
        { cause: error },
      );
    }
    throw error;
  }
  const running = server;
  const demo = running.simulator.demo();
  return {
    app: {
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      redirectUri: demo.redirectUri,
      authorizeUrl: demo.authorizeUrl,
      apiBaseUrl: demo.apiBaseUrl,
    },
    url: running.url,
    saveQuickSupportModule: (module) => {
      running.simulator.admin.saveCustomModule(module);
    },
    close: async () => {
      await running.close();
      await stateFile.flush();
    },
  };
}
