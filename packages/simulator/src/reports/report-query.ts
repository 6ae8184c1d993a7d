import type { SupportSessionTypeNumber } from "./connection-report.js";

/** The filters of `GET /reports/connections` (spec section 4), already validated. */
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

/** Which date `from_date`/`to_date` bound: the schema says the end, an old manual the start (spec section 4 [guess]). */
export type ReportDateField = "end_date" | "start_date";

export const NO_GROUP = "0";
export const UNNAMED_DEVICE = "unnamed_device";

/** Whole-second bounds: a record at second s is inside [from, to) when from ≤ s·1000 < to. */
export function toSecondBounds(query: ReportQuery): { fromSec: number; toSec: number } {
  return {
    fromSec: query.fromMs === undefined ? Number.NEGATIVE_INFINITY : Math.ceil(query.fromMs / 1000),
    toSec: query.toMs === undefined ? Number.POSITIVE_INFINITY : Math.ceil(query.toMs / 1000),
  };
}

/** The numeric form of a session code, as the seeded code column stores it. */
export function sessionCodeNumber(code: string): number {
  return Number(code.replace(/^s/i, "").replaceAll("-", ""));
}
