/**
 * Turns what the TeamViewer client and the token store throw into SupportSessionError reasons
 * (docs/teamviewer-api.md §6), and decides which failures of `POST /sessions` leave it unknown whether
 * the session was created.
 */
import {
  AuthenticationError,
  BadRequestError,
  InvalidClientError,
  LicenseLimitError,
  NotFoundError,
  OAuthError,
  PermissionDeniedError,
  RateLimitError,
  TeamViewerError,
} from "@attendant/teamviewer";
import {
  TeamViewerNotConfiguredError,
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "../teamviewer/teamviewer-errors.js";
import { SupportSessionError } from "./support-session-error.js";

/** When TeamViewer rate-limits without `Retry-After` (its numbers are not public, §6). */
const defaultRetryAfterSeconds = 30;

/**
 * The SupportSessionError for `error`; anything that is not a TeamViewer failure (a bug, a
 * database error) is thrown on unchanged.
 */
export function toSupportSessionError(error: unknown): SupportSessionError {
  if (error instanceof SupportSessionError) return error;
  const reason = reasonOf(error);
  if (reason === undefined) throw error;
  if (reason === "rate-limited") {
    const retryAfterMs = (error as RateLimitError).retryAfterMs;
    const retryAfterSeconds =
      retryAfterMs === null ? defaultRetryAfterSeconds : Math.ceil(retryAfterMs / 1000);
    return new SupportSessionError(reason, { retryAfterSeconds, cause: error });
  }
  const detail = error instanceof BadRequestError ? (error.errorDescription ?? error.message) : undefined;
  return new SupportSessionError(reason, { ...(detail === undefined ? {} : { detail }), cause: error });
}

function reasonOf(error: unknown) {
  if (error instanceof TeamViewerNotConfiguredError || error instanceof InvalidClientError)
    return "not-configured";
  if (error instanceof TeamViewerNotConnectedError) return "not-connected";
  // A 401 that survived the forced refresh, or a refresh TeamViewer refused: the grant is dead.
  if (
    error instanceof TeamViewerReconnectRequiredError ||
    error instanceof AuthenticationError ||
    error instanceof OAuthError
  ) {
    return "needs-reconnect";
  }
  if (error instanceof LicenseLimitError) return "licence-limit";
  // Before PermissionDeniedError: a 403 `rate_limit_reached` is a rate limit (§6).
  if (error instanceof RateLimitError) return "rate-limited";
  if (error instanceof PermissionDeniedError) return "permission-missing";
  if (error instanceof NotFoundError) return "session-not-found";
  if (error instanceof BadRequestError) return "rejected";
  if (error instanceof TeamViewerError) return "unreachable";
  return undefined;
}

/**
 * True when TeamViewer may have created the session although the call failed: the request was
 * sent and no definite refusal came back (a timeout, a dropped connection, a 5xx, an unreadable
 * 2xx). Refusals (4xx) and failures before sending (no app, no token) create nothing.
 */
export function isAmbiguousCreateFailure(error: unknown): boolean {
  if (!(error instanceof TeamViewerError)) return false;
  return !(
    error instanceof BadRequestError ||
    error instanceof AuthenticationError ||
    error instanceof PermissionDeniedError ||
    error instanceof RateLimitError ||
    error instanceof OAuthError
  );
}
