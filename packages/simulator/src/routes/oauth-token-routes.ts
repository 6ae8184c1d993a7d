import type { Hono } from "hono";
import { readBearerToken } from "../http/principal.js";
import { authenticateClient } from "../oauth/client-credentials.js";
import { type GrantOutcome, redeemAuthorizationCode, redeemRefreshToken } from "../oauth/token-grants.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { apiErrorResponse, jsonResponse } from "../wire/errors.js";

/** RFC 6749 §5.1: token answers must not be cached. */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** `POST /oauth2/token` and `POST /oauth2/revoke` (docs/teamviewer-api.md §1). */
export function registerOAuthTokenRoutes(app: Hono, state: SimulatorState): void {
  app.post("/api/v1/oauth2/token", async (c) => {
    const params = await readTokenParams(c.req.raw);
    if (!params) return oauthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
    const client = authenticateClient(state, c.req.raw, params);
    if ("error" in client) return oauthError(client.error, client.description);
    const grantType = params.get("grant_type");
    let outcome: GrantOutcome;
    if (grantType === "authorization_code") outcome = redeemAuthorizationCode(state, client.app, params);
    else if (grantType === "refresh_token") outcome = redeemRefreshToken(state, client.app, params);
    else
      outcome = {
        error: "unsupported_grant_type",
        description: "grant_type must be authorization_code or refresh_token.",
      };
    if ("error" in outcome) return oauthError(outcome.error, outcome.description);
    // Lower-case `bearer`, as TeamViewer sends it (docs/teamviewer-api.md §1).
    return jsonResponse(
      {
        access_token: outcome.tokens.accessToken,
        token_type: "bearer",
        expires_in: outcome.tokens.expiresIn,
        refresh_token: outcome.tokens.refreshToken,
      },
      200,
      NO_STORE,
    );
  });

  app.post("/api/v1/oauth2/revoke", (c) => {
    const token = readBearerToken(c.req.raw);
    const grant = token === undefined ? undefined : state.oauth.grantOfAccessToken(token);
    if (token !== undefined && grant && !grant.isRevoked) {
      if (state.settings.quirks.isRefreshTokenRevokedWithAccessToken) state.oauth.revokeGrant(grant);
      else state.oauth.revokeAccessToken(grant, token);
      return new Response(null, { status: 204 });
    }
    if (token !== undefined && state.oauth.scriptTokens.delete(token))
      return new Response(null, { status: 204 });
    return apiErrorResponse(401, "invalid_token", "The access token is invalid.");
  });
}

/**
 * The form body; JSON is read too, mapping one public client's numeric `grant_type`
 * (0 = code, 1 = refresh, docs/teamviewer-api.md §1).
 */
async function readTokenParams(request: Request): Promise<URLSearchParams | undefined> {
  const contentType = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (contentType.includes("application/x-www-form-urlencoded")) return new URLSearchParams(text);
  if (!contentType.includes("application/json")) return undefined;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(body))
      if (value !== null && value !== undefined) params.set(key, String(value));
    const numericGrant = ["authorization_code", "refresh_token"][Number(params.get("grant_type"))];
    if (numericGrant) params.set("grant_type", numericGrant);
    return params;
  } catch {
    return undefined;
  }
}

/** RFC 6749 §5.2: 400, or 401 for `invalid_client`. */
function oauthError(error: string, description: string): Response {
  return jsonResponse(
    { error, error_description: description },
    error === "invalid_client" ? 401 : 400,
    NO_STORE,
  );
}
