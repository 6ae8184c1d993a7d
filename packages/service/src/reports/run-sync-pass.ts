/**
 * One full sync pass by hand (`attendant reports sync`): every active account of one
 * organisation (or all) is synced until its current pass is complete — the whole backfill for
 * a new account, one polling window otherwise. Unlike the scheduler, which leaves a paused or
 * failing account for a later tick, this waits out `Retry-After` and backoff (up to a limit),
 * because the person who ran it wants the pass finished. The same leases apply, so it never
 * races a running service.
 */
import { findSyncAccount, listSyncAccounts } from "../db/repositories/report-sync-accounts.js";
import { rematchConnectionReports } from "./match-reports.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { type ReportSyncOptions, resolveReportSyncOptions } from "./report-sync-options.js";
import { runAccountTurn } from "./run-account-turn.js";
import { discoverSyncAccounts } from "./sync-sources.js";

export type SyncPassOutcome = "completed" | "busy" | "needs-reconnect" | "inactive" | "failed";

export interface SyncPassAccountResult {
  syncAccountId: string;
  organisationId: string;
  source: "organisation" | "user";
  userId: string | null;
  outcome: SyncPassOutcome;
  pages: number;
  received: number;
  /** The last error, for "failed" and "needs-reconnect". */
  error: string | null;
}

export interface SyncPassSummary {
  accounts: SyncPassAccountResult[];
  pages: number;
  received: number;
  /** Reports that found their ticket by re-matching at the end. */
  rematched: number;
}

export interface SyncPassProgress {
  syncAccountId: string;
  pages: number;
  received: number;
  /** `records_remaining` of the last page, when TeamViewer says. */
  remaining: number | null;
}

export interface SyncPassRequest {
  organisationId?: string | undefined;
  instanceId: string;
  options?: Partial<ReportSyncOptions>;
  /** Failed attempts per account before giving up on it (default 5). */
  maxFailures?: number;
  /** A pause or backoff longer than this is not waited for (default 5 minutes). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: SyncPassProgress) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runReportSyncPass(
  deps: ReportSyncDeps,
  request: SyncPassRequest,
): Promise<SyncPassSummary> {
  const options = resolveReportSyncOptions({
    backfillDays: deps.config.reportBackfillDays,
    ...request.options,
  });
  await discoverSyncAccounts(deps, {
    organisationId: request.organisationId,
    backfillDays: options.backfillDays,
  });
  const accounts = (await listSyncAccounts(deps.database.db, request.organisationId)).filter(
    (account) => account.status === "active",
  );
  const results: SyncPassAccountResult[] = [];
  for (const account of accounts) {
    results.push(await syncAccountToEndOfPass(deps, request, options, account.id));
  }
  const rematched = await rematchConnectionReports(deps, { organisationId: request.organisationId });
  return {
    accounts: results,
    pages: results.reduce((sum, result) => sum + result.pages, 0),
    received: results.reduce((sum, result) => sum + result.received, 0),
    rematched,
  };
}

async function syncAccountToEndOfPass(
  deps: ReportSyncDeps,
  request: SyncPassRequest,
  options: ReportSyncOptions,
  syncAccountId: string,
): Promise<SyncPassAccountResult> {
  const sleep = request.sleep ?? realSleep;
  const maxFailures = request.maxFailures ?? 5;
  const maxWaitMs = request.maxWaitMs ?? 5 * 60_000;
  let pages = 0;
  let received = 0;
  let failures = 0;
  const finish = async (outcome: SyncPassOutcome): Promise<SyncPassAccountResult> => {
    const account = await findSyncAccount(deps.database.db, syncAccountId);
    return {
      syncAccountId,
      organisationId: account?.organisationId ?? "",
      source: account?.sourceKind ?? "organisation",
      userId: account?.userId ?? null,
      outcome,
      pages,
      received,
      error: outcome === "completed" || outcome === "busy" ? null : (account?.lastError ?? null),
    };
  };
  const waitUntil = async (at: Date): Promise<boolean> => {
    const waitMs = at.getTime() - deps.clock.now().getTime();
    if (waitMs > maxWaitMs) return false;
    if (waitMs > 0) await sleep(waitMs);
    return true;
  };

  for (;;) {
    const turn = await runAccountTurn(deps, {
      syncAccountId,
      holder: request.instanceId,
      options,
      maxPages: Number.POSITIVE_INFINITY,
      isSweepForced: true,
      skipCodePoll: true,
      onPage: (page) => {
        pages += 1;
        received += page.received;
        request.onProgress?.({ syncAccountId, pages, received, remaining: page.remaining });
      },
    });
    if (turn.kind === "busy") return finish("busy");
    if (turn.kind === "skipped") {
      const account = turn.account;
      if (account?.status === "active" && account.pausedUntil !== null) {
        if (await waitUntil(account.pausedUntil)) continue;
        return finish("failed");
      }
      return finish(account?.status === "needs_reconnect" ? "needs-reconnect" : "inactive");
    }
    const failure = turn.failure;
    if (failure === undefined) return finish("completed");
    switch (failure.kind) {
      case "lease-lost":
        return finish("busy");
      case "needs-reconnect":
        return finish("needs-reconnect");
      case "source-gone":
        return finish("inactive");
      case "rate-limited":
        // The account is paused in the database; the next turn reports "skipped" and waits.
        continue;
      case "backoff":
        failures += 1;
        if (failures >= maxFailures || !(await waitUntil(failure.retryAt))) return finish("failed");
    }
  }
}
