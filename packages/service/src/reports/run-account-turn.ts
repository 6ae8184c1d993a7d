/**
 * One turn of one account, under its lease: the pages that are due (up to `maxPages`, so a long
 * backfill does not starve the other accounts), then the code poll if it is due and, on the same
 * schedule, the write-backs of its reports that no live request can finish
 * (settle-report-write-back.ts) and what the account's connections on tickets left behind, with
 * the calls `maxPages` leaves unused (fetch-connection-extras.ts). Failures are
 * recorded on the account (sync-failures.ts) rather than thrown, and the lease is always
 * released, so the next turn, on any instance, starts clean.
 *
 * Pages are pipelined: while page k is stored, page k+1 (whose `offset_id` page k gave) is
 * already being fetched, so a backfill runs at the pace of the slower of TeamViewer and the
 * database rather than their sum. Still one request per account in flight, and still one
 * transaction per page with its cursor: a page fetched ahead is only ever stored after the page
 * before it committed, and when anything fails (or the process dies) it is dropped unstored and
 * fetched again from the committed cursor next time.
 */
import { findSyncAccount, type SyncAccount } from "../db/repositories/report-sync-accounts.js";
import { acquireSyncLease, releaseSyncLease } from "../db/repositories/sync-leases.js";
import { type ExtrasFetchResult, fetchConnectionExtras } from "./fetch-connection-extras.js";
import { type CodePollResult, pollSessionCodes } from "./poll-session-codes.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { settleWriteBacksOfAccount } from "./settle-report-write-back.js";
import {
  currentPosition,
  type FetchedPage,
  fetchReportPage,
  nextPosition,
  type PageResult,
  storeReportPage,
} from "./sync-account-page.js";
import { handleSyncFailure, type SyncFailure } from "./sync-failures.js";
import { createSyncClient } from "./sync-sources.js";

export interface TurnRequest {
  syncAccountId: string;
  /** This instance's id, written into the lease. */
  holder: string;
  options: ReportSyncOptions;
  maxPages: number;
  /** Page now even if the next pass is not due yet (`attendant reports sync`). */
  isSweepForced?: boolean;
  /** Skip the code poll (a one-off pass by hand has no use for it). */
  skipCodePoll?: boolean;
  onPage?: (page: PageResult, account: SyncAccount) => void;
}

export type TurnResult =
  /** Another instance holds the lease. */
  | { kind: "busy" }
  /** Not active, or paused by a 429 until `pausedUntil`. */
  | { kind: "skipped"; account: SyncAccount | undefined }
  | {
      kind: "done";
      pages: number;
      received: number;
      isPassComplete: boolean;
      codePoll: CodePollResult | undefined;
      extras: ExtrasFetchResult | undefined;
      failure: SyncFailure | undefined;
    };

export async function runAccountTurn(deps: ReportSyncDeps, request: TurnRequest): Promise<TurnResult> {
  const db = deps.database.db;
  const { syncAccountId, holder, options } = request;
  const isTaken = await acquireSyncLease(db, {
    syncAccountId,
    holder,
    now: deps.clock.now(),
    ttlMs: options.leaseTtlMs,
  });
  if (!isTaken) return { kind: "busy" };
  try {
    // Read under the lease: the cursor is whatever the previous holder committed last.
    let account = await findSyncAccount(db, syncAccountId);
    if (account === undefined || !isRunnable(account, deps.clock.now())) return { kind: "skipped", account };
    let pages = 0;
    let received = 0;
    let isPassComplete = false;
    let codePoll: CodePollResult | undefined;
    let extras: ExtrasFetchResult | undefined;
    const prefetch = new AbortController();
    try {
      const isDue = (current: SyncAccount) => request.isSweepForced || current.nextSyncAt <= deps.clock.now();
      if (isDue(account) && request.maxPages > 0) {
        const client = await createSyncClient(deps, account);
        // `account` is reassigned after each page; the closure needs the narrowed record.
        const fetchingFor = account;
        const fetchAt = (position: ReturnType<typeof currentPosition>) =>
          fetchReportPage(deps, client, { account: fetchingFor, position, options, signal: prefetch.signal });
        let pending: Promise<FetchedPage> | undefined = fetchAt(currentPosition(account, options));
        while (pending !== undefined) {
          const fetched: FetchedPage = await pending;
          const next = nextPosition(fetched);
          // The next page is fetched while this one is stored; a failure of that fetch surfaces
          // when it is awaited, like an unpipelined fetch would at that point.
          pending = next !== undefined && pages + 1 < request.maxPages ? fetchAt(next) : undefined;
          pending?.catch(() => undefined);
          const page = await storeReportPage(deps, { account, holder, options, fetched });
          pages += 1;
          received += page.received;
          account = (await findSyncAccount(db, syncAccountId)) ?? account;
          request.onPage?.(page, account);
          if (page.isPassComplete) {
            isPassComplete = true;
            break;
          }
          if (!isDue(account)) break;
        }
      }
      const isCodePollDue = account.nextCodePollAt <= deps.clock.now();
      if (!request.skipCodePoll && isCodePollDue) {
        codePoll = await pollSessionCodes(deps, { account, holder, options });
      }
      // On the code poll's schedule, which a failure's backoff pushes back as well: a failing
      // extras call is not repeated every tick. A pass by hand has no code poll and asks now.
      if (request.skipCodePoll || isCodePollDue) {
        // Write-backs a crash or a lost answer left unsettled come first: until then the report
        // shows "being saved".
        const settled = await settleWriteBacksOfAccount(deps, { account, budget: request.maxPages - pages });
        extras = await fetchConnectionExtras(deps, {
          account,
          budget: request.maxPages - pages - settled.calls,
        });
      }
      return { kind: "done", pages, received, isPassComplete, codePoll, extras, failure: undefined };
    } catch (error) {
      const failure = await handleSyncFailure(deps, account, error, options);
      return { kind: "done", pages, received, isPassComplete, codePoll, extras, failure };
    } finally {
      // A page fetched ahead of a failure is never stored; stop waiting for it.
      prefetch.abort();
    }
  } finally {
    await releaseSyncLease(db, syncAccountId, holder);
  }
}

function isRunnable(account: SyncAccount, now: Date): boolean {
  return account.status === "active" && (account.pausedUntil === null || account.pausedUntil <= now);
}
