import { InvalidClientError, InvalidGrantError, OAuthError, type OAuthErrorDetails } from "../errors.js";
import { describeReason } from "../http/describe-reason.js";
import { redactSecrets } from "../redact.js";
import { isJsonObject, parseJsonOrUndefined, readString } from "../wire.js";

// docs/teamviewer-api.md §1 "Token errors": these mean the code or refresh token is dead. Retrying cannot
// help; only a new authorization by the user can. (`wrong_credentials` is TeamViewer's own category.)
const DEAD_GRANT_ERRORS = new Set([
  "invalid_grant",
  "invalid_request",
  "invalid_token",
  "token_expired",
  "wrong_credentials",
]);

// `invalid_client` (RFC 6749 §5.2) is the app's id or secret; `unauthorized_client` the app's
// permissions for this grant type. Either way an administrator must fix the app, not the user.
const APP_ERRORS = new Set(["invalid_client", "unauthorized_client"]);

const KNOWN_ERRORS = [...DEAD_GRANT_ERRORS, ...APP_ERRORS];

/**
 * Maps a 400 or 401 from the token endpoint to {@link InvalidGrantError}, {@link InvalidClientError}
 * or a plain {@link OAuthError}. No token error payload has ever been captured, so the body may be
 * RFC-style JSON, another JSON shape or plain text: a known category word in plain text counts too.
 *
 * @example
 * ```ts
 * throw oauthErrorFromResponse(400, '{"error":"invalid_grant"}', [refreshToken, clientSecret]);
 * ```
 */
export function oauthErrorFromResponse(
  status: number,
  bodyText: string,
  knownSecrets: readonly string[],
): OAuthError {
  const rawBody = redactSecrets(bodyText, knownSecrets);
  const body = parseJsonOrUndefined(rawBody);
  const fields = isJsonObject(body) ? body : {};
  const error = readString(fields, "error") ?? findKnownErrorWord(rawBody);
  const details: OAuthErrorDetails = {
    error,
    errorDescription: readString(fields, "error_description"),
    status,
    rawBody,
  };
  const reason = describeReason({ ...details, status, rawBody });
  if (error !== null && DEAD_GRANT_ERRORS.has(error)) {
    return new InvalidGrantError(
      `TeamViewer no longer accepts this authorization (${reason}). The user must connect their TeamViewer account again.`,
      details,
    );
  }
  if (error !== null && APP_ERRORS.has(error)) {
    return new InvalidClientError(
      `TeamViewer rejected the app's credentials (${reason}). The client id or client secret of the TeamViewer ` +
        "app is wrong or the app lacks this permission: tell an administrator to check the app settings.",
      details,
    );
  }
  return new OAuthError(
    `The TeamViewer token endpoint refused the request (${reason}). Try connecting the account again; ` +
      "if this keeps happening, tell an administrator.",
    details,
  );
}

function findKnownErrorWord(text: string): string | null {
  return KNOWN_ERRORS.find((word) => new RegExp(`\\b${word}\\b`).test(text)) ?? null;
}
