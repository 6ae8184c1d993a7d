/**
 * One page of an account's sync (docs/teamviewer-api.md §4). Pages come newest `end_date` first;
 * a pass walks them from the top through `offset_id` and ends with the first page that reaches
 * a record ending before the pass's stop point (or with the last page). No date filter is sent:
 * what `from_date` bounds differs between readings of the API (the schema says the start, older
 * texts the end), and any `from_date` would hide a connection that started before it and ended
 * after it, which under the schema's reading is every long session around the stop point. The
 * order by `end_date` is the one fact every reading shares.
 * - Backfill: the first pass, stopping at the account's horizon.
 * - Polling: every later pass, stopping at the newest `end_date` stored minus an overlap, because
 *   records may be listed late: a record whose end lies before the high-water is still found,
 *   and upserting makes re-reading harmless.
 * Records ending before the stop point are left out of the page that reaches it: a pass stores
 * exactly what ended at or after its stop point. The stop point and the next page's `offset_id`
 * are part of the committed cursor, so a pass that was interrupted continues with exactly the
 * page that was not stored.
 *
 * Fetching and storing are separate steps so a turn can ask for the next page while the current
 * one is being stored (run-account-turn.ts); what is committed is always one page with the
 * cursor pointing just past it. Fetching includes preparing the page (its rows, and the reads
 * that need not be in its transaction: store-report-batch.ts), so on PostgreSQL that work also
 * happens while the database stores the page before.
 */
import type { ConnectionReport, TeamViewerClient } from "@attendant/teamviewer";
import type { SyncAccount, SyncAccountChanges } from "../db/repositories/report-sync-accounts.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { type PreparedReportBatch, prepareReportBatch, storeReportBatch } from "./store-report-batch.js";
import { createSyncClient } from "./sync-sources.js";

export interface PageResult {
  received: number;
  /**
   * `records_remaining` after this page, when TeamViewer says; 0 once the pass is complete. An
   * upper bound: TeamViewer counts to the oldest record it keeps, the pass ends at its stop point.
   */
  remaining: number | null;
  /** The pass ended with this page; the next pass is due after a sweep interval. */
  isPassComplete: boolean;
}

/** Where a page starts: the pass's stop point and the `offset_id` TeamViewer gave for the page. */
export interface PagePosition {
  /** The pass ends with the first page holding a record that ended before this. */
  stopBefore: Date;
  offsetId: string | null;
}

/**
 * A fetched page as storing it needs it. The records themselves are only in `prepared`: a page
 * is held while the next one is fetched, long enough for whatever it holds to reach V8's old
 * generation, so it keeps one copy of its records rather than three (ADR 0015).
 */
export interface FetchedPage {
  position: PagePosition;
  /** The next page's `offset_id`; null when this is the pass's last page. */
  nextOffset: string | null;
  /** As in PageResult. */
  remaining: number | null;
  received: number;
  /** The newest `end_date` among the page's records; null when none has one. */
  newestEnd: Date | null;
  prepared: PreparedReportBatch;
}

/** Fetches and stores the account's next page; TeamViewer and lease failures are thrown. */
export async function syncNextPage(
  deps: ReportSyncDeps,
  request: { account: SyncAccount; holder: string; options: ReportSyncOptions },
): Promise<PageResult> {
  const client = await createSyncClient(deps, request.account);
  const fetched = await fetchReportPage(deps, client, {
    account: request.account,
    position: currentPosition(request.account, request.options),
    options: request.options,
  });
  return storeReportPage(deps, { ...request, fetched });
}

/** The page the account's committed cursor points at. */
export function currentPosition(account: SyncAccount, options: ReportSyncOptions): PagePosition {
  return {
    stopBefore: currentStopBefore(account, options),
    offsetId: account.cursorWindowFrom === null ? null : account.cursorOffsetId,
  };
}

/** The position after `fetched`, or undefined when it was the pass's last page. */
export function nextPosition(fetched: FetchedPage): PagePosition | undefined {
  const { nextOffset } = fetched;
  return nextOffset === null ? undefined : { stopBefore: fetched.position.stopBefore, offsetId: nextOffset };
}

export async function fetchReportPage(
  deps: Pick<ReportSyncDeps, "clock" | "database">,
  client: TeamViewerClient,
  request: { account: SyncAccount; position: PagePosition; options: ReportSyncOptions; signal?: AbortSignal },
): Promise<FetchedPage> {
  const { position, options } = request;
  // No retries inside the client: waiting is the scheduler's job, on its own clock and with the
  // account paused for every instance, not a sleep holding the lease.
  const page = await client.reports.connections.list(
    position.offsetId === null ? {} : { offset_id: position.offsetId },
    {
      maxRetries: 0,
      timeoutMs: options.pageTimeoutMs,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    },
  );
  const stopMs = position.stopBefore.getTime();
  const inPass = page.items.filter((report) => !(endMsOf(report) < stopMs));
  const isStopReached = inPass.length < page.items.length;
  return {
    position,
    nextOffset: isStopReached ? null : page.nextOffset,
    remaining: isStopReached ? 0 : page.remaining,
    received: inPass.length,
    newestEnd: newestEndOf(inPass),
    prepared: await prepareReportBatch(deps, request.account, inPass),
  };
}

/**
 * Stores a fetched page with the cursor that points past it, in one transaction under the
 * lease (store-report-batch.ts). `fetched` must start at the account's committed cursor.
 */
export async function storeReportPage(
  deps: ReportSyncDeps,
  request: { account: SyncAccount; holder: string; options: ReportSyncOptions; fetched: FetchedPage },
): Promise<PageResult> {
  const { account, options, fetched } = request;
  const isPassComplete = fetched.nextOffset === null;
  await storeReportBatch(deps, {
    account,
    holder: request.holder,
    leaseTtlMs: options.leaseTtlMs,
    prepared: fetched.prepared,
    accountChanges: cursorAfter(account, fetched.newestEnd, {
      stopBefore: fetched.position.stopBefore,
      nextOffset: fetched.nextOffset,
      now: deps.clock.now(),
      sweepMs: options.sweepMs,
    }),
  });
  return { received: fetched.received, remaining: fetched.remaining, isPassComplete };
}

function currentStopBefore(account: SyncAccount, options: ReportSyncOptions): Date {
  if (account.cursorWindowFrom !== null) return account.cursorWindowFrom;
  if (account.phase === "backfill") return account.backfillHorizon;
  const newest = account.highWaterEndDate ?? account.lastPassCompletedAt ?? account.backfillHorizon;
  return new Date(Math.max(account.backfillHorizon.getTime(), newest.getTime() - options.overlapMs));
}

function cursorAfter(
  account: SyncAccount,
  pageNewestEnd: Date | null,
  page: { stopBefore: Date; nextOffset: string | null; now: Date; sweepMs: number },
): SyncAccountChanges {
  const highWaterEndDate =
    pageNewestEnd === null || (account.highWaterEndDate !== null && account.highWaterEndDate >= pageNewestEnd)
      ? account.highWaterEndDate
      : pageNewestEnd;
  if (page.nextOffset !== null) {
    return {
      cursorWindowFrom: page.stopBefore,
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

function newestEndOf(reports: readonly ConnectionReport[]): Date | null {
  let newest = Number.NEGATIVE_INFINITY;
  for (const report of reports) {
    const end = endMsOf(report);
    if (end > newest) newest = end;
  }
  return Number.isFinite(newest) ? new Date(newest) : null;
}

/** NaN when the record has no readable `end_date`: such a record is kept and never ends a pass. */
function endMsOf(report: ConnectionReport): number {
  return typeof report.end_date === "string" ? Date.parse(report.end_date) : Number.NaN;
}
