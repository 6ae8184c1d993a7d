import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  LicenseLimitError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TeamViewerAPIError,
  type TeamViewerAPIErrorDetails,
} from "../errors.js";
import { redactSecrets } from "../redact.js";
import { isJsonObject, parseJsonOrUndefined, readNumber, readString } from "../wire.js";
import { describeReason } from "./describe-reason.js";
import { isLicenceLimitBody } from "./licence-limit.js";

/** A non-success answer from TeamViewer, with what is needed to explain it. */
export interface FailedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly bodyText: string;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | null;
  /** Secrets in play for this request (the bearer token); masked wherever the body is repeated. */
  readonly knownSecrets: readonly string[];
}

/** TeamViewer sends no documented request id; these are the headers gateways commonly add. */
const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id"];

/**
 * Maps a non-success answer to the matching class of the error tree, with a message that says what
 * happened and what to do.
 *
 * @example
 * ```ts
 * throw errorFromResponse({ status: 404, headers, bodyText, method: "GET", path: "/sessions/x", retryAfterMs: null, knownSecrets: [token] });
 * ```
 */
export function errorFromResponse(response: FailedResponse): TeamViewerAPIError {
  const details = readDetails(response);
  const request = `${response.method} ${response.path}`;
  const reason = describeReason(details);
  const { status, error } = details;

  if (status === 400 && isLicenceLimitBody(details.rawBody)) {
    return new LicenseLimitError(
      `TeamViewer refused ${request} because of licence limitations (${reason}), for example the number ` +
        "of concurrent sessions. Close sessions that are no longer needed or upgrade the TeamViewer licence.",
      details,
    );
  }
  if (status === 429 || (status === 403 && error === "rate_limit_reached")) {
    const wait =
      response.retryAfterMs === null ? "" : ` TeamViewer asks to wait ${response.retryAfterMs} ms.`;
    return new RateLimitError(
      `TeamViewer's rate limit was reached on ${request} (${reason}). Slow down and try again later.${wait}`,
      details,
      response.retryAfterMs,
    );
  }
  switch (status) {
    case 400:
      return new BadRequestError(
        `TeamViewer rejected ${request} as invalid (${reason}). Check the parameters named in the description.`,
        details,
      );
    case 401:
      return new AuthenticationError(
        `TeamViewer did not accept the access token for ${request} (${reason}). ` +
          "Reconnect the TeamViewer account, or check that the script token still exists.",
        details,
      );
    case 403:
      return new PermissionDeniedError(
        `The TeamViewer token may not ${request} (${reason}). ` +
          "Tick the missing permission on the TeamViewer app or script token in the Management Console.",
        details,
      );
    case 404:
      return new NotFoundError(
        `TeamViewer has nothing at ${request} (${reason}). Check the id or code; it may have been deleted.`,
        details,
      );
  }
  if (status >= 500) {
    return new InternalServerError(
      `TeamViewer failed on its side for ${request} (${reason}). Try again later.`,
      details,
    );
  }
  return new TeamViewerAPIError(`TeamViewer answered ${request} unexpectedly (${reason}).`, details);
}

function readDetails(response: FailedResponse): TeamViewerAPIErrorDetails {
  const rawBody = redactSecrets(response.bodyText, response.knownSecrets);
  const body = parseJsonOrUndefined(rawBody);
  const fields = isJsonObject(body) ? body : {};
  const description = readString(fields, "error_description");
  return {
    status: response.status,
    error: readString(fields, "error"),
    errorDescription: description,
    errorCode: readNumber(fields, "error_code"),
    errorSignature: readString(fields, "error_signature"),
    rawBody,
    requestId: findRequestId(response.headers),
    method: response.method,
    path: response.path,
  };
}

function findRequestId(headers: Headers): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return null;
}
