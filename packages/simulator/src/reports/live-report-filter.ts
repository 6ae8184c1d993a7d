import type { ConnectionReport } from "./connection-report.js";
import {
  dateWindows,
  isInWindow,
  NO_GROUP,
  type ReportDateFilter,
  type ReportQuery,
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
  dateFilter: ReportDateFilter,
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
  const windows = dateWindows(query, dateFilter);
  return isInWindow(entry.startSec, windows.start) && isInWindow(entry.endSec, windows.end);
}

function matchesDeviceName(devicename: string | undefined, wanted: string): boolean {
  if (wanted.toLowerCase() === UNNAMED_DEVICE) return devicename === undefined || devicename === "";
  return devicename?.toLowerCase() === wanted.toLowerCase();
}
