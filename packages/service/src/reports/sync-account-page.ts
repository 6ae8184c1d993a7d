/**
 * One page of an account's sync (teamviewer-api.md §4). Pages come newest `end_date` first;
 * a pass walks one window (`from_date`) through `offset_id` until the last page.
 * - Backfill: the first pass, with `from_date` = the account's horizon.
 * - Polling: every later pass, with `from_date` = the newest `end_date` stored minus an overlap,
 *   because `to_date`'s meaning is uncertain and records may be listed late: a record whose end
 *   lies before the high-water is still found, and upserting makes re-reading harmless.
 * The window and the next page's `offset_id` are part of the committed cursor, so a pass that
 * was interrupted continues with exactly the page that was not stored.
 */
import type { ConnectionReport } from "@attendant/teamviewer";
import type { SyncAccount, SyncAccountChanges } from "../db/repositories/report-sync-accounts.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { storeReportBatch } from "./store-report-batch.js";
import { createSyncClient } from "./sync-sources.js";

export interface PageResult {
  received: number;
  /** `records_remaining` after this page, when TeamViewer says. */
  remaining: number | null;
  /** The pass ended with this page; the next pass is due after a sweep interval. */
  isPassComplete: boolean;
}

/** Fetches and stores the account's next page; TeamViewer and lease failures are thrown. */
export async function syncNextPage(
  deps: ReportSyncDeps,
  request: { account: SyncAccount; holder: string; options: ReportSyncOptions },
): Promise<PageResult> {
  const { account, options } = request;
  const windowFrom = currentWindowFrom(account, options);
  const offsetId = account.cursorWindowFrom === null ? null : account.cursorOffsetId;
  const client = await createSyncClient(deps, account);
  // No retries inside the client: waiting is the scheduler's job, on its own clock and with the
  // account paused for every instance, not a sleep holding the lease.
  const page = await client.reports.connections.list(
    { from_date: windowFrom, ...(offsetId === null ? {} : { offset_id: offsetId }) },
    { maxRetries: 0, timeoutMs: options.pageTimeoutMs },
  );
  const isPassComplete = page.nextOffset === null;
  await storeReportBatch(deps, {
    account,
    holder: request.holder,
    leaseTtlMs: options.leaseTtlMs,
    reports: page.items,
    accountChanges: cursorAfter(account, page.items, {
      windowFrom,
      nextOffset: page.nextOffset,
      now: deps.clock.now(),
      sweepMs: options.sweepMs,
    }),
  });
  return { received: page.items.length, remaining: page.remaining, isPassComplete };
}

function currentWindowFrom(account: SyncAccount, options: ReportSyncOptions): Date {
  if (account.cursorWindowFrom !== null) return account.cursorWindowFrom;
  if (account.phase === "backfill") return account.backfillHorizon;
  const newest = account.highWaterEndDate ?? account.lastPassCompletedAt ?? account.backfillHorizon;
  return new Date(Math.max(account.backfillHorizon.getTime(), newest.getTime() - options.overlapMs));
}

function cursorAfter(
  account: SyncAccount,
  reports: readonly ConnectionReport[],
  page: { windowFrom: Date; nextOffset: string | null; now: Date; sweepMs: number },
): SyncAccountChanges {
  const highWaterEndDate = newestEnd(account.highWaterEndDate, reports);
  if (page.nextOffset !== null) {
    return {
      cursorWindowFrom: page.windowFrom,
      cursorOffsetId: page.nextOffset,
      highWaterEndDate,
      nextSyncAt: page.now,
    };
  }
  return {
    cursorWindowFrom: null,
    cursorOffsetId: null,
    highWaterEndDate,
    phase: "polling",
    backfillCompletedAt: account.backfillCompletedAt ?? page.now,
    lastPassCompletedAt: page.now,
    nextSyncAt: new Date(page.now.getTime() + page.sweepMs),
  };
}

function newestEnd(current: Date | null, reports: readonly ConnectionReport[]): Date | null {
  let newest = current?.getTime() ?? Number.NEGATIVE_INFINITY;
  for (const report of reports) {
    const end = typeof report.end_date === "string" ? Date.parse(report.end_date) : Number.NaN;
    if (end > newest) newest = end;
  }
  return Number.isFinite(newest) ? new Date(newest) : null;
}
