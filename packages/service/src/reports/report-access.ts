/**
 * Who may do what with connection reports (issue 6, "Matching"): admins everything in their
 * organisation; supporters their own connections (made with their TeamViewer account, or
 * synced through their grant); auditors read everything and change nothing. A report the actor
 * may not see is reported as not found. Lists apply the same rule in SQL
 * (`ConnectionReportFilter.ownedBy`, see `reportScopeOf`).
 */
import type { ConnectionReportFilter } from "../db/repositories/connection-report-search.js";
import { findConnectionReport, type StoredConnectionReport } from "../db/repositories/connection-reports.js";
import { findSyncAccount } from "../db/repositories/report-sync-accounts.js";
import { findTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { ConnectionReportError } from "./connection-report-error.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

/** The TeamViewer user id of the actor's own connection, if they have one. */
export async function findOwnTeamViewerUserId(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  actor: SessionActor,
): Promise<string | undefined> {
  if (actor.userId === null) return undefined;
  const connection = await findTeamViewerConnection(deps.database.db, deps.vault, actor.userId);
  return connection?.teamViewerUserId;
}

/** Admins and auditors see every report of the organisation; supporters only their own. */
export function seesAllReports(actor: SessionActor): boolean {
  return actor.role === "admin" || actor.role === "auditor";
}

/** The list filter that limits an actor to the reports they may see. */
export async function reportScopeOf(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  actor: SessionActor,
): Promise<ConnectionReportFilter> {
  const scope: ConnectionReportFilter = { organisationId: actor.organisationId };
  if (seesAllReports(actor)) return scope;
  // A supporter key without a user, which cannot exist, would see nothing: an id nobody has.
  const userId = actor.userId ?? "00000000-0000-0000-0000-000000000000";
  return { ...scope, ownedBy: { userId, teamViewerUserId: await findOwnTeamViewerUserId(deps, actor) } };
}

/** Loads a report the actor may see. @throws ConnectionReportError report-not-found */
export async function loadReportToView(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  actor: SessionActor,
  reportId: string,
): Promise<StoredConnectionReport> {
  const report = await findConnectionReport(deps.database.db, actor.organisationId, reportId);
  if (report === undefined) throw new ConnectionReportError("report-not-found");
  if (seesAllReports(actor) || (actor.role === "supporter" && (await isOwnReport(deps, actor, report)))) {
    return report;
  }
  throw new ConnectionReportError("report-not-found");
}

async function isOwnReport(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  actor: SessionActor,
  report: StoredConnectionReport,
): Promise<boolean> {
  if (actor.userId === null) return false;
  const ownId = await findOwnTeamViewerUserId(deps, actor);
  if (ownId !== undefined && report.teamViewerUserId === ownId) return true;
  if (report.syncAccountId === null) return false;
  const account = await findSyncAccount(deps.database.db, report.syncAccountId);
  return account?.userId === actor.userId;
}

/** Loads a report the actor may change. @throws ConnectionReportError report-not-found, forbidden */
export async function loadReportToChange(
  deps: Pick<ReportSyncDeps, "database" | "vault">,
  actor: SessionActor,
  reportId: string,
): Promise<StoredConnectionReport> {
  const report = await findConnectionReport(deps.database.db, actor.organisationId, reportId);
  if (report === undefined) throw new ConnectionReportError("report-not-found");
  if (actor.role === "admin") return report;
  const isOwn = actor.role === "supporter" && (await isOwnReport(deps, actor, report));
  if (isOwn) return report;
  throw new ConnectionReportError(actor.role === "auditor" ? "forbidden" : "report-not-found");
}
