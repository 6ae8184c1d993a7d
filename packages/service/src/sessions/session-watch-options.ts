/**
 * The knobs of the session status watch (docs/adr/0028-session-status-watch.md) and the cost
 * they buy. A customer who joins is shown within `paceMs + tickMs` plus one call (6 s at the
 * defaults), inside the promised 10 s at p95.
 */
export interface SessionWatchOptions {
  /** The sessions list is asked for this often per account while one of its sessions is young. */
  paceMs: number;
  /** ... and this often once every open session of the account is older than `youngForMs`. */
  idlePaceMs: number;
  /** A session this old is probably not waited for any more: its account may slow down. */
  youngForMs: number;
  /** How often the scheduler looks for due accounts. */
  tickMs: number;
  /** Deadline of one list request, body included. */
  pageTimeoutMs: number;
  /** A lease lives this long; a turn is one or a few requests, far shorter. */
  leaseTtlMs: number;
  /** Backoff after a failure: this, doubled per consecutive failure, up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** When a 429 has no `Retry-After` (TeamViewer's limits are not public, docs/teamviewer-api.md §6). */
  defaultRetryAfterMs: number;
}

export const defaultSessionWatchOptions: SessionWatchOptions = {
  paceMs: 5_000,
  idlePaceMs: 60_000,
  youngForMs: 2 * 3600_000,
  tickMs: 1_000,
  pageTimeoutMs: 30_000,
  leaseTtlMs: 2 * 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
  defaultRetryAfterMs: 60_000,
};

/** Sessions per page of `GET /sessions` (docs/teamviewer-api.md §3). */
export const sessionListPageSize = 1000;

/**
 * The most requests the watch sends for one account in any minute:
 * ⌈60 s / pace⌉ × ⌈open sessions the account's grant lists / 1000⌉, with pace = `paceMs` while
 * a session is young and `idlePaceMs` after. Failures only ever slow it down (backoff, 429 pause).
 */
export function maxWatchCallsPerMinute(
  listedOpenSessions: number,
  paceMs: number,
  pageSize: number = sessionListPageSize,
): number {
  return Math.ceil(60_000 / paceMs) * Math.max(1, Math.ceil(listedOpenSessions / pageSize));
}
