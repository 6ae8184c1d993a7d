/**
 * One turn of the session status watch for one supporter (docs/adr/0028-session-status-watch.md):
 * under the account's "session-watch" lease, read the supporter's open sessions, ask TeamViewer
 * for the open sessions their grant sees with `full_list` (one page carries the `online` state
 * of up to 1000 sessions), and store what changed. The change and its webhook event
 * (`session.customer_online`, `session.customer_left`, `session.closed`) commit together, as on
 * a manual refresh (load-session.ts).
 *
 * A session of ours missing from the complete open list was closed at TeamViewer. The watch
 * never overrides a newer local write: a session whose version moved since it was read (a
 * manual refresh, a close) is left for the next turn, which reads it again.
 *
 * Failures are recorded on the account rather than thrown: a 429 pauses this account only, until
 * `Retry-After`; anything else backs off exponentially. The lease is always released.
 */
import { RateLimitError, type Session, TeamViewerError } from "@attendant/teamviewer";
import {
  findSessionWatchAccount,
  type SessionWatchAccount,
  updateSessionWatchAccount,
} from "../db/repositories/session-watch-accounts.js";
import {
  listWatchedSessions,
  type SupportSessionChanges,
  type SupportSessionRecord,
} from "../db/repositories/support-sessions.js";
import { acquireSyncLease, releaseSyncLease } from "../db/repositories/sync-leases.js";
import {
  TeamViewerNotConfiguredError,
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "../teamviewer/teamviewer-errors.js";
import { writeSessionChangesOnce } from "./load-session.js";
import type { SessionDeps } from "./session-deps.js";
import type { SessionWatchOptions } from "./session-watch-options.js";

export type WatchFailure =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "backoff"; retryAt: Date };

export type WatchTurnResult =
  /** Another instance holds the account's lease. */
  | { kind: "busy" }
  /** Not due (another instance just watched it), paused, or no open session left. */
  | { kind: "skipped" }
  | { kind: "done"; calls: number; changed: number; failure: WatchFailure | undefined };

const maxErrorLength = 500;

export async function runSessionWatchTurn(
  deps: SessionDeps,
  request: { watchAccountId: string; holder: string; options: SessionWatchOptions },
): Promise<WatchTurnResult> {
  const db = deps.database.db;
  const { watchAccountId, holder, options } = request;
  const lease = { syncAccountId: watchAccountId, job: "session-watch" as const, holder };
  const isTaken = await acquireSyncLease(db, { ...lease, now: deps.clock.now(), ttlMs: options.leaseTtlMs });
  if (!isTaken) return { kind: "busy" };
  try {
    // Read under the lease: the schedule is whatever the previous holder wrote.
    const account = await findSessionWatchAccount(db, watchAccountId);
    const now = deps.clock.now();
    if (account === undefined || !isDue(account, now)) return { kind: "skipped" };
    const sessions = await listWatchedSessions(db, { ownerId: account.userId, now });
    if (sessions.length === 0) return { kind: "skipped" };
    let calls = 0;
    try {
      const client = await deps.teamViewer.createTeamViewerClientFor({
        userId: account.userId,
        organisationId: account.organisationId,
      });
      const listed = new Map<string, Session>();
      const pages = client.sessions
        .list({ state: "open", full_list: true }, { maxRetries: 0, timeoutMs: options.pageTimeoutMs })
        .pages();
      for await (const page of pages) {
        calls += 1;
        for (const session of page.items) listed.set(session.code.toLowerCase(), session);
      }
      let changed = 0;
      for (const session of sessions) {
        const changes = changesOf(session, listed.get(session.code.toLowerCase()), deps.clock.now());
        if (changes !== undefined && (await writeSessionChangesOnce(deps, session, changes))) changed += 1;
      }
      const watchedAt = deps.clock.now();
      await updateSessionWatchAccount(db, account.id, {
        nextWatchAt: new Date(watchedAt.getTime() + paceOf(sessions, watchedAt, options)),
        consecutiveFailures: 0,
        lastWatchedAt: watchedAt,
      });
      return { kind: "done", calls, changed, failure: undefined };
    } catch (error) {
      return { kind: "done", calls, changed: 0, failure: await recordFailure(deps, account, error, options) };
    }
  } finally {
    await releaseSyncLease(db, watchAccountId, holder, "session-watch");
  }
}

function isDue(account: SessionWatchAccount, now: Date): boolean {
  return account.nextWatchAt <= now && (account.pausedUntil === null || account.pausedUntil <= now);
}

/** What to store for one session, or undefined when TeamViewer says what we already hold. */
function changesOf(
  session: SupportSessionRecord,
  listed: Session | undefined,
  now: Date,
): SupportSessionChanges | undefined {
  if (listed === undefined) return { state: "closed", isOnline: false, closedAt: now, lastRefreshedAt: now };
  const isOnline = listed.online === true;
  return isOnline === session.isOnline ? undefined : { isOnline, lastRefreshedAt: now };
}

/** The fast pace while a session may still be waited for; the idle pace once all are old. */
function paceOf(sessions: readonly SupportSessionRecord[], now: Date, options: SessionWatchOptions): number {
  const youngSince = now.getTime() - options.youngForMs;
  const hasYoung = sessions.some((session) => session.createdAt.getTime() > youngSince);
  return hasYoung ? options.paceMs : options.idlePaceMs;
}

async function recordFailure(
  deps: SessionDeps,
  account: SessionWatchAccount,
  error: unknown,
  options: SessionWatchOptions,
): Promise<WatchFailure> {
  const now = deps.clock.now();
  const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(
    0,
    maxErrorLength,
  );
  if (error instanceof RateLimitError) {
    const retryAfterMs = error.retryAfterMs ?? options.defaultRetryAfterMs;
    await updateSessionWatchAccount(deps.database.db, account.id, {
      pausedUntil: new Date(now.getTime() + retryAfterMs),
      lastError,
      lastErrorAt: now,
    });
    deps.logger.warn({ userId: account.userId, retryAfterMs }, "TeamViewer rate limit: session watch paused");
    return { kind: "rate-limited", retryAfterMs };
  }
  const failures = account.consecutiveFailures + 1;
  const delayMs = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (failures - 1));
  const retryAt = new Date(now.getTime() + delayMs);
  await updateSessionWatchAccount(deps.database.db, account.id, {
    consecutiveFailures: failures,
    nextWatchAt: retryAt,
    lastError,
    lastErrorAt: now,
  });
  // TeamViewer's own failures (and a grant to renew) are expected now and then; others are bugs.
  const isExpected =
    error instanceof TeamViewerError ||
    error instanceof TeamViewerNotConfiguredError ||
    error instanceof TeamViewerNotConnectedError ||
    error instanceof TeamViewerReconnectRequiredError;
  deps.logger[isExpected ? "warn" : "error"](
    { err: error, userId: account.userId, failures, delayMs },
    "session status watch failed; backing off",
  );
  return { kind: "backoff", retryAt };
}
