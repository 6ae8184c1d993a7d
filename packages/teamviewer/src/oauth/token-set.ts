import { UnexpectedResponseError } from "../errors.js";
import { expectObject, type JsonObject, readNumber, readString } from "../wire.js";

/**
 * Tokens from TeamViewer's token endpoint. Store `refreshToken` every time: each refresh rotates it.
 * `raw` holds the whole answer, tokens included: never log it.
 *
 * @example
 * ```ts
 * const tokens: TokenSet = await oauth.exchangeCode({ code, codeVerifier });
 * await vault.save(userId, { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt });
 * ```
 */
export interface TokenSet {
  readonly accessToken: string;
  /** `null` only if TeamViewer sent none on a code exchange. */
  readonly refreshToken: string | null;
  /** When the access token stops working, from `expires_in`. */
  readonly expiresAt: Date;
  /** Lower case (`bearer`), as TeamViewer writes it. */
  readonly tokenType: string;
  readonly raw: JsonObject;
}

// docs/teamviewer-api.md §1: access tokens live 24 h. Used only if an answer leaves out `expires_in`.
const DEFAULT_LIFETIME_SECONDS = 86_400;

/**
 * Reads a successful token answer. Tolerant where TeamViewer differs from RFC 6749 (lower-case
 * `bearer`, `expires_in` possibly a string or missing); strict only about `access_token`.
 *
 * @example
 * ```ts
 * const tokens = readTokenSet(JSON.parse(bodyText), Date.now(), previousRefreshToken);
 * ```
 */
export function readTokenSet(body: unknown, nowMs: number, previousRefreshToken: string | null): TokenSet {
  const raw = expectObject(body, "a token answer", "POST /oauth2/token");
  const accessToken = readString(raw, "access_token");
  if (accessToken === null || accessToken === "") {
    throw new UnexpectedResponseError(
      "TeamViewer's token answer has no access_token. Check that the token URL points at TeamViewer.",
    );
  }
  const lifetimeSeconds = readNumber(raw, "expires_in") ?? DEFAULT_LIFETIME_SECONDS;
  return {
    accessToken,
    // Should a refresh answer leave out refresh_token, the presented one is the only one there is.
    refreshToken: readString(raw, "refresh_token") ?? previousRefreshToken,
    expiresAt: new Date(nowMs + lifetimeSeconds * 1000),
    tokenType: (readString(raw, "token_type") ?? "bearer").toLowerCase(),
    raw,
  };
}
