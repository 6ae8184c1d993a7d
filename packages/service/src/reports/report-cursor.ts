/**
 * The keyset cursor of report lists (newest `end_date` first, then id): opaque to callers,
 * base64url of the last row's position, so a page link survives inserts between requests.
 */
import type { ReportCursor } from "../db/repositories/connection-reports.js";
import { ConnectionReportError } from "./connection-report-error.js";

export function encodeReportCursor(cursor: ReportCursor): string {
  return Buffer.from(JSON.stringify([cursor.endDate?.toISOString() ?? null, cursor.id])).toString(
    "base64url",
  );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws ConnectionReportError invalid-cursor */
export function decodeReportCursor(text: string): ReportCursor {
  try {
    const [endDate, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    const isDate = typeof endDate === "string" && !Number.isNaN(Date.parse(endDate));
    if ((endDate === null || isDate) && typeof id === "string" && uuidPattern.test(id)) {
      return { endDate: endDate === null ? null : new Date(endDate as string), id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ConnectionReportError("invalid-cursor");
}

export function isReportCursor(text: string): boolean {
  try {
    decodeReportCursor(text);
    return true;
  } catch {
    return false;
  }
}
