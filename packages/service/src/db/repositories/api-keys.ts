/** API keys: only the SHA-256 of each secret is stored (src/api-keys/api-key-secret.ts). */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { type ApiKeyScope, apiKeys, users } from "../schema.js";
import type { User } from "./users.js";

export type ApiKeyRecord = typeof apiKeys.$inferSelect;

export interface NewApiKey {
  organisationId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: ApiKeyScope[];
  actingUserId: string | null;
  createdByUserId: string | null;
  now: Date;
}

export async function insertApiKey(db: Db, values: NewApiKey): Promise<ApiKeyRecord> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(apiKeys)
    .values({ ...rest, createdAt: now })
    .returning();
  if (row === undefined) throw new Error("insert into api_keys returned no row");
  return row;
}

/** The key and the user it acts for (null for an organisation-wide key), in one query. */
export async function findApiKeyByPrefix(
  db: Db,
  prefix: string,
): Promise<{ key: ApiKeyRecord; actingUser: User | null } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, actingUser: users })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.actingUserId))
    .where(eq(apiKeys.prefix, prefix));
  return row;
}

export function listApiKeyRecords(db: Db, organisationId: string): Promise<ApiKeyRecord[]> {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

/** Returns the revoked key, or undefined when there is no such live key in the organisation. */
export async function markApiKeyRevoked(
  db: Db,
  values: { organisationId: string; id: string; now: Date },
): Promise<ApiKeyRecord | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: values.now })
    .where(
      and(
        eq(apiKeys.organisationId, values.organisationId),
        eq(apiKeys.id, values.id),
        isNull(apiKeys.revokedAt),
      ),
    )
    .returning();
  return row;
}
