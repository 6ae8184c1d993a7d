import { calculatePKCECodeChallenge, generateRandomCodeVerifier, generateRandomState } from "oauth4webapi";
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "../defaults.js";
import { OAuthError } from "../errors.js";
import type { RequestOptions } from "../http/api-transport.js";
import { requireSecureUrl } from "../http/base-url.js";
import { errorFromResponse } from "../http/error-from-response.js";
import { parseRetryAfter } from "../http/retry-after.js";
import {
  type CompletedExchange,
  type FetchLike,
  type OutgoingRequest,
  sendRequest,
} from "../http/send-request.js";
import { silentLogger, type TeamViewerLogger } from "../logger.js";
import { parseJsonOrUndefined } from "../wire.js";
import { oauthErrorFromResponse } from "./token-endpoint-error.js";
import { readTokenSet, type TokenSet } from "./token-set.js";

/**
 * TeamViewer's consent page (docs/teamviewer-api.md §1); newer code uses `https://account.teamviewer.com/oauth2/authorize`.
 *
 * @example
 * ```ts
 * new TeamViewerOAuth({ clientId, clientSecret, redirectUri, authorizeUrl: DEFAULT_AUTHORIZE_URL });
 * ```
 */
export const DEFAULT_AUTHORIZE_URL = "https://login.teamviewer.com/oauth2/authorize";

/**
 * Options of {@link TeamViewerOAuth}: the app registered in the TeamViewer Management Console.
 *
 * @example
 * ```ts
 * const options: TeamViewerOAuthOptions = {
 *   clientId: process.env.TEAMVIEWER_CLIENT_ID ?? "",
 *   clientSecret: process.env.TEAMVIEWER_CLIENT_SECRET ?? "",
 *   redirectUri: "https://support.example.com/teamviewer/callback",
 * };
 * ```
 */
export interface TeamViewerOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Must equal the app's one registered redirect URI exactly. */
  redirectUri: string;
  /** Defaults to `https://login.teamviewer.com/oauth2/authorize`. */
  authorizeUrl?: string | undefined;
  /** The Web API base; the token and revoke endpoints live below it. Defaults to `https://webapi.teamviewer.com/api/v1`. */
  baseUrl?: string | undefined;
  /** Defaults to Node's own HTTP; pass an in-process handler in tests. */
  fetch?: FetchLike | undefined;
  /** Deadline per call, body included. Defaults to 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Allows `http://` URLs, for a local simulator or tests only. */
  allowInsecureRequests?: boolean | undefined;
  userAgent?: string | undefined;
  /** Receives debug lines; never given codes, tokens or secrets. */
  logger?: TeamViewerLogger | undefined;
  /** Current time in ms, for `expiresAt`. Defaults to `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * What to do with a fresh authorization request: send the browser to `url`, and keep `state` and
 * `codeVerifier` server-side, bound to this browser session, until the callback arrives.
 *
 * @example
 * ```ts
 * const { url, state, codeVerifier }: AuthorizationRequest = await oauth.createAuthorizationUrl();
 * ```
 */
export interface AuthorizationRequest {
  readonly url: string;
  /** 256 random bits; compare with the callback's `state` through {@link TeamViewerOAuth.readCallback}. */
  readonly state: string;
  /** The PKCE secret; pass it to {@link TeamViewerOAuth.exchangeCode}. Never send it to the browser. */
  readonly codeVerifier: string;
}

/**
 * Per-call options of the OAuth calls: a signal and a deadline (OAuth calls are never retried).
 *
 * @example
 * ```ts
 * await oauth.revoke(token, { signal: AbortSignal.timeout(5_000) });
 * ```
 */
export type OAuthRequestOptions = Omit<RequestOptions, "maxRetries">;

/**
 * Called with the new tokens after a refresh, and awaited before `refresh` returns: TeamViewer rotates
 * the refresh token, so the new one must be stored before anything else can use or lose it.
 *
 * @example
 * ```ts
 * const onRotated: OnTokensRotated = (tokens) => vault.saveTokens(userId, tokens);
 * ```
 */
export type OnTokensRotated = (tokens: TokenSet) => Promise<void> | void;

/**
 * The OAuth 2.0 authorization-code flow against TeamViewer: authorize URL (with `state` and PKCE S256),
 * callback check, code exchange, refresh and revoke.
 *
 * State and PKCE values come from `oauth4webapi`. The token calls are small form POSTs written here
 * rather than oauth4webapi's grant helpers, because TeamViewer departs from what those helpers enforce:
 * its error bodies may be plain text (they would surface as generic processing errors, not as
 * `invalid_grant`), its revoke endpoint takes the token as a Bearer header with no body (RFC 7009 puts
 * it in the body), and every call must share the client's deadline, abort and redaction rules.
 *
 * @example
 * ```ts
 * const oauth = new TeamViewerOAuth({ clientId, clientSecret, redirectUri });
 * const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();
 * // …redirect the browser to url; on the callback:
 * const { code } = oauth.readCallback(callbackUrl, state);
 * const tokens = await oauth.exchangeCode({ code, codeVerifier });
 * ```
 */
export class TeamViewerOAuth {
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #redirectUri: string;
  readonly #authorizeUrl: string;
  readonly #baseUrl: string;
  readonly #fetch: FetchLike | undefined;
  readonly #timeoutMs: number;
  readonly #userAgent: string;
  readonly #logger: TeamViewerLogger;
  readonly #now: () => number;

  constructor(options: TeamViewerOAuthOptions) {
    const allowInsecureRequests = options.allowInsecureRequests === true;
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#redirectUri = options.redirectUri;
    this.#authorizeUrl = requireSecureUrl(options.authorizeUrl ?? DEFAULT_AUTHORIZE_URL, {
      allowInsecureRequests,
      option: "authorizeUrl",
    });
    this.#baseUrl = requireSecureUrl(options.baseUrl ?? DEFAULT_BASE_URL, {
      allowInsecureRequests,
      option: "baseUrl",
    });
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#logger = options.logger ?? silentLogger;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Builds the URL of TeamViewer's consent page, with a fresh `state` and PKCE S256 challenge each time.
   *
   * @example
   * ```ts
   * const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();
   * await loginAttempts.save({ browserSession, state, codeVerifier, expiresAt: Date.now() + 600_000 });
   * return Response.redirect(url, 302);
   * ```
   */
  async createAuthorizationUrl(
    options: { display?: "popup" | undefined } = {},
  ): Promise<AuthorizationRequest> {
    const state = generateRandomState();
    const codeVerifier = generateRandomCodeVerifier();
    const url = new URL(this.#authorizeUrl);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", this.#clientId);
    url.searchParams.set("redirect_uri", this.#redirectUri);
    url.searchParams.set("state", state);
    url.searchParams.set("code_challenge", await calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set("code_challenge_method", "S256");
    if (options.display !== undefined) url.searchParams.set("display", options.display);
    return { url: url.toString(), state, codeVerifier };
  }

  /**
   * Checks the callback TeamViewer sent the browser to and returns the authorization code. Throws an
   * {@link OAuthError} when `state` does not match (`state_mismatch`: a forged or stale callback), when
   * the user declined (`access_denied`), or when there is no code. There is no way to skip the state check.
   *
   * @example
   * ```ts
   * const { code } = oauth.readCallback(request.url, attempt.state);
   * ```
   */
  readCallback(callbackUrl: string | URL, expectedState: string): { code: string } {
    const params = new URL(callbackUrl, "https://callback.invalid/").searchParams;
    const state = params.get("state");
    if (expectedState === "" || state === null || !isSameText(state, expectedState)) {
      throw callbackError(
        "state_mismatch",
        "The TeamViewer sign-in answer does not belong to this browser session (state mismatch). Start connecting again.",
      );
    }
    const error = params.get("error");
    if (error === "access_denied") {
      throw callbackError(
        error,
        "The user declined to connect their TeamViewer account. They can try again at any time.",
      );
    }
    if (error !== null) {
      throw callbackError(
        error,
        `TeamViewer did not authorize the connection (${error}). Start connecting again.`,
      );
    }
    const code = params.get("code");
    if (code === null || code === "") {
      throw callbackError(
        "missing_code",
        "The TeamViewer sign-in answer has no authorization code. Start connecting again.",
      );
    }
    return { code };
  }

  /**
   * Exchanges an authorization code (single use, short-lived) for tokens. Never retried: a code can
   * only be spent once.
   *
   * @throws InvalidGrantError when the code is used, expired or does not match the verifier.
   * @throws InvalidClientError when the app's credentials are wrong.
   *
   * @example
   * ```ts
   * const tokens = await oauth.exchangeCode({ code, codeVerifier: attempt.codeVerifier });
   * ```
   */
  exchangeCode(
    params: { code: string; codeVerifier: string },
    options?: OAuthRequestOptions,
  ): Promise<TokenSet> {
    const form = { grant_type: "authorization_code", code: params.code, code_verifier: params.codeVerifier };
    return this.#requestTokens(form, [params.code, params.codeVerifier], null, options);
  }

  /**
   * Trades a refresh token for new tokens, then awaits `onRotated(tokens)` before returning, so the
   * rotated refresh token is stored before anything uses it. Never retried: repeating a refresh whose
   * answer got lost would present an already-rotated token, which TeamViewer may treat as theft.
   *
   * @throws InvalidGrantError when the grant is dead: the user must connect again.
   *
   * @example
   * ```ts
   * const tokens = await oauth.refresh({
   *   refreshToken: stored.refreshToken,
   *   onRotated: (next) => vault.save(userId, next),
   * });
   * ```
   */
  async refresh(
    params: { refreshToken: string; onRotated: OnTokensRotated },
    options?: OAuthRequestOptions,
  ): Promise<TokenSet> {
    const form = { grant_type: "refresh_token", refresh_token: params.refreshToken };
    const tokens = await this.#requestTokens(form, [params.refreshToken], params.refreshToken, options);
    await params.onRotated(tokens);
    return tokens;
  }

  /**
   * Revokes an access token (TeamViewer also ends its refresh token): `POST /oauth2/revoke` with the
   * token as Bearer and no body. Any 2xx is success; a 401 means the token was already dead
   * (`AuthenticationError`), which a disconnect may ignore.
   *
   * @example
   * ```ts
   * await oauth.revoke(stored.accessToken).catch((error) => { if (!(error instanceof AuthenticationError)) throw error; });
   * ```
   */
  async revoke(token: string, options?: OAuthRequestOptions): Promise<void> {
    const headers = { authorization: `Bearer ${token}`, "user-agent": this.#userAgent };
    const exchange = await this.#post("/oauth2/revoke", { method: "POST", headers }, options);
    if (!isSuccess(exchange)) throw this.#apiError(exchange, "/oauth2/revoke", [token]);
  }

  async #requestTokens(
    grant: Record<string, string>,
    secrets: readonly string[],
    previousRefreshToken: string | null,
    options: OAuthRequestOptions | undefined,
  ): Promise<TokenSet> {
    // client_secret_post (RFC 6749 §2.3.1): TeamViewer's documented token call sends the app's
    // credentials in the form body.
    const form = new URLSearchParams({
      ...grant,
      ...(grant.grant_type === "authorization_code" ? { redirect_uri: this.#redirectUri } : {}),
      client_id: this.#clientId,
      client_secret: this.#clientSecret,
    });
    const headers = {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": this.#userAgent,
    };
    const init = { method: "POST", headers, body: form.toString() };
    const exchange = await this.#post("/oauth2/token", init, options);
    const knownSecrets = [...secrets, this.#clientSecret];
    if (exchange.status === 400 || exchange.status === 401) {
      throw oauthErrorFromResponse(exchange.status, exchange.bodyText, knownSecrets);
    }
    if (!isSuccess(exchange)) throw this.#apiError(exchange, "/oauth2/token", knownSecrets);
    return readTokenSet(parseJsonOrUndefined(exchange.bodyText), this.#now(), previousRefreshToken);
  }

  async #post(
    path: string,
    init: OutgoingRequest,
    options: OAuthRequestOptions = {},
  ): Promise<CompletedExchange> {
    const exchange = await sendRequest(`${this.#baseUrl}${path}`, init, {
      fetch: this.#fetch,
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      signal: options.signal,
      label: `POST ${path}`,
    });
    this.#logger.debug({ method: "POST", path, status: exchange.status }, "TeamViewer OAuth call done");
    return exchange;
  }

  #apiError(exchange: CompletedExchange, path: string, knownSecrets: readonly string[]) {
    const retryAfterMs = parseRetryAfter(exchange.headers.get("retry-after"), this.#now());
    return errorFromResponse({ ...exchange, method: "POST", path, retryAfterMs, knownSecrets });
  }
}

function isSuccess(exchange: CompletedExchange): boolean {
  return exchange.status >= 200 && exchange.status < 300;
}

function callbackError(error: string, message: string): OAuthError {
  return new OAuthError(message, { error, errorDescription: null, status: null, rawBody: null });
}

/** Compares without stopping at the first difference, so timing does not reveal how much of a state matched. */
function isSameText(actual: string, expected: string): boolean {
  let difference = actual.length ^ expected.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= actual.charCodeAt(index % Math.max(actual.length, 1)) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}
