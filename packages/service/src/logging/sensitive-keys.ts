/**
 * One definition of "this field holds a secret", shared by the log redaction and the audit
 * log's details guard, so the two cannot drift apart.
 */

/** Field names (as they appear in our objects, HTTP headers and OAuth wire bodies) that hold secrets. */
export const sensitiveKeyNames = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "newPassword",
  "passwordHash",
  "secret",
  "clientSecret",
  "client_secret",
  "csrfSecret",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "scriptToken",
  "code",
  "codeVerifier",
  "code_verifier",
] as const;

// Exact matches only: "code" is secret in OAuth, but "errorCode" or "countryCode" are not.
const exactNames = new Set(["authorization", "cookie", "setcookie", "code", "authcode", "authorizationcode"]);
// Suffix matches catch variants such as "teamViewerAccessToken" or "new_password".
const secretSuffixes = [
  "token",
  "secret",
  "password",
  "passwd",
  "passwordhash",
  "verifier",
  "apikey",
  "privatekey",
];

/** True for a field name that must never be logged or stored in the audit log. */
export function isSensitiveKey(name: string): boolean {
  const normalised = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return exactNames.has(normalised) || secretSuffixes.some((suffix) => normalised.endsWith(suffix));
}
