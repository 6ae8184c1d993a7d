import {
  dateWindows,
  isInWindow,
  isOpenWindow,
  NO_GROUP,
  type ReportDateFilter,
  type ReportQuery,
  sessionCodeNumber,
  UNNAMED_DEVICE,
} from "./report-query.js";
import type { SeededReportBatch } from "./seeded-report-batch.js";

/**
 * Turns a report query into a test over the seeded batch's columns. "all" and "none" let the
 * store skip the scan entirely.
 */
export type SeededPredicate = ((index: number) => boolean) | "all" | "none";

export function compileSeededPredicate(
  batch: SeededReportBatch,
  query: ReportQuery,
  dateFilter: ReportDateFilter,
  deleted: ReadonlySet<number>,
): SeededPredicate {
  if (batch.companyId !== query.companyId) return "none";
  const checks: ((index: number) => boolean)[] = [];

  const userMarks = markUsers(batch, query);
  if (userMarks === "none") return "none";
  if (userMarks) checks.push((index) => userMarks[batch.userColumn[index] ?? 0] === 1);

  const deviceMarks = markDevices(batch, query);
  if (deviceMarks === "none") return "none";
  if (deviceMarks) checks.push((index) => deviceMarks[batch.deviceColumn[index] ?? 0] === 1);

  if (query.groupid !== undefined) {
    const wanted =
      query.groupid === NO_GROUP ? 0 : batch.groups.findIndex((group) => group.id === query.groupid) + 1;
    if (wanted === 0 && query.groupid !== NO_GROUP) return "none";
    checks.push((index) => batch.groupColumn[index] === wanted);
  }
  if (query.hasCode !== undefined) {
    const hasCode = query.hasCode;
    checks.push((index) => (batch.codeColumn[index] !== 0) === hasCode);
  }
  if (query.sessionCode !== undefined) {
    const code = sessionCodeNumber(query.sessionCode);
    checks.push((index) => batch.codeColumn[index] === code);
  }
  if (query.supportSessionType !== undefined) {
    const type = query.supportSessionType;
    checks.push((index) => batch.typeColumn[index] === type);
  }
  // End-date windows are index ranges (the store narrows them by binary search); start dates are not.
  const startWindow = dateWindows(query, dateFilter).start;
  if (!isOpenWindow(startWindow)) checks.push((index) => isInWindow(batch.startSec(index), startWindow));
  if (deleted.size > 0) checks.push((index) => !deleted.has(index));

  if (checks.length === 0) return "all";
  return (index) => checks.every((check) => check(index));
}

function markUsers(batch: SeededReportBatch, query: ReportQuery): Uint8Array | "none" | undefined {
  if (query.userid === undefined && query.username === undefined) return undefined;
  const username = query.username?.toLowerCase();
  const marks = batch.users.map(
    (user) =>
      (query.userid === undefined || user.userid === query.userid) &&
      (username === undefined || user.name.toLowerCase() === username),
  );
  return marks.includes(true) ? Uint8Array.from(marks, Number) : "none";
}

function markDevices(batch: SeededReportBatch, query: ReportQuery): Uint8Array | "none" | undefined {
  if (query.deviceid === undefined && query.devicename === undefined) return undefined;
  const devicename = query.devicename?.toLowerCase();
  const marks = batch.devices.map(
    (device) =>
      (query.deviceid === undefined || device.id === query.deviceid) &&
      (devicename === undefined ||
        (devicename === UNNAMED_DEVICE ? device.name === "" : device.name.toLowerCase() === devicename)),
  );
  return marks.includes(true) ? Uint8Array.from(marks, Number) : "none";
}
