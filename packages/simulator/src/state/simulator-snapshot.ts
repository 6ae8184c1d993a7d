import type { ConnectionExtras } from "../reports/connection-extras.js";
import type { ReportStoreSnapshot } from "../reports/report-store.js";
import type { OAuthRegistrySnapshot } from "./oauth-registry.js";
import type { SessionStoreSnapshot } from "./session-store.js";
import type { WorldSnapshot } from "./world.js";

/**
 * What the simulated TeamViewer knows, as plain JSON: its accounts, apps, grants, sessions and
 * reports, and where its random sequence stands. The demo keeps it in its data folder so a
 * restarted demo carries on where it stopped (ADR 0048). Settings, faults, rate limits and the
 * journal are the running process's, not TeamViewer's, and are left out.
 */
export interface SimulatorSnapshot {
  version: 1;
  seed: number;
  randomPosition: number;
  world: WorldSnapshot;
  oauth: OAuthRegistrySnapshot;
  sessions: SessionStoreSnapshot;
  reports: ReportStoreSnapshot;
  connectionExtras: [string, ConnectionExtras][];
}
