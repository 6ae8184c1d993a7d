import type { AutoApprove } from "../options.js";
import type { OAuthApp } from "../state/oauth-registry.js";
import type { SimulatorState } from "../state/simulator-state.js";
import type { Account } from "../state/world.js";

/**
 * Validation of `GET /oauth2/authorize` (docs/teamviewer-api.md §1, RFC 6749 §4.1.2.1): a bad client or
 * redirect URI is shown to the user and never redirected to; every later problem goes back to
 * the client as `?error=…&state=…`.
 */

export interface AuthorizeRequest {
  app: OAuthApp;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
}

export type AuthorizeCheck =
  | { kind: "show-error"; message: string }
  | { kind: "redirect"; location: string }
  | { kind: "ask"; request: AuthorizeRequest };

export function checkAuthorizeRequest(state: SimulatorState, params: URLSearchParams): AuthorizeCheck {
  const app = state.oauth.apps.get(params.get("client_id") ?? "");
  if (!app) return { kind: "show-error", message: "Unknown client_id: no app is registered with that id." };
  const redirectUri = matchRedirectUri(app, params.get("redirect_uri"), state.settings.isStrict);
  if (!redirectUri) {
    return {
      kind: "show-error",
      message: "The redirect_uri does not match the one registered for this app.",
    };
  }
  const request: AuthorizeRequest = {
    app,
    redirectUri,
    state: params.get("state") ?? undefined,
    codeChallenge: params.get("code_challenge") ?? undefined,
    codeChallengeMethod: params.get("code_challenge_method") ?? undefined,
  };
  if (params.get("response_type") !== "code") {
    return { kind: "redirect", location: errorRedirect(request, "unsupported_response_type") };
  }
  const pkceProblem = findPkceProblem(request, state.settings.isStrict);
  if (pkceProblem)
    return { kind: "redirect", location: errorRedirect(request, "invalid_request", pkceProblem) };
  return { kind: "ask", request };
}

/** Issues a code for the account and answers where the browser goes next. */
export function approve(state: SimulatorState, request: AuthorizeRequest, account: Account): string {
  const code = state.oauth.issueCode({
    clientId: request.app.clientId,
    userid: account.userid,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod:
      request.codeChallenge === undefined ? undefined : (request.codeChallengeMethod ?? "plain"),
    issuedAt: state.clock.now(),
  });
  return withParams(request.redirectUri, { code: code.code, state: request.state });
}

/** Denial answers RFC 6749's `access_denied` (docs/teamviewer-api.md §1 [guess]). */
export function deny(request: AuthorizeRequest): string {
  return errorRedirect(request, "access_denied", "The user denied access.");
}

export function findAutoApproveAccount(state: SimulatorState, autoApprove: AutoApprove): Account | undefined {
  if (autoApprove === false) return undefined;
  if (autoApprove === true) return state.world.accounts.values().next().value;
  if ("email" in autoApprove) return state.world.findAccountByEmail(autoApprove.email);
  return state.world.accounts.get(autoApprove.userid);
}

/** Strict: exactly the registered URI. Otherwise also a missing one, or one differing only in its query. */
function matchRedirectUri(app: OAuthApp, given: string | null, isStrict: boolean): string | undefined {
  if (given === app.redirectUri) return given;
  if (isStrict) return undefined;
  if (given === null) return app.redirectUri;
  const givenUrl = URL.canParse(given) ? new URL(given) : undefined;
  const registeredUrl = new URL(app.redirectUri);
  const isSameTarget =
    givenUrl !== undefined &&
    givenUrl.origin === registeredUrl.origin &&
    givenUrl.pathname === registeredUrl.pathname;
  return isSameTarget ? given : undefined;
}

/** Strict mode requires PKCE with S256; otherwise S256 and plain are both accepted, and none. */
function findPkceProblem(request: AuthorizeRequest, isStrict: boolean): string | undefined {
  const method = request.codeChallengeMethod;
  if (request.codeChallenge === undefined) {
    return isStrict ? "code_challenge is required (PKCE, S256)." : undefined;
  }
  if (isStrict && method !== "S256") return "code_challenge_method must be S256.";
  if (method !== undefined && method !== "S256" && method !== "plain")
    return "Unsupported code_challenge_method.";
  return undefined;
}

function errorRedirect(request: AuthorizeRequest, error: string, description?: string): string {
  return withParams(request.redirectUri, { error, error_description: description, state: request.state });
}

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
