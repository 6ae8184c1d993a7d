/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): either delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). Returns milliseconds to wait from `nowMs`, never negative, or
 * `null` when the header is absent or unreadable.
 *
 * `Date.parse` is safe here: ECMAScript requires it to read the `Date#toUTCString` format, which is
 * exactly the IMF-fixdate that RFC 9110 requires senders to use, and that format names its zone.
 *
 * @example
 * ```ts
 * parseRetryAfter("3", Date.now()); // 3000
 * parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now()); // about 5000
 * ```
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
