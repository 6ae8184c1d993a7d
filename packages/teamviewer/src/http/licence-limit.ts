/**
 * Whether a 400 body says a licence's session cap was reached (docs/teamviewer-api.md §3 [guess]).
 * The only wording on record is a plain string about "license limitations"; other wordings are
 * matched by meaning: the licence together with a cap, or sessions together with one. A body about
 * a field's maximum length names neither the licence nor sessions in the plural, so it stays a
 * plain bad request.
 *
 * @example
 * ```ts
 * isLicenceLimitBody("Maximum number of concurrent sessions reached."); // true
 * isLicenceLimitBody("Parameter groupid is malformed."); // false
 * ```
 */
export function isLicenceLimitBody(body: string): boolean {
  if (LICENCE.test(body) && CAP.test(body)) return true;
  return SESSIONS.test(body) && (CONCURRENT.test(body) || SESSION_CAP.test(body));
}

const LICENCE = /\blicen[cs](?:e|es|ed|ing)\b/i;
const CAP = /\b(?:limit|limits|limited|limitation|limitations|maximum|max|concurrent)\b/i;
const SESSIONS = /\bsessions?\b/i;
const CONCURRENT = /\bconcurrent\b/i;
/** "maximum number of sessions", "session limit", "limit of 3 sessions". */
const SESSION_CAP = /\b(?:maximum|max|limit)\b[^.]{0,40}\bsessions\b|\bsessions?\s+limits?\b/i;
