import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT } from "./defaults.js";
import { TeamViewerError } from "./errors.js";
import { sleepFor } from "./http/abort.js";
import { type AccessTokenProvider, ApiTransport, type RequestOptions } from "./http/api-transport.js";
import { requireSecureUrl } from "./http/base-url.js";
import { DEFAULT_RETRY_POLICY } from "./http/retry-policy.js";
import type { FetchLike } from "./http/send-request.js";
import { silentLogger, type TeamViewerLogger } from "./logger.js";
import { AccountResource } from "./resources/account.js";
import { GroupsResource } from "./resources/groups.js";
import { ReportsResource } from "./resources/reports.js";
import { SessionsResource } from "./resources/sessions.js";
import { UsersResource } from "./resources/users.js";
import { expectObject } from "./wire.js";

/**
 * Options of {@link TeamViewerClient}. Only `accessToken` is required.
 *
 * @example
 * ```ts
 * const options: TeamViewerClientOptions = {
 *   accessToken: ({ forceRefresh }) => vault.getAccessToken(userId, { forceRefresh }),
 *   timeoutMs: 10_000,
 *   logger: pino(),
 * };
 * ```
 */
export interface TeamViewerClientOptions {
  /**
   * A script token or access token, or a function returning one per request. With a function, a 401
   * calls it once more with `forceRefresh: true` and repeats the request once.
   */
  accessToken: string | AccessTokenProvider;
  /** Defaults to `https://webapi.teamviewer.com/api/v1`. */
  baseUrl?: string | undefined;
  /** Defaults to Node's own HTTP; pass an in-process handler in tests (`(request) => app.fetch(request)`). */
  fetch?: FetchLike | undefined;
  /** Deadline per attempt, body included. Defaults to 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Retries of GET/PUT/DELETE after connection errors, timeouts, 408, 429 and 5xx. Defaults to 2. */
  maxRetries?: number | undefined;
  /** A longer `Retry-After` is not waited for; the error is thrown with `retryAfterMs`. Defaults to 60 000 ms. */
  retryAfterCapMs?: number | undefined;
  /** Allows an `http://` base URL, for a local simulator or tests only. */
  allowInsecureRequests?: boolean | undefined;
  /** Defaults to `attendant-teamviewer`. */
  userAgent?: string | undefined;
  /** Receives debug and warning lines (pino-compatible); never given tokens or bodies. */
  logger?: TeamViewerLogger | undefined;
  /** Waits between retries; inject to make tests instant. Defaults to a timer that honours `signal`. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Returns a number in [0, 1) for backoff jitter; inject to make delays deterministic. Defaults to `Math.random`. */
  random?: (() => number) | undefined;
  /** Current time in ms, used to read HTTP-date `Retry-After`. Defaults to `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * What `client.ping()` answers: whether the token is valid. TeamViewer answers 200 with
 * `token_valid: false` for a bad token rather than 401.
 *
 * @example
 * ```ts
 * const { token_valid } = await client.ping();
 * ```
 */
export interface PingResult {
  token_valid: boolean;
  [extra: string]: unknown;
}

/**
 * The TeamViewer Web API client: one property per resource, typed wire names, one error tree,
 * retries with backoff, deadlines and paging built in.
 *
 * @example
 * ```ts
 * import { TeamViewerClient } from "@attendant/teamviewer";
 *
 * const client = new TeamViewerClient({ accessToken: process.env.TEAMVIEWER_TOKEN ?? "" });
 * const session = await client.sessions.create({ groupname: "Helpdesk", custom_api: "ticket:4711" });
 * for await (const report of client.reports.connections.list({ session_code: session.code })) {
 *   console.log(report.start_date, report.end_date);
 * }
 * ```
 */
export class TeamViewerClient {
  /** The token owner's account. */
  readonly account: AccountResource;
  /** Groups: list and create. */
  readonly groups: GroupsResource;
  /** Company users: list. */
  readonly users: UsersResource;
  /** Sessions (service cases with a session code). */
  readonly sessions: SessionsResource;
  /** Reports; `reports.connections` has one record per ended connection. */
  readonly reports: ReportsResource;
  readonly #transport: ApiTransport;

  constructor(options: TeamViewerClientOptions) {
    const { accessToken } = options;
    if (typeof accessToken !== "function" && (typeof accessToken !== "string" || accessToken === "")) {
      throw new TeamViewerError(
        "accessToken is missing: pass a TeamViewer access or script token, or a function that returns one.",
      );
    }
    this.#transport = new ApiTransport({
      baseUrl: requireSecureUrl(options.baseUrl ?? DEFAULT_BASE_URL, {
        allowInsecureRequests: options.allowInsecureRequests === true,
        option: "baseUrl",
      }),
      fetch: options.fetch,
      accessToken,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retryPolicy: {
        ...DEFAULT_RETRY_POLICY,
        maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
        retryAfterCapMs: options.retryAfterCapMs ?? DEFAULT_RETRY_POLICY.retryAfterCapMs,
      },
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      logger: options.logger ?? silentLogger,
      sleep: options.sleep ?? sleepFor,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    });
    this.account = new AccountResource(this.#transport);
    this.groups = new GroupsResource(this.#transport);
    this.users = new UsersResource(this.#transport);
    this.sessions = new SessionsResource(this.#transport);
    this.reports = new ReportsResource(this.#transport);
  }

  /**
   * Checks the token: resolves with `token_valid: false` (not an error) for a token TeamViewer does not accept.
   *
   * @example
   * ```ts
   * if (!(await client.ping()).token_valid) console.warn("Reconnect TeamViewer");
   * ```
   */
  ping(options?: RequestOptions): Promise<PingResult> {
    return this.#transport.request({ method: "GET", path: "/ping" }, options).then((response) => {
      const body = expectObject(response.body, "a ping answer", "GET /ping");
      return { ...body, token_valid: body.token_valid === true };
    });
  }
}
