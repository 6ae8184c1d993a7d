/**
 * Re-matching (issue 6, "Matching"): the sync matches each page as it stores it, but a report
 * can arrive before its session is stored (an ambiguous create that is adopted later, a session
 * created by another instance a moment after). Running the match over the organisation's
 * unmatched reports catches those; the partial index on unmatched rows keeps it cheap.
 */
import { matchConnectionReports } from "../db/repositories/connection-reports.js";
import { listOrganisationIds } from "../db/repositories/report-sync-accounts.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

/** Matches unmatched reports of one organisation (or all); returns how many found a ticket. */
export async function rematchConnectionReports(
  deps: Pick<ReportSyncDeps, "database" | "clock">,
  options: { organisationId?: string | undefined } = {},
): Promise<number> {
  const db = deps.database.db;
  const organisationIds =
    options.organisationId === undefined ? await listOrganisationIds(db) : [options.organisationId];
  let matched = 0;
  for (const organisationId of organisationIds) {
    matched += await matchConnectionReports(db, organisationId, deps.clock.now());
  }
  return matched;
}
