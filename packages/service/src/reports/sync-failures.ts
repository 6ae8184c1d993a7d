/**
 * What a failed sync step means for its account (issue 6, "It respects TeamViewer"):
 * - 429 (or 403 `rate_limit_reached`): the account pauses until `Retry-After`; nothing is sent
 *   for it before then, by any instance, because the pause is stored.
 * - 5xx, timeouts (stalled bodies included), resets, unreadable answers: exponential backoff.
 * - a dead token: the account (and a user's connection) is marked "needs reconnect" and is not
 *   tried again until the token is replaced, so a refused grant never loops.
 * - the source is gone (user disconnected): the account becomes inactive.
 */
import {
  AuthenticationError,
  InvalidClientError,
  OAuthError,
  RateLimitError,
  TeamViewerError,
} from "@attendant/teamviewer";
import {
  type SyncAccount,
  setSyncAccountStatus,
  updateSyncAccount,
} from "../db/repositories/report-sync-accounts.js";
import {
  findTeamViewerConnection,
  markTeamViewerConnectionNeedsReconnect,
} from "../db/repositories/teamviewer-connections.js";
import { findUserById } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { recordConnectionLost } from "../events/connection-events.js";
import {
  TeamViewerNotConfiguredError,
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "../teamviewer/teamviewer-errors.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { ReportSyncOptions } from "./report-sync-options.js";

/** Another instance took the account over (our lease expired): stop without writing. */
export class SyncLeaseLostError extends Error {
  override name = "SyncLeaseLostError";

  constructor(readonly syncAccountId: string) {
    super("The sync lease of this account was lost to another instance.");
  }
}

/** The account's token is no longer stored (script token removed). */
export class SyncSourceGoneError extends Error {
  override name = "SyncSourceGoneError";
}

export type SyncFailure =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "backoff"; retryAt: Date }
  | { kind: "needs-reconnect" }
  | { kind: "source-gone" }
  | { kind: "lease-lost" };

const maxErrorLength = 500;

/**
 * Records `error` on the account and says what happened. Errors that are not TeamViewer's (a
 * database failure, a bug) back off too, so one broken account cannot stall the scheduler; they
 * are logged with their stack.
 */
export async function handleSyncFailure(
  deps: ReportSyncDeps,
  account: SyncAccount,
  error: unknown,
  options: ReportSyncOptions,
): Promise<SyncFailure> {
  const now = deps.clock.now();
  const db = deps.database.db;
  const lastError = describeError(error);
  if (error instanceof SyncLeaseLostError) return { kind: "lease-lost" };
  if (error instanceof TeamViewerNotConnectedError || error instanceof SyncSourceGoneError) {
    await setSyncAccountStatus(db, account.id, "inactive", now, lastError);
    return { kind: "source-gone" };
  }
  if (isDeadToken(error)) {
    await markDeadToken(deps, account, now, lastError);
    return { kind: "needs-reconnect" };
  }
  if (error instanceof RateLimitError) {
    const retryAfterMs = error.retryAfterMs ?? options.defaultRetryAfterMs;
    await updateSyncAccount(db, account.id, {
      pausedUntil: new Date(now.getTime() + retryAfterMs),
      lastError,
      lastErrorAt: now,
    });
    deps.logger.warn({ syncAccountId: account.id, retryAfterMs }, "TeamViewer rate limit: sync paused");
    return { kind: "rate-limited", retryAfterMs };
  }
  const failures = account.consecutiveFailures + 1;
  const delayMs = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (failures - 1));
  const retryAt = new Date(now.getTime() + delayMs);
  await updateSyncAccount(db, account.id, {
    consecutiveFailures: failures,
    nextSyncAt: retryAt,
    nextCodePollAt: retryAt,
    lastError,
    lastErrorAt: now,
  });
  // TeamViewer's own failures are expected now and then; anything else is worth a stack trace.
  const isExpected = error instanceof TeamViewerError || error instanceof TeamViewerNotConfiguredError;
  deps.logger[isExpected ? "warn" : "error"](
    { err: error, syncAccountId: account.id, failures, delayMs },
    "report sync step failed; backing off",
  );
  return { kind: "backoff", retryAt };
}

function isDeadToken(error: unknown): boolean {
  // A 401 survived the client's forced refresh, or the refresh itself was refused.
  return (
    error instanceof TeamViewerReconnectRequiredError ||
    error instanceof AuthenticationError ||
    (error instanceof OAuthError && !(error instanceof InvalidClientError))
  );
}

async function markDeadToken(deps: ReportSyncDeps, account: SyncAccount, now: Date, lastError: string) {
  const db = deps.database.db;
  await setSyncAccountStatus(db, account.id, "needs_reconnect", now, lastError);
  if (account.userId === null) {
    deps.logger.warn(
      { organisationId: account.organisationId },
      "TeamViewer refused the organisation's script token; report sync stopped until an admin saves a new one",
    );
    return;
  }
  // The token store marks the connection itself when a refresh is refused; a 401 with a token
  // it still believes in is marked here, so the user sees "Reconnect TeamViewer".
  const connection = await findTeamViewerConnection(db, deps.vault, account.userId);
  const user = await findUserById(db, account.userId);
  if (connection !== undefined && connection.status === "connected" && user !== undefined) {
    await transaction(db, async (tx) => {
      await markTeamViewerConnectionNeedsReconnect(tx, connection.id, now);
      await recordConnectionLost(tx, {
        organisationId: account.organisationId,
        user,
        reason: "access_refused",
        now,
      });
    });
  }
  deps.logger.warn(
    { userId: account.userId },
    "TeamViewer refused the user's grant; report sync stopped until they reconnect",
  );
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, maxErrorLength);
}
