/**
 * The knobs of the report sync, with the defaults the freshness promise is computed from
 * (packages/service/README.md, "Connection reports"): a report is on its ticket within
 * `codePollMs + tickMs` (25 s) of TeamViewer listing it, well inside the promised 60 s.
 */
export interface ReportSyncOptions {
  /** How far back a new account's backfill reaches (ATTENDANT_REPORT_BACKFILL_DAYS). */
  backfillDays: number;
  /** A full sweep (polling pass) per account this often. */
  sweepMs: number;
  /** The codes of sessions awaiting reports are asked for this often per account. */
  codePollMs: number;
  /**
   * Polling passes, read from the top, stop this long before the newest `end_date` stored:
   * records may be listed late (docs/teamviewer-api.md §4).
   */
  overlapMs: number;
  /** At most this many codes are asked for one by one; more sessions make a sweep cheaper. */
  maxCodeQueries: number;
  /** Closed sessions still get their codes polled this long, for a report listed late. */
  closedSessionGraceMs: number;
  /** Deadline of one page request, body included (a stalled body counts as a timeout). */
  pageTimeoutMs: number;
  /** A lease lives this long unless renewed by the next page. */
  leaseTtlMs: number;
  /** Backoff after a failure: this, doubled per consecutive failure, up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** When a 429 has no `Retry-After` (TeamViewer's limits are not public, §6). */
  defaultRetryAfterMs: number;
}

export const defaultReportSyncOptions: ReportSyncOptions = {
  backfillDays: 90,
  sweepMs: 5 * 60_000,
  codePollMs: 20_000,
  overlapMs: 60 * 60_000,
  maxCodeQueries: 5,
  closedSessionGraceMs: 10 * 60_000,
  pageTimeoutMs: 30_000,
  leaseTtlMs: 2 * 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
  defaultRetryAfterMs: 60_000,
};

export function resolveReportSyncOptions(overrides: Partial<ReportSyncOptions> = {}): ReportSyncOptions {
  return { ...defaultReportSyncOptions, ...overrides };
}
