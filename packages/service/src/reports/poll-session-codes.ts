/**
 * Freshness (issue 6): a report should be on its ticket within 60 s of the connection ending.
 * A sweep every 5 minutes is too slow for that, so the codes of sessions that may still get
 * reports (open ones, and ones closed in the last minutes) are asked for one by one with the
 * cheap `session_code` filter every `codePollMs`. With more such sessions than
 * `maxCodeQueries`, one sweep is cheaper than that many calls, so the sweep is brought forward
 * instead.
 *
 * Records found here do not move the high-water: the sweep must still reach back to records
 * of other sessions that ended before them.
 */
import type { ConnectionReport } from "@attendant/teamviewer";
import { type SyncAccount, updateSyncAccount } from "../db/repositories/report-sync-accounts.js";
import { listSessionCodesAwaitingReports } from "../db/repositories/sessions-awaiting-reports.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";
import { prepareReportBatch, storeReportBatch } from "./store-report-batch.js";
import { createSyncClient } from "./sync-sources.js";

export type CodePollResult =
  | { kind: "polled"; codes: number; received: number }
  | { kind: "sweep-brought-forward"; codes: number };

export async function pollSessionCodes(
  deps: ReportSyncDeps,
  request: { account: SyncAccount; holder: string; options: ReportSyncOptions },
): Promise<CodePollResult> {
  const { account, options } = request;
  const now = deps.clock.now();
  const nextCodePollAt = new Date(now.getTime() + options.codePollMs);
  const codes = await listSessionCodesAwaitingReports(deps.database.db, {
    organisationId: account.organisationId,
    ...(account.userId === null ? {} : { userId: account.userId }),
    since: new Date(now.getTime() - options.closedSessionGraceMs),
    limit: options.maxCodeQueries + 1,
  });
  if (codes.length > options.maxCodeQueries) {
    await updateSyncAccount(deps.database.db, account.id, {
      nextCodePollAt,
      nextSyncAt: now,
    });
    return { kind: "sweep-brought-forward", codes: codes.length };
  }
  if (codes.length === 0) {
    await updateSyncAccount(deps.database.db, account.id, { nextCodePollAt });
    return { kind: "polled", codes: 0, received: 0 };
  }
  const client = await createSyncClient(deps, account);
  const reports: ConnectionReport[] = [];
  for (const code of codes) {
    // One session's connections fit in the first page (up to 1000 records).
    const page = await client.reports.connections.list(
      { session_code: code },
      { maxRetries: 0, timeoutMs: options.pageTimeoutMs },
    );
    reports.push(...page.items);
  }
  await storeReportBatch(deps, {
    account,
    holder: request.holder,
    leaseTtlMs: options.leaseTtlMs,
    prepared: await prepareReportBatch(deps, account, reports),
    accountChanges: { nextCodePollAt },
  });
  return { kind: "polled", codes: codes.length, received: reports.length };
}
