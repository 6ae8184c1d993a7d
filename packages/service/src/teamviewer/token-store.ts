/**
 * Hands out a valid TeamViewer access token per user, refreshing it ahead of expiry.
 *
 * Properties (docs/security.md; issue 4, "Token vault"):
 * - One refresh at a time per grant: in this process through a single flight keyed by the
 *   connection id; across instances through `lockTeamViewerConnection` (SELECT … FOR UPDATE).
 *   Whoever gets the lock second re-reads the row and uses the tokens the first one saved.
 * - The rotated refresh token is written inside the locked transaction from `onRotated`, which
 *   the client awaits before `refresh` returns, and committed before the lock is released: no
 *   one can read, use or lose it before it is stored. Presenting an old refresh token again
 *   would count as theft at TeamViewer (docs/teamviewer-api.md §1) and kill the grant.
 * - `invalid_grant` (and relatives) marks the connection "needs reconnect", is audited, and
 *   throws TeamViewerReconnectRequiredError. Nothing retries: the next call fails fast on the
 *   stored status until the user reconnects.
 * - A 401 leads to at most one forced refresh: the client asks once with `forceRefresh`.
 */
import { InvalidGrantError } from "@attendant/teamviewer";
import { recordAuditEvent } from "../audit/audit-events.js";
import {
  findTeamViewerConnection,
  lockTeamViewerConnection,
  markTeamViewerConnectionNeedsReconnect,
  type TeamViewerConnection,
  updateTeamViewerTokens,
} from "../db/repositories/teamviewer-connections.js";
import { findUserById } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { recordConnectionLost } from "../events/connection-events.js";
import type { AppDeps } from "../http/app-deps.js";
import { buildOAuth } from "./build-clients.js";
import { SingleFlight } from "./single-flight.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";
import {
  TeamViewerNotConfiguredError,
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "./teamviewer-errors.js";

/** Refresh when less than this is left, so a token never expires in the middle of a request. */
export const refreshAheadMs = 5 * 60_000;

export type TokenStoreDeps = Pick<
  AppDeps,
  | "database"
  | "vault"
  | "config"
  | "clock"
  | "logger"
  | "teamViewerFetch"
  | "teamViewerTiming"
  | "demoTeamViewerApp"
>;

export interface TokenStore {
  /**
   * A usable access token of `userId`'s connection. With `forceRefresh` (after a 401) the token is
   * refreshed even if it looks fresh, unless another caller replaced it meanwhile.
   * @throws TeamViewerNotConnectedError, TeamViewerReconnectRequiredError, TeamViewerNotConfiguredError
   */
  getAccessToken(userId: string, options?: { forceRefresh?: boolean }): Promise<string>;
  /**
   * {@link getAccessToken} for a caller that has just read the user's connection itself (with
   * the organisation's app, in one statement: client-factory.ts); undefined when there is none.
   */
  accessTokenFrom(userId: string, connection: TeamViewerConnection | undefined): Promise<string>;
}

type LockedOutcome = { kind: "token"; accessToken: string } | { kind: "grant-dead"; connectionId: string };

export function createTokenStore(deps: TokenStoreDeps): TokenStore {
  const flights = new SingleFlight<string>();
  const isExpiringSoon = (connection: TeamViewerConnection) =>
    connection.expiresAt.getTime() - deps.clock.now().getTime() < refreshAheadMs;

  async function refreshUnderLock(userId: string, seen: TeamViewerConnection): Promise<string> {
    const user = await findUserById(deps.database.db, userId);
    if (user === undefined) throw new TeamViewerNotConnectedError(userId);
    const app = await resolveTeamViewerApp(deps, user.organisationId);
    if (app === undefined) throw new TeamViewerNotConfiguredError(user.organisationId);
    const oauth = buildOAuth(deps, app);

    const outcome = await transaction(deps.database.db, async (tx): Promise<LockedOutcome> => {
      const locked = await lockTeamViewerConnection(tx, deps.vault, userId);
      if (locked === undefined) throw new TeamViewerNotConnectedError(userId);
      if (locked.status === "needs_reconnect") throw new TeamViewerReconnectRequiredError(userId);
      // Another caller (maybe another instance) refreshed while we waited for the lock.
      if (locked.accessToken !== seen.accessToken && !isExpiringSoon(locked)) {
        return { kind: "token", accessToken: locked.accessToken };
      }
      try {
        const tokens = await oauth.refresh({
          refreshToken: locked.refreshToken,
          onRotated: async (next) => {
            const isSaved = await updateTeamViewerTokens(
              tx,
              deps.vault,
              {
                id: locked.id,
                expectedVersion: locked.version,
                accessToken: next.accessToken,
                refreshToken: next.refreshToken ?? locked.refreshToken,
                expiresAt: next.expiresAt,
              },
              deps.clock.now(),
            );
            // Cannot happen while we hold the row lock; if it does, fail loudly rather than
            // hand out a token whose refresh token was not stored.
            if (!isSaved) throw new Error("the TeamViewer connection changed during a locked refresh");
          },
        });
        return { kind: "token", accessToken: tokens.accessToken };
      } catch (error) {
        if (!(error instanceof InvalidGrantError)) throw error;
        // Committed with the transaction, so every instance stops trying this grant at once.
        await markTeamViewerConnectionNeedsReconnect(tx, locked.id, deps.clock.now());
        await recordConnectionLost(tx, {
          organisationId: user.organisationId,
          user,
          reason: "refresh_refused",
          now: deps.clock.now(),
        });
        return { kind: "grant-dead", connectionId: locked.id };
      }
    });

    if (outcome.kind === "token") return outcome.accessToken;
    // After the commit: on PGlite the single connection is busy until the transaction ends.
    await recordAuditEvent(
      { db: deps.database.db, clock: deps.clock },
      {
        organisationId: user.organisationId,
        actor: { label: "system" },
        action: "teamviewer.token_refresh_failed",
        target: { type: "teamviewer_connection", id: outcome.connectionId },
        details: { userId, reason: "invalid_grant", status: "needs_reconnect" },
      },
    );
    deps.logger.warn({ userId }, "TeamViewer refused the refresh token; the user must reconnect");
    throw new TeamViewerReconnectRequiredError(userId);
  }

  async function accessTokenOf(
    userId: string,
    connection: TeamViewerConnection | undefined,
    options: { forceRefresh?: boolean },
  ): Promise<string> {
    if (connection === undefined) throw new TeamViewerNotConnectedError(userId);
    if (connection.status === "needs_reconnect") throw new TeamViewerReconnectRequiredError(userId);
    if (options.forceRefresh !== true && !isExpiringSoon(connection)) return connection.accessToken;
    return flights.run(connection.id, () => refreshUnderLock(userId, connection));
  }

  return {
    async getAccessToken(userId, options = {}) {
      const connection = await findTeamViewerConnection(deps.database.db, deps.vault, userId);
      return accessTokenOf(userId, connection, options);
    },
    accessTokenFrom: (userId, connection) => accessTokenOf(userId, connection, {}),
  };
}
