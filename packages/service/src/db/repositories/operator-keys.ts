/** The operator's keys: only the SHA-256 of each secret is stored (src/api-keys/api-key-secret.ts). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { operatorKeys } from "../schema.js";

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
