/**
 * Leases that keep several service instances from working on one TeamViewer account at the same
 * time (packages/service/README.md, "Leases"), per job: the report sync and the session status
 * watch lease the same account independently. Time comes from the caller's clock; leases last
 * minutes, far longer than any clock skew between instances.
 */
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { type LeaseJob, syncLeases } from "../schema.js";

export interface LeaseRequest {
  /** The account's id: a report sync account's, or a session watch account's for that job. */
  syncAccountId: string;
  /** Default "report-sync". */
  job?: LeaseJob;
  holder: string;
  now: Date;
  ttlMs: number;
}

/**
 * Takes the account's lease when nobody holds it or the holder's lease expired, in one
 * statement: of two instances asking at once, PostgreSQL lets exactly one insert or update the
 * row. Not re-entrant: a holder asking twice gets false, so one process never runs an account
 * twice either.
 */
export async function acquireSyncLease(db: Db, request: LeaseRequest): Promise<boolean> {
  const expiresAt = new Date(request.now.getTime() + request.ttlMs);
  const taken = await db
    .insert(syncLeases)
    .values({
      syncAccountId: request.syncAccountId,
      job: request.job ?? "report-sync",
      holder: request.holder,
      acquiredAt: request.now,
      expiresAt,
    })
    .onConflictDoUpdate({
      target: [syncLeases.job, syncLeases.syncAccountId],
      set: { holder: request.holder, acquiredAt: request.now, expiresAt },
      setWhere: lte(syncLeases.expiresAt, request.now),
    })
    .returning({ holder: syncLeases.holder });
  return taken.length === 1;
}

/**
 * Extends a lease its holder still has. Called inside each page's transaction: when it returns
 * false the lease was lost (expired and taken over), and the page must not be committed.
 */
export async function renewSyncLease(db: Db, request: LeaseRequest): Promise<boolean> {
  const renewed = await db
    .update(syncLeases)
    .set({ expiresAt: new Date(request.now.getTime() + request.ttlMs) })
    .where(
      and(
        eq(syncLeases.syncAccountId, request.syncAccountId),
        eq(syncLeases.job, request.job ?? "report-sync"),
        eq(syncLeases.holder, request.holder),
        gt(syncLeases.expiresAt, request.now),
      ),
    )
    .returning({ holder: syncLeases.holder });
  return renewed.length === 1;
}

export async function releaseSyncLease(
  db: Db,
  syncAccountId: string,
  holder: string,
  job: LeaseJob = "report-sync",
): Promise<void> {
  await db
    .delete(syncLeases)
    .where(
      and(
        eq(syncLeases.syncAccountId, syncAccountId),
        eq(syncLeases.job, job),
        eq(syncLeases.holder, holder),
      ),
    );
}
