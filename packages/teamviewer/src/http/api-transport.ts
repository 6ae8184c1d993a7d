import {
  AuthenticationError,
  ConnectionError,
  type TeamViewerError,
  TimeoutError,
  UnexpectedResponseError,
} from "../errors.js";
import type { TeamViewerLogger } from "../logger.js";
import { parseJsonOrUndefined } from "../wire.js";
import { raceWithSignal } from "./abort.js";
import { errorFromResponse } from "./error-from-response.js";
import { parseRetryAfter } from "./retry-after.js";
import { decideRetry, type RetryPolicy } from "./retry-policy.js";
import { type CompletedExchange, type FetchLike, type OutgoingRequest, sendRequest } from "./send-request.js";
import { encodeJsonBody, encodeQuery } from "./wire-encoding.js";

/**
 * Supplies the bearer token per request. Called with `forceRefresh: false` before each request and,
 * after a 401, once more with `forceRefresh: true`: the token store should then refresh even if its
 * copy has not expired yet (the token may have been revoked or rotated elsewhere).
 *
 * @example
 * ```ts
 * const accessToken: AccessTokenProvider = ({ forceRefresh }) => vault.getAccessToken(userId, { forceRefresh });
 * ```
 */
export type AccessTokenProvider = (context: { readonly forceRefresh: boolean }) => Promise<string>;

/**
 * Per-call options accepted as the last argument of every client method.
 *
 * @example
 * ```ts
 * await client.sessions.retrieve(code, { signal: AbortSignal.timeout(5_000), maxRetries: 0 });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call, including retries and backoff waits; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Deadline per attempt, body included; defaults to the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Retries for this call; defaults to the client's `maxRetries`. */
  readonly maxRetries?: number | undefined;
}

/** Everything the transport needs; assembled by `TeamViewerClient` from its options. */
export interface ApiTransportConfig {
  readonly baseUrl: string;
  /** Undefined: Node's own HTTP (node-http-exchange.ts). */
  readonly fetch: FetchLike | undefined;
  readonly accessToken: string | AccessTokenProvider;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly userAgent: string;
  readonly logger: TeamViewerLogger;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

/** One call to the Web API, before authentication and encoding. */
export interface ApiRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Below the base URL, built with `encodePath` when it carries an id. */
  readonly path: string;
  readonly query?: object;
  readonly body?: object;
  /**
   * A 3xx is handed back as an answer without a body (its `Location` header is the caller's to
   * follow) instead of failing: for a create, where a redirect means "made, look here" and a
   * failure would invite a duplicate (docs/teamviewer-api.md §3).
   */
  readonly isRedirectAnAnswer?: boolean;
  /** The answer is bytes (a screenshot): a success answer's `body` is then a `Uint8Array`. */
  readonly expectsBytes?: boolean;
}

/**
 * A success answer; `body` is the parsed JSON, `undefined` for an empty body (204), or the bytes
 * for a request that `expectsBytes`.
 */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

type AttemptResult =
  | { readonly ok: true; readonly response: ApiResponse }
  | { readonly ok: false; readonly error: TeamViewerError; readonly retryAfterMs: number | null };

/**
 * Sends Web API calls: adds the bearer token, applies the deadline, maps failures to the error tree,
 * refreshes the token at most once after a 401, and retries as the retry policy decides. Resource
 * classes use nothing else.
 *
 * @example
 * ```ts
 * const { body } = await transport.request({ method: "GET", path: "/account" }, { signal });
 * ```
 */
export class ApiTransport {
  readonly #config: ApiTransportConfig;

  constructor(config: ApiTransportConfig) {
    this.#config = config;
  }

  /** Sends `request`, retrying and refreshing the token as needed; resolves with the success answer. */
  async request(request: ApiRequest, options: RequestOptions = {}): Promise<ApiResponse> {
    const { retryPolicy, accessToken, logger } = this.#config;
    const policy =
      options.maxRetries === undefined ? retryPolicy : { ...retryPolicy, maxRetries: options.maxRetries };
    const logFields = { method: request.method, path: request.path };
    let retriesDone = 0;
    let hasForcedRefresh = false;
    let forceRefresh = false;
    for (;;) {
      const token = await this.#tokenFor(forceRefresh, options);
      forceRefresh = false;
      const result = await this.#attempt(request, token, options);
      if (result.ok) {
        logger.debug(
          { ...logFields, status: result.response.status, retries: retriesDone },
          "TeamViewer call done",
        );
        return result.response;
      }
      const { error, retryAfterMs } = result;
      // One forced refresh per request: a token store that keeps handing out rejected tokens must not
      // turn into a loop, and a string token cannot be refreshed at all.
      if (error instanceof AuthenticationError && typeof accessToken === "function" && !hasForcedRefresh) {
        hasForcedRefresh = true;
        forceRefresh = true;
        logger.warn(logFields, "TeamViewer rejected the access token; refreshing it once");
        continue;
      }
      const decision = decideRetry(
        policy,
        { method: request.method, error, retryAfterMs, retriesDone },
        this.#config.random,
      );
      if (!decision.retry) throw error;
      logger.warn(
        { ...logFields, error: error.name, retry: retriesDone + 1, delayMs: decision.delayMs },
        "TeamViewer call failed; retrying",
      );
      await this.#config.sleep(decision.delayMs, options.signal);
      retriesDone += 1;
    }
  }

  /**
   * Asks the token provider, but lets the caller's abort win: a provider may wait on a refresh
   * (a row lock, a slow token endpoint) and must not hold a cancelled call hostage.
   */
  async #tokenFor(forceRefresh: boolean, options: RequestOptions): Promise<string> {
    const { accessToken } = this.#config;
    if (typeof accessToken === "string") return accessToken;
    options.signal?.throwIfAborted();
    const pending = accessToken({ forceRefresh });
    return options.signal === undefined ? pending : raceWithSignal(pending, options.signal);
  }

  async #attempt(request: ApiRequest, token: string, options: RequestOptions): Promise<AttemptResult> {
    const label = `${request.method} ${request.path}`;
    let exchange: CompletedExchange;
    try {
      exchange = await sendRequest(this.#urlOf(request), this.#initOf(request, token), {
        fetch: this.#config.fetch,
        timeoutMs: options.timeoutMs ?? this.#config.timeoutMs,
        signal: options.signal,
        label,
      });
    } catch (error) {
      if (error instanceof ConnectionError || error instanceof TimeoutError) {
        return { ok: false, error, retryAfterMs: null };
      }
      throw error;
    }
    if (exchange.status >= 200 && exchange.status < 300) {
      const body = request.expectsBytes ? exchange.bodyBytes : parseSuccessBody(exchange.bodyText, label);
      return { ok: true, response: { status: exchange.status, headers: exchange.headers, body } };
    }
    if (request.isRedirectAnAnswer === true && exchange.status >= 300 && exchange.status < 400) {
      return { ok: true, response: { status: exchange.status, headers: exchange.headers, body: undefined } };
    }
    const retryAfterMs = parseRetryAfter(exchange.headers.get("retry-after"), this.#config.now());
    const error = errorFromResponse({ ...exchange, ...request, retryAfterMs, knownSecrets: [token] });
    return { ok: false, error, retryAfterMs };
  }

  #urlOf(request: ApiRequest): string {
    const query = request.query === undefined ? "" : encodeQuery(request.query);
    return `${this.#config.baseUrl}${request.path}${query === "" ? "" : `?${query}`}`;
  }

  #initOf(request: ApiRequest, token: string): OutgoingRequest {
    const headers = {
      accept: request.expectsBytes ? "*/*" : "application/json",
      authorization: `Bearer ${token}`,
      "user-agent": this.#config.userAgent,
    };
    if (request.expectsBytes) return { method: request.method, headers, expectsBytes: true };
    if (request.body === undefined) return { method: request.method, headers };
    return {
      method: request.method,
      headers: { ...headers, "content-type": "application/json" },
      body: encodeJsonBody(request.body),
    };
  }
}

function parseSuccessBody(text: string, label: string): unknown {
  const body = parseJsonOrUndefined(text);
  if (body === undefined && text.trim() !== "") {
    throw new UnexpectedResponseError(
      `TeamViewer answered ${label} with a success status but a body that is not JSON. ` +
        "Check that baseUrl points at the TeamViewer Web API (…/api/v1).",
    );
  }
  return body;
}
