/**
 * A user's link to their TeamViewer account: identity plus the OAuth tokens, encrypted here and
 * only here (bound to the row; callers pass and receive plaintext).
 *
 * Single-flight refresh across instances: inside `transaction()`, `lockTeamViewerConnection`
 * takes a row lock (`SELECT … FOR UPDATE`), so a second refresher waits, then sees the new
 * tokens and needs no refresh of its own. `updateTeamViewerTokens` additionally checks the
 * version it read, so a writer that skipped the lock cannot overwrite a newer refresh token.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { preparedStatement } from "../prepared-query.js";
import { type ConnectionStatus, teamViewerConnections } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

export interface TeamViewerTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface TeamViewerIdentity {
  teamViewerUserId: string;
  teamViewerName: string;
  teamViewerEmail: string;
}

export interface TeamViewerConnection extends TeamViewerTokens, TeamViewerIdentity {
  id: string;
  userId: string;
  status: ConnectionStatus;
  version: number;
  updatedAt: Date;
}

const accessColumn = secretColumns.connectionAccessToken;
const refreshColumn = secretColumns.connectionRefreshToken;

function sealTokens(vault: SecretBox, id: string, tokens: TeamViewerTokens) {
  return {
    accessTokenEncrypted: vault.encrypt(tokens.accessToken, bindingFor(accessColumn, id)),
    refreshTokenEncrypted: vault.encrypt(tokens.refreshToken, bindingFor(refreshColumn, id)),
    expiresAt: tokens.expiresAt,
  };
}

/** Stores a fresh grant after the OAuth callback, replacing any previous one of the user. */
export async function saveTeamViewerConnection(
  db: Db,
  vault: SecretBox,
  values: { userId: string } & TeamViewerIdentity & TeamViewerTokens,
  now: Date,
): Promise<void> {
  const { userId, teamViewerUserId, teamViewerName, teamViewerEmail } = values;
  await db.transaction(async (tx) => {
    // A reconnect gets a new row id, hence new bindings; the old grant's ciphertexts go with it.
    await deleteTeamViewerConnection(tx, userId);
    const id = randomUUID();
    await tx.insert(teamViewerConnections).values({
      id,
      userId,
      teamViewerUserId,
      teamViewerName,
      teamViewerEmail,
      ...sealTokens(vault, id, values),
      status: "connected",
      createdAt: now,
      updatedAt: now,
    });
  });
}

export function findTeamViewerConnection(
  db: Db,
  vault: SecretBox,
  userId: string,
): Promise<TeamViewerConnection | undefined> {
  return selectConnection(db, vault, userId, false);
}

/** Like find, but holds a row lock until the surrounding transaction ends. */
export function lockTeamViewerConnection(
  tx: Db,
  vault: SecretBox,
  userId: string,
): Promise<TeamViewerConnection | undefined> {
  return selectConnection(tx, vault, userId, true);
}

async function selectConnection(
  db: Db,
  vault: SecretBox,
  userId: string,
  isForUpdate: boolean,
): Promise<TeamViewerConnection | undefined> {
  const [row] = isForUpdate
    ? await db
        .select()
        .from(teamViewerConnections)
        .where(eq(teamViewerConnections.userId, userId))
        .for("update")
    : await selectConnectionByUser(db).execute({ userId });
  return row === undefined ? undefined : toTeamViewerConnection(vault, row);
}

/** A stored row as callers see it: tokens decrypted, and checked to belong to this row. */
export function toTeamViewerConnection(
  vault: SecretBox,
  row: typeof teamViewerConnections.$inferSelect,
): TeamViewerConnection {
  const { accessTokenEncrypted, refreshTokenEncrypted, createdAt: _createdAt, ...rest } = row;
  return {
    ...rest,
    accessToken: vault.decrypt(accessTokenEncrypted, bindingFor(accessColumn, row.id)),
    refreshToken: vault.decrypt(refreshTokenEncrypted, bindingFor(refreshColumn, row.id)),
  };
}

/**
 * Saves refreshed tokens if the row is still at `expectedVersion`, bumping the version.
 * Returns false when another refresh got there first (the caller should re-read, not retry).
 */
export async function updateTeamViewerTokens(
  db: Db,
  vault: SecretBox,
  values: { id: string; expectedVersion: number } & TeamViewerTokens,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(teamViewerConnections)
    .set({
      ...sealTokens(vault, values.id, values),
      status: "connected",
      version: sql`${teamViewerConnections.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(eq(teamViewerConnections.id, values.id), eq(teamViewerConnections.version, values.expectedVersion)),
    )
    .returning({ id: teamViewerConnections.id });
  return updated.length === 1;
}

/** After `invalid_grant` the grant is dead: the user sees "needs reconnect" until connecting again replaces the row. */
export async function markTeamViewerConnectionNeedsReconnect(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(teamViewerConnections)
    .set({ status: "needs_reconnect", version: sql`${teamViewerConnections.version} + 1`, updatedAt: now })
    .where(eq(teamViewerConnections.id, id));
}

export async function deleteTeamViewerConnection(db: Db, userId: string): Promise<void> {
  await db.delete(teamViewerConnections).where(eq(teamViewerConnections.userId, userId));
}

// Every TeamViewer call made for a user reads their token: prepared once (src/db/prepared-query.ts).
const selectConnectionByUser = preparedStatement("find_teamviewer_connection", (db, name) =>
  db
    .select()
    .from(teamViewerConnections)
    .where(eq(teamViewerConnections.userId, sql.placeholder("userId")))
    .prepare(name),
);
