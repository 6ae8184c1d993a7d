/**
 * The one error tree of this package. Every failure the client raises is a {@link TeamViewerError};
 * HTTP answers from TeamViewer are {@link TeamViewerAPIError}s keyed by status, so callers branch with
 * `instanceof` instead of comparing numbers. Messages say what happened and what to do, and never
 * contain a token, secret, authorization code or service-queue token (see `redact.ts`).
 *
 * @packageDocumentation
 */

/**
 * Base class of every error raised by this package.
 *
 * @example
 * ```ts
 * try {
 *   await client.sessions.retrieve("s119-457-589");
 * } catch (error) {
 *   if (error instanceof TeamViewerError) console.error(error.message);
 * }
 * ```
 */
export class TeamViewerError extends Error {
  override name = "TeamViewerError";
}

/**
 * What TeamViewer told us about a failed call; the fields of {@link TeamViewerAPIError}.
 *
 * @example
 * ```ts
 * if (error instanceof TeamViewerAPIError) log.warn({ status: error.status, category: error.error }, error.message);
 * ```
 */
export interface TeamViewerAPIErrorDetails {
  /** HTTP status of the answer. */
  status: number;
  /** TeamViewer's error category (`invalid_request`, `not_found`, …), when the body had one. */
  error: string | null;
  /** TeamViewer's `error_description`, credentials masked. */
  errorDescription: string | null;
  /** TeamViewer's numeric `error_code`. */
  errorCode: number | null;
  /** TeamViewer's `error_signature`, useful when talking to TeamViewer support. */
  errorSignature: string | null;
  /** The body as received (JSON or plain text), credentials masked. */
  rawBody: string;
  /** A request id header of the answer, when one was sent. */
  requestId: string | null;
  /** HTTP method of the failed request. */
  method: string;
  /** Path of the failed request below the base URL, without the query. */
  path: string;
}

/**
 * TeamViewer answered with a status that is not a success. Subclasses name the common statuses;
 * an unusual status (409, 3xx, …) arrives as this class itself.
 *
 * @example
 * ```ts
 * try {
 *   await client.account.retrieve();
 * } catch (error) {
 *   if (error instanceof TeamViewerAPIError) console.error(error.status, error.error, error.errorDescription);
 * }
 * ```
 */
export class TeamViewerAPIError extends TeamViewerError implements TeamViewerAPIErrorDetails {
  override name = "TeamViewerAPIError";
  readonly status: number;
  readonly error: string | null;
  readonly errorDescription: string | null;
  readonly errorCode: number | null;
  readonly errorSignature: string | null;
  readonly rawBody: string;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;

  constructor(message: string, details: TeamViewerAPIErrorDetails) {
    super(message);
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.errorCode = details.errorCode;
    this.errorSignature = details.errorSignature;
    this.rawBody = details.rawBody;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }
}

/**
 * 400: a parameter is missing or malformed (`invalid_request`).
 *
 * @example
 * ```ts
 * if (error instanceof BadRequestError) showFieldError(error.errorDescription);
 * ```
 */
export class BadRequestError extends TeamViewerAPIError {
  override name = "BadRequestError";
}

/**
 * 400 whose body mentions licence limitations: the TeamViewer licence allows no more concurrent
 * sessions (or lacks a feature). Retrying does not help; closing sessions or upgrading does.
 *
 * @example
 * ```ts
 * if (error instanceof LicenseLimitError) notifyAdmin("TeamViewer licence limit reached");
 * ```
 */
export class LicenseLimitError extends BadRequestError {
  override name = "LicenseLimitError";
}

/**
 * 401: the access token is missing, invalid or expired (`invalid_token`, `token_expired`), even
 * after the one forced refresh the client performs when `accessToken` is a function.
 *
 * @example
 * ```ts
 * if (error instanceof AuthenticationError) markConnectionAsNeedingReconnect();
 * ```
 */
export class AuthenticationError extends TeamViewerAPIError {
  override name = "AuthenticationError";
}

/**
 * 403: the app or script token lacks the permission for this call (`invalid_permission`).
 *
 * @example
 * ```ts
 * if (error instanceof PermissionDeniedError) console.error("Tick the missing permission on the TeamViewer app");
 * ```
 */
export class PermissionDeniedError extends TeamViewerAPIError {
  override name = "PermissionDeniedError";
}

/**
 * 404: no object with this id or code (`not_found`).
 *
 * @example
 * ```ts
 * const session = await client.sessions.retrieve(code).catch((error) => {
 *   if (error instanceof NotFoundError) return null;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends TeamViewerAPIError {
  override name = "NotFoundError";
}

/**
 * 429, or 403 with `rate_limit_reached`: too many calls. `retryAfterMs` is TeamViewer's
 * `Retry-After` in milliseconds when it sent one.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError) scheduleAgainIn(error.retryAfterMs ?? 60_000);
 * ```
 */
export class RateLimitError extends TeamViewerAPIError {
  override name = "RateLimitError";
  readonly retryAfterMs: number | null;

  constructor(message: string, details: TeamViewerAPIErrorDetails, retryAfterMs: number | null) {
    super(message, details);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * 5xx: TeamViewer failed on its side (`internal_error`, gateway errors).
 *
 * @example
 * ```ts
 * if (error instanceof InternalServerError) console.warn("TeamViewer is having trouble; try later");
 * ```
 */
export class InternalServerError extends TeamViewerAPIError {
  override name = "InternalServerError";
}

/**
 * TeamViewer could not be reached, or the connection broke before a whole answer arrived.
 *
 * @example
 * ```ts
 * if (error instanceof ConnectionError) console.warn(error.message, error.cause);
 * ```
 */
export class ConnectionError extends TeamViewerError {
  override name = "ConnectionError";
}

/**
 * The request, including reading its whole body, took longer than `timeoutMs`.
 *
 * @example
 * ```ts
 * if (error instanceof TimeoutError) console.warn("TeamViewer is slow; try again later");
 * ```
 */
export class TimeoutError extends TeamViewerError {
  override name = "TimeoutError";
}

/**
 * A success answer whose body cannot be what this endpoint returns (not JSON, a list without its
 * array, an empty session create without `Location`, a cursor that repeats).
 *
 * @example
 * ```ts
 * if (error instanceof UnexpectedResponseError) reportToMaintainers(error.message);
 * ```
 */
export class UnexpectedResponseError extends TeamViewerError {
  override name = "UnexpectedResponseError";
}

/**
 * What the OAuth server (or the authorization callback) said; the fields of {@link OAuthError}.
 *
 * @example
 * ```ts
 * if (error instanceof OAuthError) log.warn({ category: error.error, status: error.status }, error.message);
 * ```
 */
export interface OAuthErrorDetails {
  /** The OAuth error code (`invalid_grant`, `access_denied`, …), when one was given. */
  error: string | null;
  /** The `error_description`, credentials masked. */
  errorDescription: string | null;
  /** HTTP status of the token endpoint's answer; `null` for errors read from the callback URL. */
  status: number | null;
  /** The body as received (JSON or plain text), credentials masked; `null` for callback errors. */
  rawBody: string | null;
}

/**
 * An OAuth step failed: the authorization callback (denied, state mismatch) or the token endpoint.
 * The subclasses say what to do: {@link InvalidGrantError} (the user must connect again) and
 * {@link InvalidClientError} (the app is misconfigured).
 *
 * @example
 * ```ts
 * try {
 *   const { code } = oauth.readCallback(request.url, storedState);
 * } catch (error) {
 *   if (error instanceof OAuthError && error.error === "access_denied") showMessage("You declined the connection.");
 * }
 * ```
 */
export class OAuthError extends TeamViewerError implements OAuthErrorDetails {
  override name = "OAuthError";
  readonly error: string | null;
  readonly errorDescription: string | null;
  readonly status: number | null;
  readonly rawBody: string | null;

  constructor(message: string, details: OAuthErrorDetails) {
    super(message);
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.status = details.status;
    this.rawBody = details.rawBody;
  }
}

/**
 * The grant is dead (`invalid_grant`, `invalid_request`, `invalid_token`, `token_expired`,
 * `wrong_credentials` from the token endpoint): the user must connect their TeamViewer account again.
 * Never retry the same code or refresh token.
 *
 * @example
 * ```ts
 * if (error instanceof InvalidGrantError) await connections.markNeedsReconnect(userId);
 * ```
 */
export class InvalidGrantError extends OAuthError {
  override name = "InvalidGrantError";
}

/**
 * The app's client id or client secret is wrong (`invalid_client`): an administrator must fix the
 * TeamViewer app settings; users cannot fix this by reconnecting.
 *
 * @example
 * ```ts
 * if (error instanceof InvalidClientError) alertAdmins("TeamViewer app credentials are wrong");
 * ```
 */
export class InvalidClientError extends OAuthError {
  override name = "InvalidClientError";
}
