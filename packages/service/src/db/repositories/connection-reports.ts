/**
 * Stored connection reports: the page upsert of the sync, matching to support sessions and
 * tickets, the unmatched list, and the changes people make (manual attach, accepted write-back).
 */
import { and, desc, eq, getTableColumns, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { connectionReports, type ReportMatchMethod, supportSessions } from "../schema.js";

export type StoredConnectionReport = typeof connectionReports.$inferSelect;

/** What the sync writes for one record; matching and first/last seen are the repository's. */
export type ConnectionReportValues = Omit<
  typeof connectionReports.$inferInsert,
  "id" | "supportSessionId" | "ticketId" | "matchedBy" | "matchedAt" | "firstSeenAt" | "lastSeenAt"
>;

/** The columns the sync writes for each record, in one fixed order. */
const writtenColumns = Object.entries(getTableColumns(connectionReports))
  .filter(([key]) => !["id", "supportSessionId", "ticketId", "matchedBy", "matchedAt"].includes(key))
  .map(([key, column]) => ({ key, name: column.name, type: column.getSQLType() }));

/** What a re-seen record overwrites: everything TeamViewer owns, plus who saw it and when. */
const overwrittenColumns = writtenColumns.filter(
  (column) => !["organisationId", "teamViewerReportId", "firstSeenAt"].includes(column.key),
);

/**
 * Inserts new records and updates re-seen ones in one statement, keyed by (organisation,
 * TeamViewer id): a record is never stored twice however often pages overlap.
 *
 * The page travels as one JSON parameter expanded by `jsonb_to_recordset`: a thousand rows as
 * thirty thousand bind parameters cost PGlite several times as much to parse.
 */
export async function upsertConnectionReports(
  db: Db,
  records: readonly ConnectionReportValues[],
  now: Date,
): Promise<void> {
  if (records.length === 0) return;
  // One statement may not touch a row twice: keep the last copy of an id a page repeats.
  const unique = [...new Map(records.map((record) => [record.teamViewerReportId, record])).values()];
  const rows = unique.map((record) => {
    const row: Record<string, unknown> = { ...record, firstSeenAt: now, lastSeenAt: now };
    return Object.fromEntries(writtenColumns.map(({ key, name }) => [name, row[key] ?? null]));
  });
  const names = sql.raw(writtenColumns.map(({ name }) => `"${name}"`).join(", "));
  const recordType = sql.raw(writtenColumns.map(({ name, type }) => `"${name}" ${type}`).join(", "));
  const updates = sql.raw(overwrittenColumns.map(({ name }) => `"${name}" = excluded."${name}"`).join(", "));
  await db.execute(sql`
    insert into ${connectionReports} (${names})
    select ${names} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as page(${recordType})
    on conflict (organisation_id, teamviewer_report_id) do update set ${updates}`);
}

/**
 * Links unmatched reports of the organisation to their support session (and so its ticket):
 * first by `custom_api = attendant:<correlation id>`, which we set ourselves, then by session
 * code. `reportIds` (TeamViewer ids) narrows it to one page. Returns how many were matched.
 */
export async function matchConnectionReports(
  db: Db,
  organisationId: string,
  now: Date,
  reportIds?: readonly string[],
): Promise<number> {
  const byMethod: [ReportMatchMethod, SQL][] = [
    [
      "custom_api",
      sql`${connectionReports.customApi} = 'attendant:' || ${supportSessions.correlationId}::text`,
    ],
    ["session_code", eq(connectionReports.sessionCode, supportSessions.code)],
  ];
  let matched = 0;
  for (const [method, joinCondition] of byMethod) {
    const rows = await db
      .update(connectionReports)
      .set({
        supportSessionId: sql`${supportSessions.id}`,
        ticketId: sql`${supportSessions.ticketId}`,
        matchedBy: method,
        matchedAt: now,
      })
      .from(supportSessions)
      .where(
        and(
          eq(connectionReports.organisationId, organisationId),
          isNull(connectionReports.ticketId),
          eq(supportSessions.organisationId, organisationId),
          joinCondition,
          reportIds === undefined ? undefined : inArray(connectionReports.teamViewerReportId, [...reportIds]),
        ),
      )
      .returning({ id: connectionReports.id });
    matched += rows.length;
  }
  return matched;
}

export async function findConnectionReport(
  db: Db,
  organisationId: string,
  id: string,
): Promise<StoredConnectionReport | undefined> {
  const [row] = await db
    .select()
    .from(connectionReports)
    .where(and(eq(connectionReports.organisationId, organisationId), eq(connectionReports.id, id)));
  return row;
}

/** Keyset position in newest-first order. */
export interface ReportCursor {
  endDate: Date | null;
  id: string;
}

export interface UnmatchedReportQuery {
  organisationId: string;
  /** Only connections made by this TeamViewer user (a supporter's own). */
  teamViewerUserId?: string;
  after?: ReportCursor;
  limit: number;
}

/** Reports without a ticket, newest `end_date` first. */
export function listUnmatchedConnectionReports(
  db: Db,
  query: UnmatchedReportQuery,
): Promise<StoredConnectionReport[]> {
  const conditions: (SQL | undefined)[] = [
    eq(connectionReports.organisationId, query.organisationId),
    isNull(connectionReports.ticketId),
  ];
  if (query.teamViewerUserId !== undefined) {
    conditions.push(eq(connectionReports.teamViewerUserId, query.teamViewerUserId));
  }
  const after = query.after;
  if (after !== undefined) {
    // Reports without an end date sort last (NULLS LAST in descending order).
    conditions.push(
      after.endDate === null
        ? and(isNull(connectionReports.endDate), lt(connectionReports.id, after.id))
        : or(
            lt(connectionReports.endDate, after.endDate),
            and(eq(connectionReports.endDate, after.endDate), lt(connectionReports.id, after.id)),
            isNull(connectionReports.endDate),
          ),
    );
  }
  return db
    .select()
    .from(connectionReports)
    .where(and(...conditions))
    .orderBy(sql`${connectionReports.endDate} desc nulls last`, desc(connectionReports.id))
    .limit(query.limit);
}

/** A ticket's reports, newest first (the ticket's connection history). */
export function listTicketConnectionReports(db: Db, ticketId: string): Promise<StoredConnectionReport[]> {
  return db
    .select()
    .from(connectionReports)
    .where(eq(connectionReports.ticketId, ticketId))
    .orderBy(sql`${connectionReports.endDate} desc nulls last`, desc(connectionReports.id));
}

export async function attachConnectionReport(
  db: Db,
  values: { id: string; ticketId: string; now: Date },
): Promise<void> {
  await db
    .update(connectionReports)
    .set({ ticketId: values.ticketId, supportSessionId: null, matchedBy: "manual", matchedAt: values.now })
    .where(eq(connectionReports.id, values.id));
}

export type ReportFieldChanges = Partial<Pick<StoredConnectionReport, "notes" | "billingState" | "raw">>;

export async function updateConnectionReportFields(
  db: Db,
  id: string,
  changes: ReportFieldChanges,
): Promise<StoredConnectionReport | undefined> {
  const [row] = await db
    .update(connectionReports)
    .set(changes)
    .where(eq(connectionReports.id, id))
    .returning();
  return row;
}
