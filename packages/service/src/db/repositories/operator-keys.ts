/**
 * The operator's keys and the browser sessions opened with them: only the SHA-256 of each secret
 * and session token is stored (src/api-keys/api-key-secret.ts, src/identity/random-tokens.ts).
 */
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { operatorKeys, operatorSessions } from "../schema.js";

export type OperatorKeyRecord = typeof operatorKeys.$inferSelect;

export async function insertOperatorKey(
  db: Db,
  values: { name: string; prefix: string; secretHash: string; now: Date },
): Promise<OperatorKeyRecord> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(operatorKeys)
    .values({ ...rest, createdAt: now })
    .returning();
  if (row === undefined) throw new Error("insert into operator_keys returned no row");
  return row;
}

export async function findOperatorKeyByPrefix(
  db: Db,
  prefix: string,
): Promise<OperatorKeyRecord | undefined> {
  const [row] = await db.select().from(operatorKeys).where(eq(operatorKeys.prefix, prefix));
  return row;
}

/** Oldest first. */
export function listOperatorKeyRecords(db: Db): Promise<OperatorKeyRecord[]> {
  return db.select().from(operatorKeys).orderBy(asc(operatorKeys.createdAt), asc(operatorKeys.id));
}

export async function markOperatorKeyRevoked(db: Db, id: string, now: Date): Promise<void> {
  await db.update(operatorKeys).set({ revokedAt: now }).where(eq(operatorKeys.id, id));
}

export async function touchOperatorKey(db: Db, id: string, now: Date): Promise<void> {
  await db.update(operatorKeys).set({ lastUsedAt: now }).where(eq(operatorKeys.id, id));
}

/** A signed-in operator: the session and the live key it was opened with. */
export interface FoundOperatorSession {
  sessionId: string;
  key: OperatorKeyRecord;
}

export async function insertOperatorSession(
  db: Db,
  values: { tokenHash: string; operatorKeyId: string; now: Date; expiresAt: Date },
): Promise<void> {
  const { now, ...rest } = values;
  await db.insert(operatorSessions).values({ ...rest, createdAt: now });
}

/** Undefined once the session expired or its key was revoked. */
export async function findOperatorSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<FoundOperatorSession | undefined> {
  const [row] = await db
    .select({ sessionId: operatorSessions.id, key: operatorKeys })
    .from(operatorSessions)
    .innerJoin(operatorKeys, eq(operatorKeys.id, operatorSessions.operatorKeyId))
    .where(
      and(
        eq(operatorSessions.tokenHash, tokenHash),
        gt(operatorSessions.expiresAt, now),
        isNull(operatorKeys.revokedAt),
      ),
    );
  return row;
}

export async function deleteOperatorSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(operatorSessions).where(eq(operatorSessions.tokenHash, tokenHash));
}
