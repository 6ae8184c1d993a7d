import type { SupportSessionTypeNumber } from "./connection-report.js";

/** The filters of `GET /reports/connections` (docs/teamviewer-api.md §4), already validated. */
export interface ReportQuery {
  /** Reports never cross companies. */
  companyId: string;
  userid?: string;
  username?: string;
  /** `"0"` = devices in no group. */
  groupid?: string;
  /** `"unnamed_device"` = devices without a name. */
  devicename?: string;
  deviceid?: string;
  hasCode?: boolean;
  sessionCode?: string;
  supportSessionType?: SupportSessionTypeNumber;
  /** Inclusive lower bound on the date field. */
  fromMs?: number;
  /** Exclusive upper bound on the date field. */
  toMs?: number;
}

/**
 * Which dates `from_date`/`to_date` bound (docs/teamviewer-api.md §4 [likely]): the schema's own
 * parameter texts put `from_date` on the start and `to_date` on the end (`from_start_to_end`); the
 * simulator's first reading put both on the end (`end_date`), an old manual both on the start
 * (`start_date`).
 */
export type ReportDateFilter = "from_start_to_end" | "end_date" | "start_date";

/** A whole-second window [fromSec, toSec) on one of a record's dates; infinite sides are open. */
export interface SecondWindow {
  fromSec: number;
  toSec: number;
}

export const NO_GROUP = "0";
export const UNNAMED_DEVICE = "unnamed_device";

const OPEN_WINDOW: SecondWindow = { fromSec: Number.NEGATIVE_INFINITY, toSec: Number.POSITIVE_INFINITY };

/**
 * The windows a record's start and end second must each fall in under `filter`. Whole seconds:
 * a record at second s is inside [from, to) when from ≤ s·1000 < to.
 */
export function dateWindows(
  query: ReportQuery,
  filter: ReportDateFilter,
): { start: SecondWindow; end: SecondWindow } {
  const fromSec = query.fromMs === undefined ? Number.NEGATIVE_INFINITY : Math.ceil(query.fromMs / 1000);
  const toSec = query.toMs === undefined ? Number.POSITIVE_INFINITY : Math.ceil(query.toMs / 1000);
  if (filter === "end_date") return { start: OPEN_WINDOW, end: { fromSec, toSec } };
  if (filter === "start_date") return { start: { fromSec, toSec }, end: OPEN_WINDOW };
  return {
    start: { fromSec, toSec: Number.POSITIVE_INFINITY },
    end: { fromSec: Number.NEGATIVE_INFINITY, toSec },
  };
}

export function isInWindow(second: number, window: SecondWindow): boolean {
  return second >= window.fromSec && second < window.toSec;
}

export function isOpenWindow(window: SecondWindow): boolean {
  return !Number.isFinite(window.fromSec) && !Number.isFinite(window.toSec);
}

/** The numeric form of a session code, as the seeded code column stores it. */
export function sessionCodeNumber(code: string): number {
  return Number(code.replace(/^s/i, "").replaceAll("-", ""));
}
