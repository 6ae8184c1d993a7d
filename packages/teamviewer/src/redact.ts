/**
 * Masks credentials in text that may reach an error message, a log line or `rawBody`.
 * Two layers: the exact secrets the caller knows are in play (the bearer token, the client secret…),
 * and the shapes TeamViewer credentials have, for anything a server might echo back.
 */

const MASK = "[redacted]";

/** Shorter "secrets" would mask ordinary words; real TeamViewer tokens are ~29 characters. */
const MIN_KNOWN_SECRET_LENGTH = 8;

const CREDENTIAL_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  // Access, refresh and script tokens: 8 digits, dash, 20 alphanumerics (docs/teamviewer-api.md, "Conventions on the wire";
  // the length is only [likely], so longer tails count too).
  [/\b\d{8}-[A-Za-z0-9]{20,}\b/g, MASK],
  // Supporter link `…/v15/s271604113-Qw3rTy7uIo9P`: the part after the dash is the service-queue token.
  [/(\/s\d{8,9}-)[A-Za-z0-9]+/g, `$1${MASK}`],
  // WebClient supporter link carries the same service-queue token as a query parameter.
  [/(servicequeuetoken=)[^&\s"'<>]+/gi, `$1${MASK}`],
  [/(bearer\s+)[^\s"',;]+/gi, `$1${MASK}`],
  // OAuth fields in form or JSON bodies; `\b` spares `session_code`.
  [
    /(\b(?:access_token|refresh_token|client_secret|code_verifier)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
    `$1${MASK}`,
  ],
  // An authorization code in a form body or callback URL. Only `code=`, not JSON `"code":`, which
  // holds session codes: those are not secret and help when reading an error.
  [/(\bcode=)[^&\s"'<>]+/g, `$1${MASK}`],
];

/**
 * Returns `text` with `knownSecrets` and anything shaped like a TeamViewer credential masked.
 *
 * @example
 * ```ts
 * redactSecrets("token 12345678-AbCdEfGhIjKlMnOpQrSt expired"); // "token [redacted] expired"
 * ```
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let masked = text;
  for (const secret of knownSecrets) {
    if (secret.length >= MIN_KNOWN_SECRET_LENGTH) masked = masked.split(secret).join(MASK);
  }
  for (const [shape, replacement] of CREDENTIAL_SHAPES) masked = masked.replace(shape, replacement);
  return masked;
}
