/**
 * The entry point later features use to talk to TeamViewer (sessions, report sync):
 *
 *   const client = await teamViewer.createTeamViewerClientFor({ userId, organisationId }); // the user's grant
 *   const company = await teamViewer.forOrganisation(organisationId);   // the company script token
 *
 * The user's client asks the token store for a token before each request, and once more with
 * `forceRefresh` after a 401, so callers never handle expiry themselves.
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import { findOrganisationScriptToken } from "../db/repositories/organisation-script-tokens.js";
import {
  findTeamViewerCredentials,
  openTeamViewerCredentials,
  type SealedTeamViewerCredentials,
} from "../db/repositories/teamviewer-credentials.js";
import { buildApiClient } from "./build-clients.js";
import { chooseTeamViewerApp, resolveTeamViewerApp } from "./teamviewer-app.js";
import { TeamViewerNotConfiguredError } from "./teamviewer-errors.js";
import type { TokenStore, TokenStoreDeps } from "./token-store.js";

export interface TeamViewerClientFactory {
  /**
   * A client acting as the user, through their OAuth grant. Callers name the user's organisation
   * (they always hold a record that says it), which saves looking the user up on every call.
   * `alreadyRead`: this user's app and connection as this request has just read them (with its
   * API key), so the client needs no read of its own.
   * @throws TeamViewerNotConfiguredError; token errors surface from the client's calls.
   */
  createTeamViewerClientFor(
    user: TeamViewerAccountHolder,
    options?: { alreadyRead?: SealedTeamViewerCredentials | undefined },
  ): Promise<TeamViewerClient>;
  /**
   * A client acting as the company, through the organisation's script token; undefined when
   * no script token is stored.
   * @throws TeamViewerNotConfiguredError
   */
  forOrganisation(organisationId: string): Promise<TeamViewerClient | undefined>;
}

/** A user of an organisation, whose own TeamViewer grant a client uses. */
export interface TeamViewerAccountHolder {
  userId: string;
  organisationId: string;
}

export function createTeamViewerClientFactory(
  deps: TokenStoreDeps,
  tokenStore: TokenStore,
): TeamViewerClientFactory {
  return {
    async createTeamViewerClientFor({ userId, organisationId }, options = {}) {
      // The app and the user's connection in one statement (or none, when the request has read
      // them already), so the client's first call waits for no read of its own. A token problem
      // (not connected, needs reconnect, a failed refresh) surfaces at that first call, as it
      // would without the head start.
      const { alreadyRead } = options;
      if (alreadyRead !== undefined && !isOfHolder(alreadyRead, { userId, organisationId })) {
        throw new Error(`credentials read for someone else were passed for user ${userId}`);
      }
      const { app: stored, connection } =
        alreadyRead === undefined
          ? await findTeamViewerCredentials(deps.database.db, deps.vault, { organisationId, userId })
          : openTeamViewerCredentials(deps.vault, alreadyRead);
      const app = chooseTeamViewerApp(deps, stored);
      if (app === undefined) throw new TeamViewerNotConfiguredError(organisationId);
      let firstToken: Promise<string> | undefined = tokenStore.accessTokenFrom(userId, connection);
      firstToken.catch(() => undefined);
      return buildApiClient(deps, app, ({ forceRefresh }) => {
        const token =
          firstToken !== undefined && !forceRefresh
            ? firstToken
            : tokenStore.getAccessToken(userId, { forceRefresh });
        firstToken = undefined;
        return token;
      });
    },
    async forOrganisation(organisationId) {
      const app = await resolveTeamViewerApp(deps, organisationId);
      if (app === undefined) throw new TeamViewerNotConfiguredError(organisationId);
      const token = await findOrganisationScriptToken(deps.database.db, deps.vault, organisationId);
      return token === undefined ? undefined : buildApiClient(deps, app, token);
    },
  };
}

function isOfHolder(sealed: SealedTeamViewerCredentials, holder: TeamViewerAccountHolder): boolean {
  return (
    (sealed.app === null || sealed.app.organisationId === holder.organisationId) &&
    (sealed.connection === null || sealed.connection.userId === holder.userId)
  );
}
