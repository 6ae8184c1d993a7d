/**
 * The entry point later features use to talk to TeamViewer (sessions, report sync):
 *
 *   const client = await teamViewer.createTeamViewerClientFor(userId);   // the user's own grant
 *   const company = await teamViewer.forOrganisation(organisationId);   // the company script token
 *
 * The user's client asks the token store for a token before each request, and once more with
 * `forceRefresh` after a 401, so callers never handle expiry themselves.
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import { findOrganisationScriptToken } from "../db/repositories/organisation-script-tokens.js";
import { findUserById } from "../db/repositories/users.js";
import { buildApiClient } from "./build-clients.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";
import { TeamViewerNotConfiguredError, TeamViewerNotConnectedError } from "./teamviewer-errors.js";
import type { TokenStore, TokenStoreDeps } from "./token-store.js";

export interface TeamViewerClientFactory {
  /**
   * A client acting as the user, through their OAuth grant.
   * @throws TeamViewerNotConfiguredError; token errors surface from the client's calls.
   */
  createTeamViewerClientFor(userId: string): Promise<TeamViewerClient>;
  /**
   * A client acting as the company, through the organisation's script token; undefined when
   * no script token is stored.
   * @throws TeamViewerNotConfiguredError
   */
  forOrganisation(organisationId: string): Promise<TeamViewerClient | undefined>;
}

export function createTeamViewerClientFactory(
  deps: TokenStoreDeps,
  tokenStore: TokenStore,
): TeamViewerClientFactory {
  const requireApp = async (organisationId: string) => {
    const app = await resolveTeamViewerApp(deps, organisationId);
    if (app === undefined) throw new TeamViewerNotConfiguredError(organisationId);
    return app;
  };
  return {
    async createTeamViewerClientFor(userId) {
      const user = await findUserById(deps.database.db, userId);
      if (user === undefined) throw new TeamViewerNotConnectedError(userId);
      const app = await requireApp(user.organisationId);
      return buildApiClient(deps, app, ({ forceRefresh }) =>
        tokenStore.getAccessToken(userId, { forceRefresh }),
      );
    },
    async forOrganisation(organisationId) {
      const app = await requireApp(organisationId);
      const token = await findOrganisationScriptToken(deps.database.db, deps.vault, organisationId);
      return token === undefined ? undefined : buildApiClient(deps, app, token);
    },
  };
}
