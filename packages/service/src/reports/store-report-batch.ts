/**
 * The transaction boundary of the sync: the records of one answer, their matching, and the
 * account's cursor are committed together, and only while this instance still holds the
 * account's lease. A crash before the commit loses the page and its cursor alike (the page is
 * fetched again); after it, both are kept. Nothing is ever half-stored.
 *
 * Per page: the lease renewal, one multi-row upsert (connection-reports.ts), one indexed look-up
 * for sessions the page could match (the matching updates run only when there are some), and
 * the cursor update. The rows and the upsert's parameter are built before, by
 * {@link prepareReportBatch}, so a pipelined sync builds page k+1's while the database stores
 * page k.
 */
import type { ConnectionReport } from "@attendant/teamviewer";
import { sql } from "drizzle-orm";
import {
  type ConnectionReportValues,
  executeReportUpsert,
  findMatchableReportIds,
  matchConnectionReports,
  type PreparedReportUpsert,
  prepareReportUpsert,
} from "../db/repositories/connection-reports.js";
import {
  type SyncAccount,
  type SyncAccountChanges,
  updateSyncAccount,
} from "../db/repositories/report-sync-accounts.js";
import { renewSyncLease } from "../db/repositories/sync-leases.js";
import { reportSyncAccounts } from "../db/schema.js";
import { transaction } from "../db/transaction.js";
import { recordReportedConnections } from "../webhooks/record-webhook-event.js";
import { toConnectionReportValues } from "./report-record.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { SyncLeaseLostError } from "./sync-failures.js";

/** Records of one answer, ready to store. */
export interface PreparedReportBatch {
  values: readonly ConnectionReportValues[];
  upsert: PreparedReportUpsert;
  /** When the records were received: their first (or last) seen time. */
  seenAt: Date;
}

export function prepareReportBatch(
  deps: Pick<ReportSyncDeps, "clock">,
  account: SyncAccount,
  reports: readonly ConnectionReport[],
): PreparedReportBatch {
  const seenAt = deps.clock.now();
  const values = reports.map((report) =>
    toConnectionReportValues(report, { organisationId: account.organisationId, syncAccountId: account.id }),
  );
  return { values, upsert: prepareReportUpsert(values, seenAt), seenAt };
}

export async function storeReportBatch(
  deps: ReportSyncDeps,
  batch: {
    account: SyncAccount;
    holder: string;
    leaseTtlMs: number;
    prepared: PreparedReportBatch;
    /** The cursor and schedule to commit with the records. */
    accountChanges: SyncAccountChanges;
  },
): Promise<void> {
  const { account } = batch;
  const { values } = batch.prepared;
  const now = deps.clock.now();
  await transaction(deps.database.db, async (tx) => {
    const isHeld = await renewSyncLease(tx, {
      syncAccountId: account.id,
      holder: batch.holder,
      now,
      ttlMs: batch.leaseTtlMs,
    });
    if (!isHeld) throw new SyncLeaseLostError(account.id);
    await executeReportUpsert(tx, batch.prepared.upsert);
    // Most of a backfill is history no session of ours is part of: look before joining.
    const matchable = await findMatchableReportIds(tx, account.organisationId, values);
    if (matchable.length > 0) await matchConnectionReports(tx, account.organisationId, now, matchable);
    await recordReportedConnections(tx, {
      organisationId: account.organisationId,
      teamViewerReportIds: values.map((value) => value.teamViewerReportId),
      firstSeenAt: batch.prepared.seenAt,
    });
    await updateSyncAccount(tx, account.id, {
      ...batch.accountChanges,
      lastSuccessAt: now,
      consecutiveFailures: 0,
      pausedUntil: null,
      recordsSynced: sql`${reportSyncAccounts.recordsSynced} + ${values.length}`,
    });
  });
}
