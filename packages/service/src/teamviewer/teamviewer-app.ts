/**
 * The TeamViewer app an organisation talks to: the one its admin registered, or, in demo mode,
 * the simulator's demo app (issue 4, "Demo mode"). The demo app is never written to the
 * database, so saving a real app under Settings is all it takes to leave the simulator.
 */
import { findTeamViewerApp, type TeamViewerApp } from "../db/repositories/teamviewer-apps.js";
import type { AppDeps } from "../http/app-deps.js";
import type { TeamViewerAppSettings } from "./teamviewer-app-settings.js";

export interface ResolvedTeamViewerApp extends TeamViewerAppSettings {
  /** True when this is the built-in simulator's demo app, not a real TeamViewer app. */
  isSimulator: boolean;
}

export type TeamViewerAppDeps = Pick<AppDeps, "database" | "vault" | "config" | "demoTeamViewerApp">;

/**
 * The app to use for `organisationId`, or undefined when there is none. With ATTENDANT_DEMO=true
 * the simulator always wins; in "auto" it stands in only until an admin saves a real app.
 */
export async function resolveTeamViewerApp(
  deps: TeamViewerAppDeps,
  organisationId: string,
): Promise<ResolvedTeamViewerApp | undefined> {
  const stored = isSimulatorForced(deps)
    ? undefined
    : await findTeamViewerApp(deps.database.db, deps.vault, organisationId);
  return chooseTeamViewerApp(deps, stored);
}

/** {@link resolveTeamViewerApp} for a caller that has read the organisation's stored app itself. */
export function chooseTeamViewerApp(
  deps: Pick<TeamViewerAppDeps, "config" | "demoTeamViewerApp">,
  stored: TeamViewerApp | undefined,
): ResolvedTeamViewerApp | undefined {
  const demo = deps.demoTeamViewerApp;
  if (demo !== undefined && isSimulatorForced(deps)) return { ...demo, isSimulator: true };
  if (stored !== undefined) {
    const { clientId, clientSecret, redirectUri, authorizeUrl, apiBaseUrl } = stored;
    return { clientId, clientSecret, redirectUri, authorizeUrl, apiBaseUrl, isSimulator: false };
  }
  return demo === undefined ? undefined : { ...demo, isSimulator: true };
}

function isSimulatorForced(deps: Pick<TeamViewerAppDeps, "config" | "demoTeamViewerApp">): boolean {
  return deps.demoTeamViewerApp !== undefined && deps.config.demoMode === "on";
}
