/**
 * The write-back marker of a connection report (docs/adr/0030-report-write-back-across-a-crash.md):
 * set before the PUT to TeamViewer, cleared together with the local update, or settled from
 * TeamViewer's own values when the request that set it can no longer finish it. Every change of
 * a marker names its `write_back_started_at`, so no step ever clears a newer edit's marker.
 */
import { and, eq, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { connectionReports, type WriteBackChange } from "../schema.js";
import type { ReportFieldChanges, StoredConnectionReport } from "./connection-reports.js";

/** The marker a step acts on: the report and the moment its write-back began. */
export interface WriteBackMarker {
  id: string;
  startedAt: Date;
}

/**
 * Marks the report as being written back, with the lease of this request; false when a marker
 * is already there (another edit is pending).
 */
export async function claimWriteBack(
  db: Db,
  values: { id: string; change: WriteBackChange; now: Date; leaseMs: number },
): Promise<boolean> {
  const rows = await db
    .update(connectionReports)
    .set({
      writeBackPending: values.change,
      writeBackStartedAt: values.now,
      writeBackLeaseExpiresAt: new Date(values.now.getTime() + values.leaseMs),
    })
    .where(and(eq(connectionReports.id, values.id), isNull(connectionReports.writeBackPending)))
    .returning({ id: connectionReports.id });
  return rows.length === 1;
}

/**
 * TeamViewer accepted the change: the local fields change and the marker goes, in the caller's
 * transaction. Undefined when the marker is no longer this one (it was settled meanwhile).
 */
export async function completeWriteBack(
  tx: Db,
  marker: WriteBackMarker,
  changes: ReportFieldChanges,
): Promise<StoredConnectionReport | undefined> {
  const [row] = await tx
    .update(connectionReports)
    .set({ ...changes, ...noMarker })
    .where(isThisMarker(marker))
    .returning();
  return row;
}

/** TeamViewer refused the change (it changed nothing there): the marker goes, the fields stay. */
export async function dropWriteBack(db: Db, marker: WriteBackMarker): Promise<void> {
  await db.update(connectionReports).set(noMarker).where(isThisMarker(marker));
}

/**
 * It is unknown whether TeamViewer applied the change: the marker stays, without a lease, for
 * the sync (or the next edit) to settle from TeamViewer's values.
 */
export async function releaseWriteBackLease(db: Db, marker: WriteBackMarker): Promise<void> {
  await db.update(connectionReports).set({ writeBackLeaseExpiresAt: null }).where(isThisMarker(marker));
}

/** Pending write-backs no live request holds, of reports an account syncs; oldest first. */
export async function findWriteBacksToSettle(
  db: Db,
  values: { syncAccountId: string; now: Date; limit: number },
): Promise<StoredConnectionReport[]> {
  return db
    .select()
    .from(connectionReports)
    .where(
      and(
        eq(connectionReports.syncAccountId, values.syncAccountId),
        isNotNull(connectionReports.writeBackPending),
        isWithoutLiveLease(values.now),
      ),
    )
    .orderBy(connectionReports.writeBackStartedAt)
    .limit(values.limit);
}

/**
 * TeamViewer's values replace the local ones and the marker goes, in the caller's transaction;
 * only while no live request holds the marker. Undefined when that was not the case.
 */
export async function settleWriteBack(
  tx: Db,
  marker: WriteBackMarker,
  values: { changes: ReportFieldChanges; now: Date },
): Promise<StoredConnectionReport | undefined> {
  const [row] = await tx
    .update(connectionReports)
    .set({ ...values.changes, ...noMarker })
    .where(and(isThisMarker(marker), isWithoutLiveLease(values.now)))
    .returning();
  return row;
}

const noMarker = { writeBackPending: null, writeBackStartedAt: null, writeBackLeaseExpiresAt: null };

function isThisMarker(marker: WriteBackMarker) {
  return and(eq(connectionReports.id, marker.id), eq(connectionReports.writeBackStartedAt, marker.startedAt));
}

function isWithoutLiveLease(now: Date) {
  return or(
    isNull(connectionReports.writeBackLeaseExpiresAt),
    lte(connectionReports.writeBackLeaseExpiresAt, now),
  );
}
