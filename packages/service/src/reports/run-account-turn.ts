/**
 * One turn of one account, under its lease: the pages that are due (up to `maxPages`, so a long
 * backfill does not starve the other accounts), then the code poll if it is due. Failures are
 * recorded on the account (sync-failures.ts) rather than thrown, and the lease is always
 * released, so the next turn, on any instance, starts clean.
 */
import { findSyncAccount, type SyncAccount } from "../db/repositories/report-sync-accounts.js";
import { acquireSyncLease, releaseSyncLease } from "../db/repositories/sync-leases.js";
import { type CodePollResult, pollSessionCodes } from "./poll-session-codes.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { type PageResult, syncNextPage } from "./sync-account-page.js";
import { handleSyncFailure, type SyncFailure } from "./sync-failures.js";

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
    try {
      while (pages < request.maxPages && (request.isSweepForced || account.nextSyncAt <= deps.clock.now())) {
        const page = await syncNextPage(deps, { account, holder, options });
        pages += 1;
        received += page.received;
        account = (await findSyncAccount(db, syncAccountId)) ?? account;
        request.onPage?.(page, account);
        if (page.isPassComplete) {
          isPassComplete = true;
          break;
        }
      }
      if (!request.skipCodePoll && account.nextCodePollAt <= deps.clock.now()) {
        codePoll = await pollSessionCodes(deps, { account, holder, options });
      }
      return { kind: "done", pages, received, isPassComplete, codePoll, failure: undefined };
    } catch (error) {
      const failure = await handleSyncFailure(deps, account, error, options);
      return { kind: "done", pages, received, isPassComplete, codePoll, failure };
    }
  } finally {
    await releaseSyncLease(db, syncAccountId, holder);
  }
}

function isRunnable(account: SyncAccount, now: Date): boolean {
  return account.status === "active" && (account.pausedUntil === null || account.pausedUntil <= now);
}
