/**
 * Re-matching (issue 6, "Matching"): the sync matches each page as it stores it, but a report
 * can arrive before its session is stored (an ambiguous create that is adopted later, a session
 * created by another instance a moment after). Running the match over the organisation's
 * unmatched reports catches those; the partial index on unmatched rows keeps it cheap. A session
 * that gets its first report here is announced as connected in the same transaction.
 */
import { matchConnectionReports } from "../db/repositories/connection-reports.js";
import { listOrganisationIds } from "../db/repositories/report-sync-accounts.js";
import { findEventSubscribers } from "../db/repositories/webhooks.js";
import { transaction } from "../db/transaction.js";
import { recordSessionsConnected } from "../events/session-events.js";
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
    const now = deps.clock.now();
    // Asked first, as the sync's pages do (store-report-batch.ts): where nobody listens, the
    // match needs no transaction of its own, and this sweep runs every minute.
    const subscribers = await findEventSubscribers(db, organisationId, "session.connected");
    if (!subscribers.endpoint && !subscribers.helpdesk) {
      matched += (await matchConnectionReports(db, organisationId, now)).length;
      continue;
    }
    matched += await transaction(db, async (tx) => {
      const reports = await matchConnectionReports(tx, organisationId, now);
      await recordSessionsConnected(tx, organisationId, reports, now);
      return reports.length;
    });
  }
  return matched;
}
