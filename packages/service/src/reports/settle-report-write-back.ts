/**
 * Settles a write-back no live request can finish (docs/adr/0030-report-write-back-across-a-crash.md):
 * the process died between the PUT and the local update, or TeamViewer's answer never came. It
 * is unknown whether TeamViewer applied the change, and someone may have changed the report in
 * TeamViewer since, so the change is never sent again: the report is read back by id and
 * TeamViewer's notes and billing state become the local ones. The sync does this in each
 * account's turn, within the turn's call budget; the next edit of the report does it first.
 */
import { NotFoundError, type TeamViewerClient } from "@attendant/teamviewer";
import {
  findWriteBacksToSettle,
  settleWriteBack,
  type WriteBackMarker,
} from "../db/repositories/connection-report-write-backs.js";
import type { ReportFieldChanges, StoredConnectionReport } from "../db/repositories/connection-reports.js";
import type { SyncAccount } from "../db/repositories/report-sync-accounts.js";
import { transaction } from "../db/transaction.js";
import { recordConnectionUpdated } from "../events/connection-events.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { createSyncClient } from "./sync-sources.js";

/** At most this many per turn; the turn's budget usually ends it first. */
const writeBacksPerTurn = 10;

export interface WriteBackSettleResult {
  /** Calls made to TeamViewer. */
  calls: number;
}

/** The sync's step: the account's pending write-backs, one GET each, up to `budget` calls. */
export async function settleWriteBacksOfAccount(
  deps: ReportSyncDeps,
  options: { account: SyncAccount; budget: number },
): Promise<WriteBackSettleResult> {
  const limit = Math.min(writeBacksPerTurn, options.budget);
  if (limit < 1) return { calls: 0 };
  const reports = await findWriteBacksToSettle(deps.database.db, {
    syncAccountId: options.account.id,
    now: deps.clock.now(),
    limit,
  });
  if (reports.length === 0) return { calls: 0 };
  const client = await createSyncClient(deps, options.account);
  for (const report of reports) await settleReportWriteBack(deps, client, report);
  return { calls: reports.length };
}

/**
 * Reads the report from TeamViewer and takes its values, if the marker is still the one read and
 * no live request holds it. A report TeamViewer no longer has keeps its local values. Other
 * failures are thrown (the marker stays for the next try).
 */
export async function settleReportWriteBack(
  deps: ReportSyncDeps,
  client: TeamViewerClient,
  report: StoredConnectionReport,
): Promise<StoredConnectionReport | undefined> {
  if (report.writeBackStartedAt === null) return report;
  const marker: WriteBackMarker = { id: report.id, startedAt: report.writeBackStartedAt };
  let changes: ReportFieldChanges;
  try {
    const remote = await client.reports.connections.retrieve(report.teamViewerReportId);
    const notes = storable(remote.notes);
    const billingState = storable(remote.billing_state);
    changes = {
      notes: notes || null,
      billingState: billingState || null,
      raw: { ...report.raw, notes, billing_state: billingState },
    };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    changes = {};
  }
  return transaction(deps.database.db, async (tx) => {
    const row = await settleWriteBack(tx, marker, { changes, now: deps.clock.now() });
    const isChanged =
      row !== undefined && (row.notes !== report.notes || row.billingState !== report.billingState);
    if (row !== undefined && isChanged) await recordConnectionUpdated(tx, row, deps.clock.now());
    return row;
  });
}

/**
 * The field as the sync stores it (report-record.ts: an empty or missing text is null in its
 * column); U+0000, which neither text nor jsonb holds, becomes U+FFFD as in
 * db/repositories/connection-reports.ts.
 */
function storable(value: unknown): string | null {
  return typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD") : null;
}
