/**
 * "Connect TeamViewer": the OAuth 2.0 authorization-code flow with `state` and PKCE S256
 * (RFC 6749 §4.1, RFC 7636; docs/teamviewer-api.md §1; docs/security.md).
 *
 * Start: a fresh 256-bit state (oauth4webapi, through the client) stored only as a SHA-256 hash,
 * single use, valid 10 minutes, bound to the browser session; the PKCE verifier stored encrypted.
 * Callback: the state is consumed in one conditional UPDATE (see repositories/oauth-states.ts)
 * before anything else, so it works once even when a callback is replayed or raced.
 */
import { createHash } from "node:crypto";
import {
  AuthenticationError,
  InvalidClientError,
  OAuthError,
  PermissionDeniedError,
  TeamViewerError,
  type TeamViewerOAuth,
  type TokenSet,
} from "@attendant/teamviewer";
import { consumeOAuthState, createOAuthState } from "../db/repositories/oauth-states.js";
import { saveTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import { type ActingUser, auditAs } from "./acting-user.js";
import { buildApiClient, buildOAuth } from "./build-clients.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";
import { TeamViewerNotConfiguredError } from "./teamviewer-errors.js";
import type { TokenStoreDeps } from "./token-store.js";

/** How long the user has to finish on TeamViewer's consent page: as long as a code lives (§1). */
export const stateLifetimeMs = 10 * 60_000;

export function hashState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

/** Stores a pending authorisation and answers the consent page URL to redirect the browser to. */
export async function startTeamViewerConnect(
  deps: TokenStoreDeps,
  actor: ActingUser,
  webSessionId: string,
): Promise<string> {
  const app = await resolveTeamViewerApp(deps, actor.organisationId);
  if (app === undefined) throw new TeamViewerNotConfiguredError(actor.organisationId);
  const { url, state, codeVerifier } = await buildOAuth(deps, app).createAuthorizationUrl();
  const now = deps.clock.now();
  await createOAuthState(deps.database.db, deps.vault, {
    stateHash: hashState(state),
    userId: actor.userId,
    webSessionId,
    pkceVerifier: codeVerifier,
    now,
    expiresAt: new Date(now.getTime() + stateLifetimeMs),
  });
  return url;
}

/** Why a callback did not end in a connection; each has its own message on the connection page. */
export const connectFailures = [
  /** Unknown, used, expired or another browser session's state: start again. */
  "expired",
  /** The user pressed "Deny" on TeamViewer's consent page. */
  "denied",
  /** TeamViewer refused the app's client id or secret. */
  "invalid-client",
  /** TeamViewer refused the code, or sent back an error other than access_denied. */
  "rejected",
  /** The app lacks "account management: view", so the account cannot be read. */
  "account-permission",
  /** TeamViewer could not be reached or answered something unexpected. */
  "unavailable",
] as const;
export type ConnectFailure = (typeof connectFailures)[number];

export type ConnectOutcome = { kind: "connected" } | { kind: "failed"; reason: ConnectFailure };

/** Handles TeamViewer's redirect back to `callbackUrl` for the user signed in on `webSessionId`. */
export async function completeTeamViewerConnect(
  deps: TokenStoreDeps,
  actor: ActingUser,
  webSessionId: string,
  callbackUrl: string,
): Promise<ConnectOutcome> {
  const state = new URL(callbackUrl).searchParams.get("state");
  if (state === null || state === "") return { kind: "failed", reason: "expired" };
  const pending = await consumeOAuthState(deps.database.db, deps.vault, {
    stateHash: hashState(state),
    webSessionId,
    now: deps.clock.now(),
  });
  if (pending === undefined || pending.userId !== actor.userId) return { kind: "failed", reason: "expired" };

  const app = await resolveTeamViewerApp(deps, actor.organisationId);
  if (app === undefined) throw new TeamViewerNotConfiguredError(actor.organisationId);
  const oauth = buildOAuth(deps, app);

  let tokens: TokenSet & { refreshToken: string };
  try {
    // The state matched above (by hash); this reads the code or TeamViewer's error.
    const { code } = oauth.readCallback(callbackUrl, state);
    const exchanged = await oauth.exchangeCode({ code, codeVerifier: pending.pkceVerifier });
    // Without a refresh token the connection would die within a day (docs/teamviewer-api.md §1).
    if (exchanged.refreshToken === null) {
      await revokeQuietly(oauth, exchanged.accessToken);
      return { kind: "failed", reason: "rejected" };
    }
    tokens = { ...exchanged, refreshToken: exchanged.refreshToken };
  } catch (error) {
    return { kind: "failed", reason: describeFailure(deps, error) };
  }

  try {
    const account = await buildApiClient(deps, app, tokens.accessToken).account.retrieve();
    await saveTeamViewerConnection(
      deps.database.db,
      deps.vault,
      {
        userId: actor.userId,
        teamViewerUserId: account.userid ?? "",
        teamViewerName: account.name ?? "",
        teamViewerEmail: account.email ?? "",
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
      },
      deps.clock.now(),
    );
    await auditAs(deps, actor, {
      action: "teamviewer.connected",
      target: { type: "user", id: actor.userId },
      details: { teamViewerUserId: account.userid ?? null, teamViewerEmail: account.email ?? null },
    });
    return { kind: "connected" };
  } catch (error) {
    // The grant is of no use to us now; do not leave it alive at TeamViewer.
    await revokeQuietly(oauth, tokens.accessToken);
    return { kind: "failed", reason: describeFailure(deps, error) };
  }
}

function describeFailure(deps: Pick<TokenStoreDeps, "logger">, error: unknown): ConnectFailure {
  if (error instanceof OAuthError && error.error === "access_denied") return "denied";
  // Our own bugs and database failures are not TeamViewer's answer: let them become a 500.
  if (!(error instanceof TeamViewerError)) throw error;
  // The client's messages never contain a code, token or secret (packages/teamviewer README, "Errors").
  deps.logger.warn({ err: error }, "connecting a TeamViewer account failed");
  if (error instanceof InvalidClientError) return "invalid-client";
  if (error instanceof PermissionDeniedError) return "account-permission";
  if (error instanceof OAuthError || error instanceof AuthenticationError) return "rejected";
  return "unavailable";
}

async function revokeQuietly(oauth: TeamViewerOAuth, accessToken: string): Promise<void> {
  try {
    await oauth.revoke(accessToken);
  } catch {
    // Best effort: the connect already failed for a reason the user is shown.
  }
}
