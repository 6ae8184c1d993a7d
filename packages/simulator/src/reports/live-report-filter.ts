import type { ConnectionReport } from "./connection-report.js";
import {
  NO_GROUP,
  type ReportDateField,
  type ReportQuery,
  toSecondBounds,
  UNNAMED_DEVICE,
} from "./report-query.js";

/** A report written while the simulator runs (the simulated apps, or admin), with its sort key. */
export interface LiveReport {
  seq: number;
  companyId: string;
  startSec: number;
  endSec: number;
  record: ConnectionReport;
  isDeleted: boolean;
}

/** The same filters as the seeded columns, over a live record's fields. */
export function matchesLiveReport(
  entry: LiveReport,
  query: ReportQuery,
  dateField: ReportDateField,
): boolean {
  const record = entry.record;
  if (entry.isDeleted || entry.companyId !== query.companyId) return false;
  if (query.userid !== undefined && record.userid !== query.userid) return false;
  if (query.username !== undefined && record.username.toLowerCase() !== query.username.toLowerCase())
    return false;
  if (query.groupid !== undefined && (record.groupid ?? NO_GROUP) !== query.groupid) return false;
  if (query.deviceid !== undefined && record.deviceid !== query.deviceid) return false;
  if (query.devicename !== undefined && !matchesDeviceName(record.devicename, query.devicename)) return false;
  if (query.hasCode !== undefined && (record.session_code !== undefined) !== query.hasCode) return false;
  if (query.sessionCode !== undefined && record.session_code !== query.sessionCode) return false;
  if (query.supportSessionType !== undefined && record.support_session_type !== query.supportSessionType) {
    return false;
  }
  const { fromSec, toSec } = toSecondBounds(query);
  const dateSec = dateField === "end_date" ? entry.endSec : entry.startSec;
  return dateSec >= fromSec && dateSec < toSec;
}

function matchesDeviceName(devicename: string | undefined, wanted: string): boolean {
  if (wanted.toLowerCase() === UNNAMED_DEVICE) return devicename === undefined || devicename === "";
  return devicename?.toLowerCase() === wanted.toLowerCase();
}
