/**
 * The organisation's health for platforms and monitoring (issue 7, "REST API"): is a TeamViewer
 * app configured and are its credentials accepted, is the company script token valid, whose
 * connections need reconnecting, and how far behind the connection-report sync is. Reuses the
 * admin health page's probes (src/teamviewer/health-check.ts) and the sync status
 * (src/reports/sync-status.ts). Admins and auditors only.
 */

import { listUserConnectionStatuses } from "../db/repositories/user-connection-statuses.js";
import type { HelpdeskConnectionView } from "../helpdesks/helpdesk-connection-settings.js";
import { readHelpdeskHealth } from "../helpdesks/helpdesk-connection-settings.js";
import type { AppDeps } from "../http/app-deps.js";
import { getReportSyncStatus, type SyncAccountStatus } from "../reports/sync-status.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { TeamViewerClientFactory } from "../teamviewer/client-factory.js";
import { checkTeamViewerHealth, type HealthCheck, type HealthReport } from "../teamviewer/health-check.js";
import type { TokenStoreDeps } from "../teamviewer/token-store.js";

export type OrganisationHealthDeps = TokenStoreDeps &
  Pick<AppDeps, "database" | "clock"> & {
    teamViewer: TeamViewerClientFactory;
  };

export interface OrganisationHealth {
  /** True when nothing below needs attention. */
  isHealthy: boolean;
  teamViewerApp: {
    isConfigured: boolean;
    clientId: string | null;
    isSimulator: boolean;
    checks: HealthCheck[];
  };
  scriptToken: { isConfigured: boolean; isValid: boolean; checks: HealthCheck[] };
  connections: {
    connected: number;
    needsReconnect: { userId: string; email: string }[];
  };
  /** The helpdesk connection and its last check; `connection` undefined when none is set up. */
  helpdesk: { connection: HelpdeskConnectionView | undefined; isHealthy: boolean };
  reportSync: {
    /** Seconds since the least recent complete pass of any account; null before any pass. */
    maxLagSeconds: number | null;
    accounts: SyncAccountStatus[];
  };
}

/** An organisation-wide key has no connection of its own: no user's connection is probed. */
const noUser = "00000000-0000-0000-0000-000000000000";

/** @throws SupportSessionError forbidden */
export async function getOrganisationHealth(
  deps: OrganisationHealthDeps,
  options: { actor: SessionActor },
): Promise<OrganisationHealth> {
  const { actor } = options;
  if (actor.role !== "admin" && actor.role !== "auditor") throw new SupportSessionError("forbidden");
  const report: HealthReport = await checkTeamViewerHealth(deps, deps.teamViewer, {
    userId: noUser,
    organisationId: actor.organisationId,
  });
  const users = await listUserConnectionStatuses(deps.database.db, actor.organisationId);
  const active = users.filter((user) => !user.isDisabled && user.connection !== null);
  const needsReconnect = active
    .filter((user) => user.connection?.status === "needs_reconnect")
    .map((user) => ({ userId: user.id, email: user.email }));
  // The sync status is an admin view; auditors read it with the same eyes.
  const sync = await getReportSyncStatus(deps, { actor: { ...actor, role: "admin" } });
  const lags = sync.accounts.flatMap((account) => (account.lagSeconds === null ? [] : [account.lagSeconds]));
  const isConfigured = report.app !== undefined;
  const scriptTokenConfigured = report.scriptToken.some((check) => check.status !== "skipped");
  const isScriptTokenValid =
    scriptTokenConfigured && report.scriptToken.every((check) => check.status === "ok");
  const syncProblem = sync.accounts.some(
    (account) => account.status === "needs_reconnect" || account.consecutiveFailures > 0,
  );
  const appProblem = report.credentials.some((check) => check.status === "problem");
  const helpdesk = await readHelpdeskHealth(deps, actor.organisationId);
  return {
    isHealthy:
      isConfigured &&
      !appProblem &&
      (!scriptTokenConfigured || isScriptTokenValid) &&
      needsReconnect.length === 0 &&
      !syncProblem &&
      helpdesk.isHealthy,
    teamViewerApp: {
      isConfigured,
      clientId: report.app?.clientId ?? null,
      isSimulator: report.app?.isSimulator ?? false,
      checks: report.credentials,
    },
    scriptToken: {
      isConfigured: scriptTokenConfigured,
      isValid: isScriptTokenValid,
      checks: report.scriptToken,
    },
    connections: { connected: active.length - needsReconnect.length, needsReconnect },
    helpdesk,
    reportSync: {
      maxLagSeconds: lags.length === 0 ? null : Math.max(...lags),
      accounts: sync.accounts,
    },
  };
}
