/**
 * Connection reports as people look at them (issue 6, "Views, billing and exports"): one filter
 * for the organisation's list, the exports and the dashboard, a keyset-paged list that joins the
 * ticket, and the dashboard's aggregations, all computed in SQL.
 */
import {
  and,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { StoredExtras } from "../../reports/connection-extras-view.js";
import type { Db } from "../open-database.js";
import { connectionReportExtras, connectionReports, reportSyncAccounts, tickets } from "../schema.js";
import {
  newestFirst,
  olderThan,
  type ReportCursor,
  type StoredConnectionReport,
} from "./connection-reports.js";

export interface ConnectionReportFilter {
  organisationId: string;
  /** One report (its row id). */
  reportId?: string;
  /**
   * Only a supporter's own connections: made with their TeamViewer account, or synced through
   * their own grant (the rule of src/reports/report-access.ts).
   */
  ownedBy?: { userId: string; teamViewerUserId: string | undefined };
  /** Connections made by this TeamViewer user. */
  teamViewerUserId?: string;
  group?: { id: string } | { name: string };
  /** The connection started at or after this. */
  from?: Date;
  /** The connection started at or before this. */
  to?: Date;
  ticketId?: string;
  billingState?: string;
  /** true: attached to a ticket; false: unmatched. */
  isMatched?: boolean;
}

/** What views read: everything but `raw`, which is large and only the sync and write-back need. */
export type ListedReportRow = Omit<StoredConnectionReport, "raw"> & {
  ticketExternalId: string | null;
  ticketTitle: string | null;
  /** What the connection left behind, by kind; null when nothing has been fetched yet. */
  extras: StoredExtras | null;
};

const r = connectionReports;
const { raw: _raw, ...viewColumns } = getTableColumns(r);

function conditionsOf(filter: ConnectionReportFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(r.organisationId, filter.organisationId)];
  if (filter.reportId !== undefined) conditions.push(eq(r.id, filter.reportId));
  const { ownedBy } = filter;
  if (ownedBy !== undefined) {
    const ownAccounts = sql`(select ${reportSyncAccounts.id} from ${reportSyncAccounts} where ${reportSyncAccounts.userId} = ${ownedBy.userId})`;
    conditions.push(
      or(
        ownedBy.teamViewerUserId === undefined ? undefined : eq(r.teamViewerUserId, ownedBy.teamViewerUserId),
        inArray(r.syncAccountId, ownAccounts),
      ),
    );
  }
  if (filter.teamViewerUserId !== undefined) conditions.push(eq(r.teamViewerUserId, filter.teamViewerUserId));
  if (filter.group !== undefined) {
    conditions.push(
      "id" in filter.group ? eq(r.groupId, filter.group.id) : eq(r.groupName, filter.group.name),
    );
  }
  if (filter.from !== undefined) conditions.push(gte(r.startDate, filter.from));
  if (filter.to !== undefined) conditions.push(lte(r.startDate, filter.to));
  if (filter.ticketId !== undefined) conditions.push(eq(r.ticketId, filter.ticketId));
  if (filter.billingState !== undefined) conditions.push(eq(r.billingState, filter.billingState));
  if (filter.isMatched !== undefined)
    conditions.push(filter.isMatched ? isNotNull(r.ticketId) : isNull(r.ticketId));
  return and(...conditions);
}

const e = connectionReportExtras;
/** A report's extras as one JSON object keyed by kind: a primary-key look-up per listed row. */
const extrasOfReport = sql<StoredExtras | null>`(
  select jsonb_object_agg(${e.kind}, jsonb_build_object('state', ${e.state}, 'content', ${e.content}))
  from ${e} where ${e.connectionReportId} = ${r.id})`;

/** The widest start range read through the start index and sorted (see `inNarrowStartRange`). */
export const narrowRangeMs = 92 * 24 * 3600 * 1000;

/**
 * The ids of one page of a narrow start range, picked from the range's rows alone. Rows are
 * listed by end date, but a range filters on the start: left alone, the planner walks the
 * (organisation, end_date) index backwards from today and drops every newer row first (2.6 s for
 * a 30-day range 18 months back at 1M reports, issue 26). `offset 0` keeps the subquery apart,
 * so the range is sought in the (organisation, start_date) index and only its rows (a quarter's
 * at most) are sorted. A wide range keeps the index walk, whose order already is the list's.
 */
function inNarrowStartRange(where: SQL | undefined, limit: number): SQL {
  return sql`${r.id} in (
    select in_range.id from (select ${r.id} as id, ${r.endDate} as end_date from ${r} where ${where} offset 0) as in_range
    order by in_range.end_date desc nulls first, in_range.id desc limit ${limit})`;
}

/** One page in `newestFirst` order, each row with its ticket's helpdesk id and title and its extras. */
export function listConnectionReportRows(
  db: Db,
  filter: ConnectionReportFilter,
  page: { after?: ReportCursor | undefined; limit: number },
): Promise<ListedReportRow[]> {
  return connectionReportRowsQuery(db, filter, page);
}

/** The query of {@link listConnectionReportRows}, unexecuted (its plan is tested). */
export function connectionReportRowsQuery(
  db: Db,
  filter: ConnectionReportFilter,
  page: { after?: ReportCursor | undefined; limit: number },
) {
  const where = and(conditionsOf(filter), page.after === undefined ? undefined : olderThan(page.after));
  const isNarrowRange =
    filter.from !== undefined &&
    filter.to !== undefined &&
    filter.to.getTime() - filter.from.getTime() <= narrowRangeMs;
  return db
    .select({
      ...viewColumns,
      ticketExternalId: tickets.externalId,
      ticketTitle: tickets.title,
      extras: extrasOfReport,
    })
    .from(r)
    .leftJoin(tickets, eq(tickets.id, r.ticketId))
    .where(isNarrowRange ? inNarrowStartRange(where, page.limit) : where)
    .orderBy(...newestFirst)
    .limit(page.limit);
}

export interface ConnectionTotals {
  connections: number;
  totalSeconds: number;
}

export async function sumConnections(db: Db, filter: ConnectionReportFilter): Promise<ConnectionTotals> {
  const [row] = await db
    .select({
      connections: sql<number>`count(*)::int`.mapWith(Number),
      totalSeconds: sql<number>`coalesce(sum(${r.durationSeconds}), 0)::float8`.mapWith(Number),
    })
    .from(r)
    .where(conditionsOf(filter));
  return row ?? { connections: 0, totalSeconds: 0 };
}

/** Connections per UTC day of their start, days without any left out. */
export function countConnectionsPerDay(
  db: Db,
  filter: ConnectionReportFilter,
  /** The IANA zone whose days count (src/i18n/zoned-time.ts validated it). */
  timeZone: string,
): Promise<{ day: string; connections: number }[]> {
  const day = sql<string>`to_char(${r.startDate} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return (
    db
      .select({ day, connections: sql<number>`count(*)::int`.mapWith(Number) })
      .from(r)
      .where(and(conditionsOf(filter), isNotNull(r.startDate)))
      // By position: with the zone as a parameter, the select's and the grouping's expressions would
      // carry two different parameters, which PostgreSQL does not see as the same expression.
      .groupBy(sql`1`)
      .orderBy(sql`1`)
  );
}

export interface DurationGroup {
  /** What the group is keyed by (a TeamViewer user id, a customer's e-mail or name); null: unknown. */
  key: string | null;
  /** How to name it: the latest name TeamViewer gave. */
  label: string | null;
  connections: number;
  totalSeconds: number;
  averageSeconds: number;
}

/** Durations per supporter (TeamViewer user) or per end customer, largest first by `orderBy`. */
export function summariseDurations(
  db: Db,
  filter: ConnectionReportFilter,
  options: { by: "supporter" | "customer"; orderBy: "total" | "average"; limit: number },
): Promise<DurationGroup[]> {
  // A customer is known by e-mail when TeamViewer has one (names are typed by hand), else by name.
  const key =
    options.by === "supporter"
      ? sql<string | null>`${r.teamViewerUserId}`
      : sql<
          string | null
        >`lower(coalesce(nullif(${r.endCustomerEmail}, ''), nullif(${r.endCustomerName}, '')))`;
  const label =
    options.by === "supporter"
      ? sql<string | null>`max(${r.userName})`
      : sql<string | null>`coalesce(max(nullif(${r.endCustomerName}, '')), max(${r.endCustomerEmail}))`;
  const totalSeconds = sql<number>`coalesce(sum(${r.durationSeconds}), 0)::float8`.mapWith(Number);
  const averageSeconds = sql<number>`coalesce(avg(${r.durationSeconds}), 0)::float8`.mapWith(Number);
  return db
    .select({
      key,
      label,
      connections: sql<number>`count(*)::int`.mapWith(Number),
      totalSeconds,
      averageSeconds,
    })
    .from(r)
    .where(conditionsOf(filter))
    .groupBy(key)
    .orderBy(
      ...(options.orderBy === "total"
        ? [sql`${totalSeconds} desc`, sql`${averageSeconds} desc`]
        : [sql`${averageSeconds} desc`, sql`${totalSeconds} desc`]),
      sql`${key} asc nulls last`,
    )
    .limit(options.limit);
}
