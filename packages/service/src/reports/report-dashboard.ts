/**
 * The reports dashboard's numbers (issue 6): connections per day and durations per supporter and
 * per customer over a range of whole days of the reader's time zone, aggregated in SQL (connection-report-search.ts)
 * over the reports the actor may see. Days without connections are filled in as zero, so the
 * chart's time axis has no holes.
 */
import {
  countConnectionsPerDay,
  type DurationGroup,
  sumConnections,
  summariseDurations,
} from "../db/repositories/connection-report-search.js";
import { endOfZonedDay, startOfZonedDay, zonedDay } from "../i18n/index.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { ReportDeps } from "./list-connection-reports.js";
import { reportScopeOf } from "./report-access.js";

/** Bars per chart: more would not be read, only scrolled past. */
export const dashboardTopCount = 10;
export const maxDashboardDays = 366;
const dayMs = 24 * 3600 * 1000;

export interface ReportDashboard {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  connections: number;
  totalSeconds: number;
  perDay: { day: string; connections: number }[];
  supporters: { byTotal: DurationGroup[]; byAverage: DurationGroup[] };
  customers: { byTotal: DurationGroup[]; byAverage: DurationGroup[] };
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The default range: the 30 days up to and including today in the reader's zone. */
export function defaultDashboardRange(now: Date, timeZone: string): { from: string; to: string } {
  return { from: zonedDay(new Date(now.getTime() - 29 * dayMs), timeZone), to: zonedDay(now, timeZone) };
}

/** Whole days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;
}

export async function loadReportDashboard(
  deps: ReportDeps,
  options: { actor: SessionActor; from: string; to: string; timeZone: string },
): Promise<ReportDashboard> {
  const { from, to, timeZone } = options;
  const filter = {
    ...(await reportScopeOf(deps, options.actor)),
    from: startOfZonedDay(from, timeZone),
    to: endOfZonedDay(to, timeZone),
  };
  const db = deps.database.db;
  const limit = dashboardTopCount;
  const [totals, days, supportersByTotal, supportersByAverage, customersByTotal, customersByAverage] =
    await Promise.all([
      sumConnections(db, filter),
      countConnectionsPerDay(db, filter, timeZone),
      summariseDurations(db, filter, { by: "supporter", orderBy: "total", limit }),
      summariseDurations(db, filter, { by: "supporter", orderBy: "average", limit }),
      summariseDurations(db, filter, { by: "customer", orderBy: "total", limit }),
      summariseDurations(db, filter, { by: "customer", orderBy: "average", limit }),
    ]);
  const counts = new Map(days.map((row) => [row.day, row.connections]));
  const perDay: { day: string; connections: number }[] = [];
  const dayCount = Math.min(daysInRange(from, to), maxDashboardDays);
  for (let index = 0; index < dayCount; index++) {
    const day = isoDay(new Date(Date.parse(`${from}T00:00:00Z`) + index * dayMs));
    perDay.push({ day, connections: counts.get(day) ?? 0 });
  }
  return {
    from,
    to,
    connections: totals.connections,
    totalSeconds: totals.totalSeconds,
    perDay,
    supporters: { byTotal: supportersByTotal, byAverage: supportersByAverage },
    customers: { byTotal: customersByTotal, byAverage: customersByAverage },
  };
}
