import { createHash } from "node:crypto";
import { AUTHORIZATION_CODE_TTL_MS, type IssuedTokens, type OAuthApp } from "../state/oauth-registry.js";
import type { SimulatorState } from "../state/simulator-state.js";

/** The two grants of `POST /oauth2/token` (docs/teamviewer-api.md §1). */

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unsupported_grant_type";

export type GrantOutcome = { tokens: IssuedTokens } | { error: OAuthErrorCode; description: string };

const invalidGrant = (description: string): GrantOutcome => ({ error: "invalid_grant", description });

export function redeemAuthorizationCode(
  state: SimulatorState,
  app: OAuthApp,
  params: URLSearchParams,
): GrantOutcome {
  const code = params.get("code");
  if (!code) return { error: "invalid_request", description: "code is required." };
  const record = state.oauth.codes.get(code);
  if (!record || record.clientId !== app.clientId) return invalidGrant("The authorization code is invalid.");
  const now = state.clock.now();
  const isStrict = state.settings.isStrict;
  const redirectUri = params.get("redirect_uri");
  if (isStrict) {
    if (record.redeemedGrantIds.length > 0) {
      // RFC 6749 §4.1.2: a code used twice should revoke what it issued.
      for (const grantId of record.redeemedGrantIds) {
        const grant = state.oauth.grants.get(grantId);
        if (grant) state.oauth.revokeGrant(grant);
      }
      return invalidGrant("The authorization code was already used.");
    }
    if (now - record.issuedAt > AUTHORIZATION_CODE_TTL_MS)
      return invalidGrant("The authorization code has expired.");
    if (redirectUri !== record.redirectUri)
      return invalidGrant("redirect_uri does not match the authorize request.");
  } else if (redirectUri !== null && redirectUri !== record.redirectUri) {
    return invalidGrant("redirect_uri does not match the authorize request.");
  }
  const verifier = params.get("code_verifier");
  if (record.codeChallenge !== undefined && (verifier !== null || isStrict)) {
    if (verifier === null) return invalidGrant("code_verifier is required.");
    if (!isVerifierCorrect(verifier, record.codeChallenge, record.codeChallengeMethod)) {
      return invalidGrant("code_verifier does not match the code challenge.");
    }
  }
  const { grant, tokens } = state.oauth.createGrant(app.clientId, record.userid, now);
  record.redeemedGrantIds.push(grant.id);
  return { tokens };
}

/** Rotation: each refresh returns a new refresh token; the old one is retired (docs/teamviewer-api.md §1). */
export function redeemRefreshToken(
  state: SimulatorState,
  app: OAuthApp,
  params: URLSearchParams,
): GrantOutcome {
  const refreshToken = params.get("refresh_token");
  if (!refreshToken) return { error: "invalid_request", description: "refresh_token is required." };
  const lookup = state.oauth.lookupRefreshToken(refreshToken);
  if (lookup.kind === "unknown" || lookup.grant.clientId !== app.clientId) {
    return invalidGrant("The refresh token is invalid.");
  }
  if (lookup.kind === "retired") {
    // Strict mode treats reuse of a rotated refresh token as theft (docs/teamviewer-api.md §1 [guess]).
    if (state.settings.isStrict) state.oauth.revokeGrant(lookup.grant);
    return invalidGrant("The refresh token was already used.");
  }
  return { tokens: state.oauth.rotate(lookup.grant, state.clock.now()) };
}

/** PKCE (RFC 7636 §4.6): S256 hashes the verifier; `plain` compares it as-is. */
function isVerifierCorrect(verifier: string, challenge: string, method: string | undefined): boolean {
  if (method === "S256") return createHash("sha256").update(verifier).digest("base64url") === challenge;
  return verifier === challenge;
}
