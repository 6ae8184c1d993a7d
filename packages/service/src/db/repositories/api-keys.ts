/** API keys: only the SHA-256 of each secret is stored (src/api-keys/api-key-secret.ts). */
import { and, desc, eq, getTableName, isNull, or, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "../open-database.js";
import { encodeValue, preparedStatement, valuePlaceholder } from "../prepared-query.js";
import {
  type ApiKeyScope,
  apiKeyRateWindows,
  apiKeys,
  organisations,
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

/** An API key as authentication reads it: with the user it acts for and their TeamViewer rows. */
export interface FoundApiKey {
  key: ApiKeyRecord;
  /** Null for an organisation-wide key. */
  actingUser: User | null;
  /**
   * The organisation's TeamViewer app and the acting user's connection, sealed: what a request
   * that calls TeamViewer as that user reads next. Both null for an organisation-wide key.
   */
  actingUserTeamViewer: SealedTeamViewerCredentials;
  /** When the key's organisation was disabled (`attendant orgs disable`); its keys are refused. */
  organisationDisabledAt: Date | null;
}

/**
 * The key with the user it acts for and their TeamViewer app and connection, counting nothing:
 * for the embedded database, which counts requests in memory (src/api-keys/api-key-memory.ts).
 */
export async function findApiKey(db: Db, prefix: string): Promise<FoundApiKey | undefined> {
  const [row] = await selectApiKey(db).execute({ prefix });
  return row === undefined ? undefined : toFoundApiKey(row);
}

/**
 * The key as {@link findApiKey} reads it, and the request counted in the key's rate window, in
 * one statement: every API request on a PostgreSQL server runs it, and a separate count would be
 * one more round trip (docs/performance.md, "Session creation"). The acting user's TeamViewer
 * credentials come along for the same reason: a session create needs them before its TeamViewer
 * call, and reading them here spares it a statement of its own (ADR 0009). Whether the request
 * authenticates is still for the caller to decide (in constant time); the statement only avoids
 * counting one that will not.
 *
 * `requestCount` is the request counted in the key's rate window that starts at `windowStart`,
 * this one included; null when the request will not authenticate (wrong secret, revoked key, a
 * disabled organisation, a disabled or foreign acting user), which is not counted.
 */
export async function findApiKeyCountingRequest(
  db: Db,
  request: { prefix: string; secretHash: string; windowStart: Date },
): Promise<(FoundApiKey & { requestCount: number | null }) | undefined> {
  const [row] = await selectApiKeyCountingRequest(db).execute({
    prefix: request.prefix,
    secretHash: request.secretHash,
    windowStart: encodeValue(request.windowStart),
  });
  return row === undefined ? undefined : { ...toFoundApiKey(row), requestCount: row.requestCount };
}

function toFoundApiKey(row: {
  key: ApiKeyRecord;
  organisation: { disabledAt: Date | null } | null;
  actingUser: User | null;
  teamViewerApp: SealedTeamViewerCredentials["app"];
  teamViewerConnection: SealedTeamViewerCredentials["connection"];
}): FoundApiKey {
  const isActingForUser = row.actingUser !== null;
  return {
    key: row.key,
    organisationDisabledAt: row.organisation?.disabledAt ?? null,
    actingUser: row.actingUser,
    actingUserTeamViewer: {
      app: isActingForUser ? row.teamViewerApp : null,
      connection: isActingForUser ? row.teamViewerConnection : null,
    },
  };
}

/** What an API request's principal is read from, by the key's prefix. */
const principalColumns = {
  key: apiKeys,
  organisation: organisations,
  actingUser: users,
  teamViewerApp: teamViewerApps,
  teamViewerConnection: teamViewerConnections,
};

/**
 * The tables {@link findApiKey} reads. Each notifies every change (migration 0009), which the
 * embedded database's memory of keys depends on: a table added here needs that trigger too.
 */
export const principalTables: readonly string[] = Object.values(principalColumns).map((table) =>
  getTableName(table),
);

/** `starter` is the database or a `WITH` clause, `also` more columns. */
function selectPrincipal<Also extends SelectedFields>(starter: Pick<Db, "select">, also: Also) {
  return starter
    .select({ ...principalColumns, ...also })
    .from(apiKeys)
    .leftJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .leftJoin(users, eq(users.id, apiKeys.actingUserId))
    .leftJoin(teamViewerApps, eq(teamViewerApps.organisationId, apiKeys.organisationId))
    .leftJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(eq(apiKeys.prefix, sql.placeholder("prefix")));
}

const selectApiKey = preparedStatement("find_api_key", (db, name) => selectPrincipal(db, {}).prepare(name));

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
          .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
          .leftJoin(users, eq(users.id, apiKeys.actingUserId))
          .where(
            and(
              prefixIs,
              isNull(organisations.disabledAt),
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
  return selectPrincipal(db.with(counted), {
    requestCount: sql<number | null>`(select ${counted.requestCount} from ${counted})`.mapWith(
      (value: unknown) => (value === null ? null : Number(value)),
    ),
  }).prepare(name);
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
