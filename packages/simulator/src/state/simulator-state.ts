import type { SimulatorClock } from "../clock.js";
import type { SimulatorSettings } from "../options.js";
import { SeededRandom } from "../random.js";
import { ConnectionExtrasStore } from "../reports/connection-extras.js";
import { ReportStore } from "../reports/report-store.js";
import { OAuthRegistry } from "./oauth-registry.js";
import { SessionStore } from "./session-store.js";
import { World } from "./world.js";

/** Everything the routes read and change; `reset` replaces it as a whole. */
export interface SimulatorState {
  clock: SimulatorClock;
  settings: SimulatorSettings;
  seed: number;
  random: SeededRandom;
  world: World;
  oauth: OAuthRegistry;
  sessions: SessionStore;
  reports: ReportStore;
  /** Chat, screenshots and summaries of live connections, by report id. */
  connectionExtras: ConnectionExtrasStore;
}

export function createState(
  clock: SimulatorClock,
  settings: SimulatorSettings,
  seed: number,
): SimulatorState {
  const random = new SeededRandom(seed);
  return {
    clock,
    settings,
    seed,
    random,
    world: new World(),
    oauth: new OAuthRegistry(random),
    sessions: new SessionStore(random),
    reports: new ReportStore(() => settings.quirks.reportDateFilter),
    connectionExtras: new ConnectionExtrasStore(),
  };
}
