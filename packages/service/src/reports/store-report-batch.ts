/**
 * The transaction boundary of the sync: the records of one answer, their matching, and the
 * account's cursor are committed together, and only while this instance still holds the
 * account's lease. A crash before the commit loses the page and its cursor alike (the page is
 * fetched again); after it, both are kept. Nothing is ever half-stored.
 *
 * Per page: the lease renewal, one multi-row upsert (connection-reports.ts), the matching
 * updates when the page has records a session of ours could match, and the cursor update. The
 * rows, the upsert's parameter and two reads that need not be in the transaction (which records
 * could match, whether an endpoint wants `connection.reported`) are done before, by
 * {@link prepareReportBatch}, so a pipelined sync does them for page k+1 while the database
 * stores page k, and the page's transaction is shorter.
 */
import type { ConnectionReport } from "@attendant/teamviewer";
import {
  executeReportUpsert,
  findMatchableReportIds,
  matchConnectionReports,
  type PreparedReportUpsert,
  prepareReportUpsert,
} from "../db/repositories/connection-reports.js";
import {
  recordStoredPage,
  type SyncAccount,
  type SyncAccountChanges,
} from "../db/repositories/report-sync-accounts.js";
import { renewSyncLease } from "../db/repositories/sync-leases.js";
import { type EventSubscribers, findEventSubscribers } from "../db/repositories/webhooks.js";
import { transaction } from "../db/transaction.js";
import { withoutReferenceChecks } from "../db/without-reference-checks.js";
import { recordReportedConnections } from "../events/record-event.js";
import { recordSessionsConnected } from "../events/session-events.js";
import { toConnectionReportValues } from "./report-record.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { SyncLeaseLostError } from "./sync-failures.js";

/** Records of one answer, ready to store. */
export interface PreparedReportBatch {
  /** The page's records, by TeamViewer id; their rows are only in `upsert` (a page waits to be stored). */
  teamViewerReportIds: readonly string[];
  upsert: PreparedReportUpsert;
  /** When the records were received: their first (or last) seen time. */
  seenAt: Date;
  /**
   * TeamViewer ids of the records a session of ours could match, when they were prepared. A
   * session created after that is matched by the sync's next sweep instead.
   */
  matchable: readonly string[];
  /**
   * Who wanted `connection.reported` when the records were prepared; an endpoint created after
   * that receives the records of the pages that follow (see recordReportedConnections).
   */
  subscribers: EventSubscribers;
}

export async function prepareReportBatch(
  deps: Pick<ReportSyncDeps, "clock" | "database">,
  account: SyncAccount,
  reports: readonly ConnectionReport[],
): Promise<PreparedReportBatch> {
  const seenAt = deps.clock.now();
  const { organisationId } = account;
  const values = reports.map((report) =>
    toConnectionReportValues(report, { organisationId, syncAccountId: account.id }),
  );
  const { db } = deps.database;
  // Most of a backfill is history no session of ours is part of: look before joining. Both
  // reads go out before the rows are built, so the database answers while this thread works.
  const matchable = findMatchableReportIds(db, organisationId, values);
  const subscribers =
    values.length === 0
      ? Promise.resolve({ endpoint: false, helpdesk: false })
      : findEventSubscribers(db, organisationId, "connection.reported");
  matchable.catch(() => undefined);
  subscribers.catch(() => undefined);
  const upsert = prepareReportUpsert(values, seenAt);
  return {
    teamViewerReportIds: values.map((value) => value.teamViewerReportId),
    upsert,
    seenAt,
    matchable: await matchable,
    subscribers: await subscribers,
  };
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
  const { teamViewerReportIds, matchable } = batch.prepared;
  const now = deps.clock.now();
  await transaction(deps.database.db, async (tx) => {
    const isHeld = await renewSyncLease(tx, {
      syncAccountId: account.id,
      holder: batch.holder,
      now,
      ttlMs: batch.leaseTtlMs,
    });
    if (!isHeld) throw new SyncLeaseLostError(account.id);
    const upsert = () => executeReportUpsert(tx, batch.prepared.upsert);
    // The held lease proves the account exists (its row cascades to the lease) and with it the
    // organisation; PGlite is one connection, so nothing can remove either before this commits.
    // Their foreign-key checks on every stored row would only repeat that (ADR 0013).
    if (deps.database.engine === "pglite") await withoutReferenceChecks(tx, upsert);
    else await upsert();
    if (matchable.length > 0) {
      const matched = await matchConnectionReports(tx, account.organisationId, now, matchable);
      await recordSessionsConnected(tx, account.organisationId, matched, now);
    }
    await recordReportedConnections(
      tx,
      {
        organisationId: account.organisationId,
        teamViewerReportIds,
        firstSeenAt: batch.prepared.seenAt,
      },
      batch.prepared.subscribers,
    );
    await recordStoredPage(
      tx,
      account.id,
      { ...batch.accountChanges, lastSuccessAt: now, consecutiveFailures: 0, pausedUntil: null },
      teamViewerReportIds.length,
    );
  });
}
