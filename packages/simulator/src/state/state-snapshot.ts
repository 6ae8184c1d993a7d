import type { SimulatorSnapshot } from "./simulator-snapshot.js";
import type { SimulatorState } from "./simulator-state.js";

/** Bumped when the shape changes: an older file is then refused and the demo starts empty. */
const SNAPSHOT_VERSION = 1;

export function snapshotState(state: SimulatorState): SimulatorSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    seed: state.seed,
    randomPosition: state.random.position,
    world: state.world.toSnapshot(),
    oauth: state.oauth.toSnapshot(),
    sessions: state.sessions.toSnapshot(),
    reports: state.reports.toSnapshot(),
    connectionExtras: state.connectionExtras.toSnapshot(),
  };
}

/**
 * Fills a fresh state (created with the snapshot's seed) from a snapshot. Throws when the
 * snapshot is not one this version wrote, so the caller can start empty instead.
 */
export function restoreState(state: SimulatorState, snapshot: SimulatorSnapshot): void {
  if (typeof snapshot !== "object" || snapshot === null || snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`Not a simulator snapshot of version ${SNAPSHOT_VERSION}.`);
  }
  state.random.resumeAt(snapshot.randomPosition);
  state.world.restore(snapshot.world);
  state.oauth.restore(snapshot.oauth);
  state.sessions.restore(snapshot.sessions);
  state.reports.restore(snapshot.reports);
  state.connectionExtras.restore(snapshot.connectionExtras);
}
