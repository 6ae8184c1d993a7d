/**
 * The catalogue of every encrypted column, and the SQL that works across all of them: finding
 * which key ids stored data uses, and re-encrypting values that are not under the primary key.
 * A new encrypted column must be added to `secretColumns`, or rotation will miss it.
 */
import { and, asc, eq, getTableColumns, getTableName, gt, isNotNull, ne, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { SecretBinding } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import {
  embeddingIntegrations,
  helpdeskConnections,
  idempotencyKeys,
  oauthStates,
  organisationScriptTokens,
  sessionInvitations,
  supportSessions,
  teamViewerApps,
  teamViewerConnections,
  webhookEndpoints,
} from "../schema.js";

export interface SecretColumn {
  table: PgTable;
  id: PgColumn;
  secret: PgColumn;
  /** The TypeScript property of `secret` in `table`, for updates. */
  secretKey: string;
}

function defineSecretColumn(table: PgTable, id: PgColumn, secret: PgColumn): SecretColumn {
  const entry = Object.entries(getTableColumns(table)).find(([, column]) => column === secret);
  if (entry === undefined) throw new Error(`${secret.name} is not a column of ${getTableName(table)}`);
  return { table, id, secret, secretKey: entry[0] };
}

export const secretColumns = {
  teamViewerAppClientSecret: defineSecretColumn(
    teamViewerApps,
    teamViewerApps.id,
    teamViewerApps.clientSecretEncrypted,
  ),
  connectionAccessToken: defineSecretColumn(
    teamViewerConnections,
    teamViewerConnections.id,
    teamViewerConnections.accessTokenEncrypted,
  ),
  connectionRefreshToken: defineSecretColumn(
    teamViewerConnections,
    teamViewerConnections.id,
    teamViewerConnections.refreshTokenEncrypted,
  ),
  scriptToken: defineSecretColumn(
    organisationScriptTokens,
    organisationScriptTokens.id,
    organisationScriptTokens.tokenEncrypted,
  ),
  helpdeskToken: defineSecretColumn(
    helpdeskConnections,
    helpdeskConnections.id,
    helpdeskConnections.tokenEncrypted,
  ),
  pkceVerifier: defineSecretColumn(oauthStates, oauthStates.id, oauthStates.pkceVerifierEncrypted),
  // Supporter links embed the session's service-queue token (docs/teamviewer-api.md §3).
  supporterLink: defineSecretColumn(
    supportSessions,
    supportSessions.id,
    supportSessions.supporterLinkEncrypted,
  ),
  webClientSupporterLink: defineSecretColumn(
    supportSessions,
    supportSessions.id,
    supportSessions.webClientSupporterLinkEncrypted,
  ),
  // A replayed create answer carries the supporter links too.
  idempotentResponseBody: defineSecretColumn(
    idempotencyKeys,
    idempotencyKeys.id,
    idempotencyKeys.responseBodyEncrypted,
  ),
  // An invitation e-mail while it is being sent carries the join token.
  invitationMessage: defineSecretColumn(
    sessionInvitations,
    sessionInvitations.id,
    sessionInvitations.messageSealed,
  ),
  // The join address a helpdesk reply still has to carry (issue 22).
  invitationHelpdeskJoinUrl: defineSecretColumn(
    sessionInvitations,
    sessionInvitations.id,
    sessionInvitations.helpdeskJoinUrlSealed,
  ),
  // Webhook signing secrets, and the previous one that keeps signing during a rotation.
  webhookSecret: defineSecretColumn(webhookEndpoints, webhookEndpoints.id, webhookEndpoints.secretEncrypted),
  webhookPreviousSecret: defineSecretColumn(
    webhookEndpoints,
    webhookEndpoints.id,
    webhookEndpoints.previousSecretEncrypted,
  ),
  // The key a helpdesk signs its widget assertions with (issue 23).
  embeddingSecret: defineSecretColumn(
    embeddingIntegrations,
    embeddingIntegrations.id,
    embeddingIntegrations.secretEncrypted,
  ),
} as const;

/** The additional authenticated data for a value of `column` in row `rowId`. */
export function bindingFor(column: SecretColumn, rowId: string): SecretBinding {
  return { table: getTableName(column.table), column: column.secret.name, rowId };
}

/** The key id sits between the first two dots of a sealed value ("v1.<keyId>.…"). */
const keyIdOf = (column: PgColumn) => sql<string>`split_part(${column}, '.', 2)`;

/** Every key id named by any stored secret. */
export async function listKeyIdsInUse(db: Db): Promise<string[]> {
  const found = new Set<string>();
  for (const column of Object.values(secretColumns)) {
    const rows = await db
      .selectDistinct({ keyId: keyIdOf(column.secret) })
      .from(column.table)
      .where(isNotNull(column.secret));
    for (const row of rows) found.add(row.keyId);
  }
  return [...found].sort();
}

export interface SealedRow {
  id: string;
  sealed: string;
}

export interface SealedSample {
  keyId: string;
  column: SecretColumn;
  row: SealedRow;
}

/** For every encrypted column, one stored value (the lowest row id) per key id it uses. */
export async function listSealedSamplesPerKeyId(db: Db): Promise<SealedSample[]> {
  const samples: SealedSample[] = [];
  for (const column of Object.values(secretColumns)) {
    const keyId = keyIdOf(column.secret);
    const rows = await db
      .selectDistinctOn([keyId], {
        keyId,
        id: sql<string>`${column.id}`,
        sealed: sql<string>`${column.secret}`,
      })
      .from(column.table)
      .where(isNotNull(column.secret))
      .orderBy(keyId, asc(column.id));
    for (const { keyId: rowKeyId, id, sealed } of rows)
      samples.push({ keyId: rowKeyId, column, row: { id, sealed } });
  }
  return samples;
}

/** The next rows (ordered by id, after `afterId`) whose value is not under `primaryKeyId`. */
export async function listRowsNotUnderKey(
  db: Db,
  column: SecretColumn,
  options: { primaryKeyId: string; afterId: string | undefined; limit: number },
): Promise<SealedRow[]> {
  const conditions = [isNotNull(column.secret), ne(keyIdOf(column.secret), options.primaryKeyId)];
  if (options.afterId !== undefined) conditions.push(gt(column.id, options.afterId));
  return db
    .select({ id: sql<string>`${column.id}`, sealed: sql<string>`${column.secret}` })
    .from(column.table)
    .where(and(...conditions))
    .orderBy(asc(column.id))
    .limit(options.limit);
}

/**
 * Replaces a sealed value only if it is still `previous`: when the application rewrote the
 * secret meanwhile (a token refresh), the new value is already under the primary key and wins.
 * Returns whether the row was updated.
 */
export async function replaceSealedValue(
  db: Db,
  column: SecretColumn,
  row: SealedRow,
  next: string,
): Promise<boolean> {
  const updated = await db
    .update(column.table)
    .set({ [column.secretKey]: next } as PgUpdateSetSource<PgTable>)
    .where(and(eq(column.id, row.id), eq(column.secret, row.sealed)))
    .returning({ id: column.id });
  return updated.length === 1;
}
