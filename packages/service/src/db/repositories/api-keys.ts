/** API keys: only the SHA-256 of each secret is stored (src/api-keys/api-key-secret.ts). */
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { encodeValue, preparedStatement, valuePlaceholder } from "../prepared-query.js";
import {
  type ApiKeyScope,
  apiKeyRateWindows,
  apiKeys,
  teamViewerApps,
  teamViewerConnections,
  users,
} from "../schema.js";
import type { SealedTeamViewerCredentials } from "./teamviewer-credentials.js";
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

export interface FoundApiKey {
  key: ApiKeyRecord;
  /** Null for an organisation-wide key. */
  actingUser: User | null;
  /**
   * The request counted in the key's rate window that starts at `windowStart`, this one
   * included; null when the request will not authenticate (wrong secret, revoked key, a
   * disabled or foreign acting user), which is not counted.
   */
  requestCount: number | null;
  /**
   * The organisation's TeamViewer app and the acting user's connection, sealed: what a request
   * that calls TeamViewer as that user reads next. Both null for an organisation-wide key.
   */
  actingUserTeamViewer: SealedTeamViewerCredentials;
}

/**
 * The key with the user it acts for, and the request counted in the key's rate window, in one
 * statement: every API request runs it, and a separate count would be one more round trip
 * (docs/performance.md, "Session creation"). The acting user's TeamViewer credentials come along
 * for the same reason: a session create needs them before its TeamViewer call, and reading them
 * here spares it a statement of its own (ADR 0009). Whether the request authenticates is still
 * for the caller to decide (in constant time); the statement only avoids counting one that will
 * not.
 */
export async function findApiKeyCountingRequest(
  db: Db,
  request: { prefix: string; secretHash: string; windowStart: Date },
): Promise<FoundApiKey | undefined> {
  const [row] = await selectApiKeyCountingRequest(db).execute({
    prefix: request.prefix,
    secretHash: request.secretHash,
    windowStart: encodeValue(request.windowStart),
  });
  if (row === undefined) return undefined;
  const { teamViewerApp, teamViewerConnection, ...found } = row;
  const isActingForUser = found.actingUser !== null;
  return {
    ...found,
    actingUserTeamViewer: {
      app: isActingForUser ? teamViewerApp : null,
      connection: isActingForUser ? teamViewerConnection : null,
    },
  };
}

const selectApiKeyCountingRequest = preparedStatement("find_api_key_counting_request", (db, name) => {
  const prefixIs = eq(apiKeys.prefix, sql.placeholder("prefix"));
  const counted = db.$with("counted_request").as(
    db
      .insert(apiKeyRateWindows)
      .select(
        db
          .select({
            apiKeyId: apiKeys.id,
            windowStart: sql`${valuePlaceholder("windowStart")}::timestamptz`.as("window_start"),
            requestCount: sql`1`.as("request_count"),
          })
          .from(apiKeys)
          .leftJoin(users, eq(users.id, apiKeys.actingUserId))
          .where(
            and(
              prefixIs,
              eq(apiKeys.secretHash, sql.placeholder("secretHash")),
              isNull(apiKeys.revokedAt),
              or(
                isNull(apiKeys.actingUserId),
                and(eq(users.isDisabled, false), eq(users.organisationId, apiKeys.organisationId)),
              ),
            ),
          ),
      )
      .onConflictDoUpdate({
        target: [apiKeyRateWindows.apiKeyId, apiKeyRateWindows.windowStart],
        set: { requestCount: sql`${apiKeyRateWindows.requestCount} + 1` },
      })
      .returning({ requestCount: apiKeyRateWindows.requestCount }),
  );
  return db
    .with(counted)
    .select({
      key: apiKeys,
      actingUser: users,
      requestCount: sql<number | null>`(select ${counted.requestCount} from ${counted})`.mapWith(
        (value: unknown) => (value === null ? null : Number(value)),
      ),
      teamViewerApp: teamViewerApps,
      teamViewerConnection: teamViewerConnections,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.actingUserId))
    .leftJoin(teamViewerApps, eq(teamViewerApps.organisationId, apiKeys.organisationId))
    .leftJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(prefixIs)
    .prepare(name);
});

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
