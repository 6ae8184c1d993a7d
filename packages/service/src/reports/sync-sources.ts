/**
 * Which accounts sync an organisation's reports (issue 6, "Sync"): its company script token when
 * it has one (a company token sees every connection of the company, docs/teamviewer-api.md §4),
 * otherwise each connected supporter's own grant. Discovery keeps `report_sync_accounts` in step
 * with that: it creates accounts, retires those whose source went away, and revives an account
 * marked "needs reconnect" once its token has been replaced.
 *
 * A supporter's account is that supporter's grant on one TeamViewer account: its cursor and
 * backfill describe that TeamViewer account's reports. A supporter who reconnects to another
 * TeamViewer account gets a new sync account, which backfills, and the old one is retired (and
 * revived, where it left off, should they connect to that TeamViewer account again).
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import {
  type ConnectedUser,
  findConnectedTeamViewerUserId,
  findScriptTokenSavedAt,
  insertSyncAccount,
  listConnectedUsers,
  listOrganisationIds,
  listSyncAccounts,
  type SyncAccount,
  setSyncAccountStatus,
} from "../db/repositories/report-sync-accounts.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { SyncSourceGoneError } from "./sync-failures.js";

const dayMs = 86_400_000;

/** Brings the sync accounts of one organisation (or all) in line with the stored tokens. */
export async function discoverSyncAccounts(
  deps: ReportSyncDeps,
  options: { organisationId?: string | undefined; backfillDays: number },
): Promise<void> {
  const organisationIds =
    options.organisationId === undefined
      ? await listOrganisationIds(deps.database.db)
      : [options.organisationId];
  for (const organisationId of organisationIds) {
    await discoverForOrganisation(deps, organisationId, options.backfillDays);
  }
}

async function discoverForOrganisation(deps: ReportSyncDeps, organisationId: string, backfillDays: number) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const backfillHorizon = new Date(now.getTime() - backfillDays * dayMs);
  const accounts = await listSyncAccounts(db, organisationId);
  const scriptTokenSavedAt = await findScriptTokenSavedAt(db, organisationId);
  const organisationAccount = accounts.find((account) => account.sourceKind === "organisation");
  const userAccounts = accounts.filter((account) => account.sourceKind === "user");

  if (scriptTokenSavedAt !== undefined) {
    if (organisationAccount === undefined) {
      await insertSyncAccount(
        db,
        { organisationId, sourceKind: "organisation", userId: null, backfillHorizon },
        now,
      );
    } else if (shouldRevive(organisationAccount, scriptTokenSavedAt)) {
      await setSyncAccountStatus(db, organisationAccount.id, "active", now);
    }
    // The company token sees everything the users' grants would: syncing both would double the calls.
    await retire(deps, userAccounts);
    return;
  }

  if (organisationAccount !== undefined) await retire(deps, [organisationAccount]);
  const connected = await listConnectedUsers(db, organisationId);
  for (const user of connected) {
    const account = userAccounts.find((candidate) => isAccountOf(candidate, user));
    if (account === undefined) {
      const { userId, teamViewerUserId } = user;
      await insertSyncAccount(
        db,
        { organisationId, sourceKind: "user", userId, teamViewerUserId, backfillHorizon },
        now,
      );
    } else if (user.connectionStatus === "connected" && shouldRevive(account, user.connectionUpdatedAt)) {
      await setSyncAccountStatus(db, account.id, "active", now);
    }
  }
  await retire(
    deps,
    userAccounts.filter((account) => !connected.some((user) => isAccountOf(account, user))),
  );
}

/** Whether `account` syncs the TeamViewer account the user is connected to now. */
function isAccountOf(account: SyncAccount, user: ConnectedUser): boolean {
  return account.userId === user.userId && account.teamViewerUserId === user.teamViewerUserId;
}

/** Inactive accounts come back with their source; refused ones only with a token saved since. */
function shouldRevive(account: SyncAccount, tokenSavedAt: Date): boolean {
  if (account.status === "inactive") return true;
  return account.status === "needs_reconnect" && tokenSavedAt > account.statusChangedAt;
}

async function retire(deps: ReportSyncDeps, accounts: readonly SyncAccount[]): Promise<void> {
  for (const account of accounts) {
    if (account.status !== "inactive") {
      await setSyncAccountStatus(deps.database.db, account.id, "inactive", deps.clock.now());
    }
  }
}

/**
 * A client reading with the account's token.
 * @throws SyncSourceGoneError when the organisation's script token was removed, or the user's
 *   grant is now for another TeamViewer account than the one whose cursor this account holds
 *   (reconnected before discovery retired it); the client factory's errors (not configured, not
 *   connected, needs reconnect) otherwise
 */
export async function createSyncClient(
  deps: ReportSyncDeps,
  account: SyncAccount,
): Promise<TeamViewerClient> {
  if (account.userId !== null) {
    const connectedTo = await findConnectedTeamViewerUserId(deps.database.db, account.userId);
    if (connectedTo !== undefined && connectedTo !== account.teamViewerUserId) {
      throw new SyncSourceGoneError("The user is now connected to another TeamViewer account.");
    }
    return deps.teamViewer.createTeamViewerClientFor({
      userId: account.userId,
      organisationId: account.organisationId,
    });
  }
  const client = await deps.teamViewer.forOrganisation(account.organisationId);
  if (client === undefined) throw new SyncSourceGoneError("The organisation's script token was removed.");
  return client;
}
