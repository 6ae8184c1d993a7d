/**
 * Sync accounts (one per report source) with their cursor, and the few facts about sources the
 * sync needs: whether an organisation has a script token and which users are connected.
 */
import { and, asc, eq, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import {
  organisationScriptTokens,
  organisations,
  type ReportSyncStatus,
  reportSyncAccounts,
  teamViewerConnections,
  users,
} from "../schema.js";
import { organisationIsEnabled } from "./organisations.js";

export type SyncAccount = typeof reportSyncAccounts.$inferSelect;

/** Columns a sync step may change; `recordsSynced` may be an SQL increment. */
export type SyncAccountChanges = {
  [Key in keyof Omit<
    SyncAccount,
    "id" | "organisationId" | "sourceKind" | "userId" | "teamViewerUserId" | "createdAt"
  >]?: SyncAccount[Key] | SQL;
};

export type NewSyncAccount = Pick<
  typeof reportSyncAccounts.$inferInsert,
  "organisationId" | "sourceKind" | "userId" | "teamViewerUserId" | "backfillHorizon"
>;

export async function listOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  return rows.map((row) => row.id);
}

/** When the organisation's script token was last saved, or undefined when it has none. */
export async function findScriptTokenSavedAt(db: Db, organisationId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ updatedAt: organisationScriptTokens.updatedAt })
    .from(organisationScriptTokens)
    .where(eq(organisationScriptTokens.organisationId, organisationId));
  return row?.updatedAt;
}

export interface ConnectedUser {
  userId: string;
  teamViewerUserId: string;
  connectionStatus: "connected" | "needs_reconnect";
  /** A reconnect replaces the connection row, so this moves whenever the grant is new. */
  connectionUpdatedAt: Date;
}

/** Enabled users of the organisation that have a TeamViewer connection. */
export function listConnectedUsers(db: Db, organisationId: string): Promise<ConnectedUser[]> {
  return db
    .select({
      userId: users.id,
      teamViewerUserId: teamViewerConnections.teamViewerUserId,
      connectionStatus: teamViewerConnections.status,
      connectionUpdatedAt: teamViewerConnections.updatedAt,
    })
    .from(users)
    .innerJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(and(eq(users.organisationId, organisationId), eq(users.isDisabled, false)));
}

/** The TeamViewer account the user's grant belongs to now, or undefined when not connected. */
export async function findConnectedTeamViewerUserId(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ teamViewerUserId: teamViewerConnections.teamViewerUserId })
    .from(teamViewerConnections)
    .where(eq(teamViewerConnections.userId, userId));
  return row?.teamViewerUserId;
}

export function listSyncAccounts(db: Db, organisationId?: string): Promise<SyncAccount[]> {
  return db
    .select()
    .from(reportSyncAccounts)
    .where(organisationId === undefined ? undefined : eq(reportSyncAccounts.organisationId, organisationId))
    .orderBy(asc(reportSyncAccounts.createdAt), asc(reportSyncAccounts.id));
}

export async function findSyncAccount(db: Db, id: string): Promise<SyncAccount | undefined> {
  const [row] = await db.select().from(reportSyncAccounts).where(eq(reportSyncAccounts.id, id));
  return row;
}

/** Creates the account unless it exists (two instances discovering it at once make one). */
export async function insertSyncAccount(db: Db, values: NewSyncAccount, now: Date): Promise<void> {
  await db
    .insert(reportSyncAccounts)
    .values({ ...values, statusChangedAt: now, nextSyncAt: now, nextCodePollAt: now, createdAt: now })
    .onConflictDoNothing();
}

export async function setSyncAccountStatus(
  db: Db,
  id: string,
  status: ReportSyncStatus,
  now: Date,
  lastError: string | null = null,
): Promise<void> {
  await db
    .update(reportSyncAccounts)
    .set({
      status,
      statusChangedAt: now,
      consecutiveFailures: 0,
      pausedUntil: null,
      nextSyncAt: now,
      nextCodePollAt: now,
      ...(lastError === null ? {} : { lastError, lastErrorAt: now }),
    })
    .where(eq(reportSyncAccounts.id, id));
}

export async function updateSyncAccount(db: Db, id: string, changes: SyncAccountChanges): Promise<void> {
  await db.update(reportSyncAccounts).set(changes).where(eq(reportSyncAccounts.id, id));
}

/** A stored page's changes to its account, its `recordCount` records added to the account's count. */
export async function recordStoredPage(
  db: Db,
  id: string,
  changes: SyncAccountChanges,
  recordCount: number,
): Promise<void> {
  await updateSyncAccount(db, id, {
    ...changes,
    recordsSynced: sql`${reportSyncAccounts.recordsSynced} + ${recordCount}`,
  });
}

/** Active, not paused, with a page, pass or code poll due; the longest-waiting first. */
export function listDueSyncAccounts(db: Db, now: Date, limit: number): Promise<SyncAccount[]> {
  return db
    .select()
    .from(reportSyncAccounts)
    .where(
      and(
        eq(reportSyncAccounts.status, "active"),
        or(isNull(reportSyncAccounts.pausedUntil), lte(reportSyncAccounts.pausedUntil, now)),
        organisationIsEnabled(reportSyncAccounts.organisationId),
        or(lte(reportSyncAccounts.nextSyncAt, now), lte(reportSyncAccounts.nextCodePollAt, now)),
      ),
    )
    .orderBy(asc(reportSyncAccounts.nextSyncAt), asc(reportSyncAccounts.id))
    .limit(limit);
}
