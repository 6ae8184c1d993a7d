/**
 * Sync status for admins (issue 6): per account the source, state, last success, lag, last
 * error, records synced and a 429 pause. Lag is the time since the last complete pass, i.e.
 * how old the newest complete picture of TeamViewer's reports is.
 */
import { listSyncAccounts } from "../db/repositories/report-sync-accounts.js";
import { findUserById } from "../db/repositories/users.js";
import type { ReportSyncPhase, ReportSyncStatus } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { ConnectionReportError } from "./connection-report-error.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

export interface SyncAccountStatus {
  id: string;
  source: { kind: "organisation" } | { kind: "user"; userId: string; email: string | null };
  status: ReportSyncStatus;
  phase: ReportSyncPhase;
  /** Paused by a TeamViewer rate limit until then; null when not paused. */
  pausedUntil: Date | null;
  lastSuccessAt: Date | null;
  lastPassCompletedAt: Date | null;
  /** Seconds since the last complete pass; null before the first one. */
  lagSeconds: number | null;
  lastError: { at: Date; message: string } | null;
  consecutiveFailures: number;
  recordsSynced: number;
  backfillHorizon: Date;
  backfillCompletedAt: Date | null;
  nextSyncAt: Date;
}

/** @throws ConnectionReportError forbidden (admins only) */
export async function getReportSyncStatus(
  deps: Pick<ReportSyncDeps, "database" | "clock">,
  options: { actor: SessionActor },
): Promise<{ accounts: SyncAccountStatus[] }> {
  const { actor } = options;
  if (actor.role !== "admin") throw new ConnectionReportError("forbidden");
  const now = deps.clock.now();
  const accounts = await listSyncAccounts(deps.database.db, actor.organisationId);
  const statuses: SyncAccountStatus[] = [];
  for (const account of accounts) {
    const user = account.userId === null ? undefined : await findUserById(deps.database.db, account.userId);
    statuses.push({
      id: account.id,
      source:
        account.userId === null
          ? { kind: "organisation" }
          : { kind: "user", userId: account.userId, email: user?.email ?? null },
      status: account.status,
      phase: account.phase,
      pausedUntil: account.pausedUntil !== null && account.pausedUntil > now ? account.pausedUntil : null,
      lastSuccessAt: account.lastSuccessAt,
      lastPassCompletedAt: account.lastPassCompletedAt,
      lagSeconds:
        account.lastPassCompletedAt === null
          ? null
          : Math.max(0, Math.round((now.getTime() - account.lastPassCompletedAt.getTime()) / 1000)),
      lastError:
        account.lastError === null || account.lastErrorAt === null
          ? null
          : { at: account.lastErrorAt, message: account.lastError },
      consecutiveFailures: account.consecutiveFailures,
      recordsSynced: account.recordsSynced,
      backfillHorizon: account.backfillHorizon,
      backfillCompletedAt: account.backfillCompletedAt,
      nextSyncAt: account.nextSyncAt,
    });
  }
  return { accounts: statuses };
}
