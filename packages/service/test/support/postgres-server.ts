/**
 * The throwaway PostgreSQL server of the tests (scripts/support/postgres-server.ts, shared with
 * the benchmarks), and whether it can run here.
 *
 * In CI (`CI` set) missing binaries are an error, never a skip: the scale-out path must be
 * proven on every run. `.ci/run` installs them (scripts/ensure-system-packages.sh).
 */
import {
  debianRoot,
  findPostgresBinaries,
  minimumMajorVersion,
} from "../../../../scripts/support/postgres-server.js";

export {
  findPostgresBinaries,
  type PostgresServer,
  startPostgresServer,
} from "../../../../scripts/support/postgres-server.js";

/** Whether PostgreSQL tests can run here; throws in CI when they cannot. */
export function isPostgresAvailable(): boolean {
  if (findPostgresBinaries() !== undefined) return true;
  if (process.env.CI) {
    throw new Error(
      `PostgreSQL ${minimumMajorVersion}+ binaries are missing under ${debianRoot}, and CI must run the PostgreSQL tests. ` +
        "Install Debian's postgresql package (scripts/ensure-system-packages.sh does).",
    );
  }
  return false;
}
