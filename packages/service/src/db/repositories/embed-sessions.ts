/**
 * Embed sessions (issue 23) and the one-time ids of the assertions that opened them. Only the
 * SHA-256 of a session token is stored. A nonce is claimed by one insert that does nothing on
 * conflict, so of two instances receiving the same assertion exactly one wins.
 */
import { eq, lte } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { embedAssertionNonces, embedSessions } from "../schema.js";

export type EmbedSessionRow = typeof embedSessions.$inferSelect;
export type EmbedSessionValues = Omit<
  typeof embedSessions.$inferInsert,
  "id" | "createdAt" | "lastSeenAt"
> & {
  now: Date;
};

/** True when this call used the nonce first; false when it was used before (a replay). */
export async function claimAssertionNonce(
  db: Db,
  values: { integrationId: string; nonce: string; expiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(embedAssertionNonces)
    .values(values)
    .onConflictDoNothing()
    .returning({ nonce: embedAssertionNonces.nonce });
  return inserted.length === 1;
}

export async function createEmbedSession(db: Db, values: EmbedSessionValues): Promise<EmbedSessionRow> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(embedSessions)
    .values({ ...rest, createdAt: now, lastSeenAt: now })
    .returning();
  if (row === undefined) throw new Error("insert into embed_sessions returned no row");
  return row;
}

export async function findEmbedSessionByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<EmbedSessionRow | undefined> {
  const [row] = await db.select().from(embedSessions).where(eq(embedSessions.tokenHash, tokenHash));
  return row;
}

export async function touchEmbedSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(embedSessions).set({ lastSeenAt: now }).where(eq(embedSessions.id, id));
}

export async function deleteEmbedSession(db: Db, id: string): Promise<void> {
  await db.delete(embedSessions).where(eq(embedSessions.id, id));
}

/** Nonces past their assertion's expiry can never be replayed again; sessions past their absolute end never resume. */
export async function deleteExpiredEmbedRecords(
  db: Db,
  options: { now: Date; idleSince: Date },
): Promise<{ nonces: number; sessions: number }> {
  const nonces = await db
    .delete(embedAssertionNonces)
    .where(lte(embedAssertionNonces.expiresAt, options.now))
    .returning({ nonce: embedAssertionNonces.nonce });
  const expired = await db
    .delete(embedSessions)
    .where(lte(embedSessions.expiresAt, options.now))
    .returning({ id: embedSessions.id });
  const idle = await db
    .delete(embedSessions)
    .where(lte(embedSessions.lastSeenAt, options.idleSince))
    .returning({ id: embedSessions.id });
  return { nonces: nonces.length, sessions: expired.length + idle.length };
}
