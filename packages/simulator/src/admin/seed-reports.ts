import { SeededReportBatch } from "../reports/seeded-report-batch.js";
import type { SimulatorState } from "../state/simulator-state.js";

export interface ReportSeedInput {
  count: number;
  /** Default: the simulator's seed. The same seed gives the same records. */
  seed?: number;
  /** Whose company the reports belong to. Default: the first account's. */
  userid?: string;
}

/** The newest seeded connection ends this long before "now", leaving room for live ones. */
const NEWEST_SEEDED_AGE_MS = 3600 * 1000;

/** Replaces the historical reports with `count` records generated from the seed. */
export function seedHistoricalReports(state: SimulatorState, input: ReportSeedInput): SeededReportBatch {
  if (!(Number.isInteger(input.count) && input.count >= 0 && input.count <= 50_000_000)) {
    throw new Error("count must be a whole number from 0 to 50,000,000.");
  }
  const owner = input.userid
    ? state.world.requireAccount(input.userid)
    : state.world.accounts.values().next().value;
  if (!owner) throw new Error("Seed an account before seeding reports.");
  const users = state.world.companyAccounts(owner.companyId).map(({ userid, name }) => ({ userid, name }));
  const groups = [...state.world.groups.values()]
    .filter((group) => group.companyId === owner.companyId)
    .map(({ id, name }) => ({ id, name }));
  const batch = new SeededReportBatch({
    seed: input.seed ?? state.seed,
    count: input.count,
    companyId: owner.companyId,
    users,
    groups,
    newestEndMs: state.clock.now() - NEWEST_SEEDED_AGE_MS,
  });
  state.reports.replaceSeededBatch(batch);
  return batch;
}
