/**
 * The session status watch's accounts (src/sessions/watch-session-status.ts): one per supporter
 * who owns open sessions, with the pace, 429 pause and backoff every instance goes by.
 */
import { and, asc, eq, exists, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { sessionWatchAccounts, supportSessions } from "../schema.js";
import { organisationIsEnabled } from "./organisations.js";
import { sessionOwnerId } from "./support-sessions.js";

export type SessionWatchAccount = typeof sessionWatchAccounts.$inferSelect;

export type SessionWatchChanges = Partial<
  Pick<
    SessionWatchAccount,
    "nextWatchAt" | "pausedUntil" | "consecutiveFailures" | "lastWatchedAt" | "lastErrorAt" | "lastError"
  >
>;

/**
 * Gives every owner of an open, unexpired session an account, due at once; two instances
 * discovering the same owner make one row. Owners that have one cost one indexed read.
 */
export async function discoverSessionWatchAccounts(db: Db, now: Date): Promise<void> {
  const owners = await db
    .selectDistinct({
      organisationId: supportSessions.organisationId,
      userId: sql<string>`${sessionOwnerId}`,
    })
    .from(supportSessions)
    .leftJoin(sessionWatchAccounts, sql`${sessionWatchAccounts.userId} = ${sessionOwnerId}`)
    .where(
      and(
        eq(supportSessions.state, "open"),
        gt(supportSessions.validUntil, now),
        sql`${sessionOwnerId} is not null`,
        isNull(sessionWatchAccounts.id),
      ),
    );
  if (owners.length === 0) return;
  await db
    .insert(sessionWatchAccounts)
    .values(owners.map((owner) => ({ ...owner, nextWatchAt: now, createdAt: now })))
    .onConflictDoNothing({ target: sessionWatchAccounts.userId });
}

/**
 * Accounts due now, not paused, whose owner still has an open, unexpired session; the
 * longest-waiting first. An account without such sessions costs nothing until it gets one.
 */
export function listDueSessionWatchAccounts(
  db: Db,
  now: Date,
  limit: number,
): Promise<SessionWatchAccount[]> {
  return db
    .select()
    .from(sessionWatchAccounts)
    .where(
      and(
        lte(sessionWatchAccounts.nextWatchAt, now),
        or(isNull(sessionWatchAccounts.pausedUntil), lte(sessionWatchAccounts.pausedUntil, now)),
        organisationIsEnabled(sessionWatchAccounts.organisationId),
        exists(
          db
            .select({ id: supportSessions.id })
            .from(supportSessions)
            .where(
              and(
                eq(supportSessions.state, "open"),
                gt(supportSessions.validUntil, now),
                sql`${sessionOwnerId} = ${sessionWatchAccounts.userId}`,
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(sessionWatchAccounts.nextWatchAt), asc(sessionWatchAccounts.id))
    .limit(limit);
}

export async function findSessionWatchAccount(db: Db, id: string): Promise<SessionWatchAccount | undefined> {
  const [row] = await db.select().from(sessionWatchAccounts).where(eq(sessionWatchAccounts.id, id));
  return row;
}

export async function updateSessionWatchAccount(
  db: Db,
  id: string,
  changes: SessionWatchChanges,
): Promise<void> {
  await db.update(sessionWatchAccounts).set(changes).where(eq(sessionWatchAccounts.id, id));
}
