/**
 * Who may do what with connection reports (issue 6, "Matching"): admins everything in their
 * organisation; supporters their own connections (made with their TeamViewer account, or
 * synced through their grant); auditors read and change nothing. A report the actor may not
 * see is reported as not found.
 */
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
