/**
 * Stored connection reports: the page upsert of the sync, matching to support sessions and
 * tickets, the unmatched list, and the changes people make (manual attach, accepted write-back).
 */
import {
  and,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "../open-database.js";
import { preparedStatement } from "../prepared-query.js";
import { connectionReports, type ReportMatchMethod, supportSessions, tickets } from "../schema.js";

export type StoredConnectionReport = typeof connectionReports.$inferSelect;

/** The billing state whose records keep their billable minutes (reports/billable-minutes.ts). */
export const billedState = "Billed";

/** What the sync writes for one record; matching and first/last seen are the repository's. */
export type ConnectionReportValues = Omit<
  typeof connectionReports.$inferInsert,
  | "id"
  | "supportSessionId"
  | "ticketId"
  | "matchedBy"
  | "matchedAt"
  | "firstSeenAt"
  | "lastSeenAt"
  | "billedMinutes"
>;

/** The columns the sync writes for each record, in one fixed order. */
const writtenColumns = Object.entries(getTableColumns(connectionReports))
  .filter(
    ([key]) =>
      !["id", "supportSessionId", "ticketId", "matchedBy", "matchedAt", "billedMinutes"].includes(key),
  )
  .map(([key, column]) => ({ key, name: column.name, type: column.getSQLType() }));

/** What a re-seen record overwrites: everything TeamViewer owns, plus who saw it and when. */
const overwrittenColumns = writtenColumns.filter(
  (column) => !["organisationId", "teamViewerReportId", "firstSeenAt"].includes(column.key),
);

/**
 * The columns each row of a page carries, keyed in the JSON by their position (`c0`, `c1`, …)
 * instead of their names, with empty fields left out; first and last seen, the same time for the
 * whole page, are one parameter of the statement instead of two values in every row. The page's
 * text is what PGlite pays for first: getting a 1000-row page into WebAssembly PostgreSQL was ~40
 * of the statement's ~165 ms, and full names with the seen times in every row made it ~1.22 MB.
 * Organisation and sync account stay per row, as a caller may mix them in one page.
 */
const rowColumns = writtenColumns
  .filter(({ key }) => key !== "firstSeenAt" && key !== "lastSeenAt")
  .map((column, position) => ({ ...column, field: `c${position}` }));

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
  await executeReportUpsert(db, prepareReportUpsert(records, now));
}

/** A page's upsert with its parameters already serialised (most of a megabyte for a full page). */
export interface PreparedReportUpsert {
  /** The rows, keyed as in `rowColumns`; undefined for an empty page. */
  readonly pageJson: string | undefined;
  /** The page's first and last seen time, as an ISO string. */
  readonly seenAt: string;
}

/**
 * The CPU half of {@link upsertConnectionReports}: the sync prepares the next page's statement
 * while the database is still busy with the current one (run-account-turn.ts).
 */
export function prepareReportUpsert(
  records: readonly ConnectionReportValues[],
  now: Date,
): PreparedReportUpsert {
  const seenAt = now.toISOString();
  if (records.length === 0) return { pageJson: undefined, seenAt };
  // One statement may not touch a row twice: keep the last copy of an id a page repeats.
  const unique = [...new Map(records.map((record) => [record.teamViewerReportId, record])).values()];
  // A plain loop into one object per row: a spread and Object.fromEntries per row took as long
  // as the database's insert on PGlite.
  const rows = unique.map((record) => {
    const values = record as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const { key, field } of rowColumns) {
      // A key left out reads as null in jsonb_to_recordset: TeamViewer leaves many fields empty.
      const value = values[key];
      if (value !== null && value !== undefined) row[field] = value;
    }
    return row;
  });
  return { pageJson: withoutNulCharacters(JSON.stringify(rows)), seenAt };
}

/**
 * PostgreSQL's text and jsonb cannot hold U+0000. A note or feedback comment typed with one would
 * fail its whole page on every try and stop the account's sync for good, so it is stored as
 * U+FFFD, the replacement character. JSON.stringify writes U+0000 as the escape `\u0000`; one
 * preceded by an odd number of backslashes is the text "\u0000" itself and stays.
 */
function withoutNulCharacters(json: string): string {
  if (!json.includes("\\u0000")) return json;
  return json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd");
}

const insertedColumns = sql.raw(
  [...rowColumns, connectionReports.firstSeenAt, connectionReports.lastSeenAt]
    .map(({ name }) => `"${name}"`)
    .join(", "),
);
const selectedFields = sql.raw([...rowColumns.map(({ field }) => field), "seen_at", "seen_at"].join(", "));
const recordType = sql.raw(rowColumns.map(({ field, type }) => `${field} ${type}`).join(", "));
// A record that stays `Billed` keeps the minutes it was billed with; one that leaves it loses them.
const updates = sql.raw(
  [
    ...overwrittenColumns.map(({ name }) => `"${name}" = excluded."${name}"`),
    `"billed_minutes" = case when excluded."billing_state" = '${billedState}' then "connection_reports"."billed_minutes" end`,
  ].join(", "),
);

export async function executeReportUpsert(db: Db, prepared: PreparedReportUpsert): Promise<void> {
  if (prepared.pageJson === undefined) return;
  // The seen time joins every row from a one-row subquery: one parameter for both columns.
  await db.execute(sql`
    insert into ${connectionReports} (${insertedColumns})
    select ${selectedFields}
    from jsonb_to_recordset(${prepared.pageJson}::jsonb) as page(${recordType}),
      (select ${prepared.seenAt}::timestamptz as seen_at) as seen
    on conflict (organisation_id, teamviewer_report_id) do update set ${updates}`);
}

/** A report the match just linked to a session: when its connection began. */
export interface MatchedReport {
  supportSessionId: string;
  startDate: Date | null;
}

/**
 * Links unmatched reports of the organisation to their support session (and so its ticket):
 * first by `custom_api = attendant:<correlation id>`, which we set ourselves, then by session
 * code. `reportIds` (TeamViewer ids) narrows it to one page. Returns the reports it linked.
 */
export async function matchConnectionReports(
  db: Db,
  organisationId: string,
  now: Date,
  reportIds?: readonly string[],
): Promise<MatchedReport[]> {
  const byMethod: [ReportMatchMethod, SQL][] = [
    [
      "custom_api",
      sql`${connectionReports.customApi} = 'attendant:' || ${supportSessions.correlationId}::text`,
    ],
    ["session_code", eq(connectionReports.sessionCode, supportSessions.code)],
  ];
  const matched: MatchedReport[] = [];
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
          reportIds === undefined
            ? undefined
            : sql`${connectionReports.teamViewerReportId} = any(${sql.param(reportIds)}::text[])`,
        ),
      )
      .returning({ supportSessionId: supportSessions.id, startDate: connectionReports.startDate });
    matched.push(...rows);
  }
  return matched;
}

/** What `findMatchableReportIds` needs of a record. */
export interface MatchableReport {
  teamViewerReportId: string;
  customApi?: string | null | undefined;
  sessionCode?: string | null | undefined;
}

const correlationPrefix = "attendant:";
const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The ids among `reports` that `matchConnectionReports` could link: those whose correlation id
 * or session code belongs to one of the organisation's support sessions. One indexed lookup
 * (both columns are unique), so a page of history that matches nothing skips the two joined
 * updates. Only the canonical lower-case form of a correlation id is looked up, because only
 * that form equals `'attendant:' || correlation_id::text` in the matching update.
 */
export async function findMatchableReportIds(
  db: Db,
  organisationId: string,
  reports: readonly MatchableReport[],
): Promise<string[]> {
  const correlationIds = new Set<string>();
  const codes = new Set<string>();
  for (const report of reports) {
    const correlationId = report.customApi?.startsWith(correlationPrefix)
      ? report.customApi.slice(correlationPrefix.length)
      : undefined;
    if (correlationId !== undefined && canonicalUuid.test(correlationId)) correlationIds.add(correlationId);
    if (report.sessionCode) codes.add(report.sessionCode);
  }
  if (correlationIds.size === 0 && codes.size === 0) return [];
  const sessions = await selectSessionsByCodeOrCorrelation(db).execute({
    organisationId,
    codes: [...codes],
    correlationIds: [...correlationIds],
  });
  if (sessions.length === 0) return [];
  const knownCodes = new Set(sessions.map((session) => session.code));
  const knownCorrelations = new Set(
    sessions.map((session) => `${correlationPrefix}${session.correlationId}`),
  );
  return reports
    .filter(
      (report) =>
        (report.sessionCode != null && knownCodes.has(report.sessionCode)) ||
        (report.customApi != null && knownCorrelations.has(report.customApi)),
    )
    .map((report) => report.teamViewerReportId);
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

/**
 * Report lists' order: newest `end_date` first, then by id; reports without an end date (which
 * TeamViewer should never send) come first. That is exactly the backward order of the
 * (organisation, end_date, id) and (ticket, end_date) indexes, so pages and exports walk an
 * index instead of sorting the organisation's history for every batch.
 */
export const newestFirst = [sql`${connectionReports.endDate} desc nulls first`, desc(connectionReports.id)];

/** The keyset condition for the rows after `after` in `newestFirst` order. */
export function olderThan(after: ReportCursor): SQL | undefined {
  // A row comparison, which an index range scan can use (an OR of conditions could not).
  return after.endDate === null
    ? or(
        and(isNull(connectionReports.endDate), lt(connectionReports.id, after.id)),
        isNotNull(connectionReports.endDate),
      )
    : sql`(${connectionReports.endDate}, ${connectionReports.id}) < (${after.endDate.toISOString()}::timestamptz, ${after.id}::uuid)`;
}

/** A ticket's reports, newest first (the ticket's connection history). */
export function listTicketConnectionReports(db: Db, ticketId: string): Promise<StoredConnectionReport[]> {
  return db
    .select()
    .from(connectionReports)
    .where(eq(connectionReports.ticketId, ticketId))
    .orderBy(...newestFirst);
}

export async function attachConnectionReport(
  db: Db,
  values: { id: string; ticketId: string; now: Date },
): Promise<StoredConnectionReport | undefined> {
  const [row] = await db
    .update(connectionReports)
    .set({ ticketId: values.ticketId, supportSessionId: null, matchedBy: "manual", matchedAt: values.now })
    .where(eq(connectionReports.id, values.id))
    .returning();
  return row;
}

export type ReportFieldChanges = Partial<
  Pick<StoredConnectionReport, "notes" | "billingState" | "billedMinutes" | "raw">
>;

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

// Every page of a sync asks this, with up to a thousand codes. The lists travel as one array
// parameter each, so the text is the same for every page: parsed and planned once (PGlite named
// statements, PostgreSQL prepared statements) instead of once per page (an `IN` list of a
// thousand parameters took ~17 ms a page on PGlite, on the thread that stores the pages).
const selectSessionsByCodeOrCorrelation = preparedStatement("find_matchable_sessions", (db, name) =>
  db
    .select({ code: supportSessions.code, correlationId: supportSessions.correlationId })
    .from(supportSessions)
    .where(
      and(
        eq(supportSessions.organisationId, sql.placeholder("organisationId")),
        or(
          sql`${supportSessions.code} = any(${sql.placeholder("codes")}::text[])`,
          sql`${supportSessions.correlationId} = any(${sql.placeholder("correlationIds")}::uuid[])`,
        ),
      ),
    )
    .prepare(name),
);

/** `Billed` records of the organisation whose billed minutes are not fixed yet: billed at TeamViewer. */
export async function listUnfixedBilledReports(
  db: Db,
  organisationId: string,
): Promise<{ id: string; durationSeconds: number | null }[]> {
  return db
    .select({ id: connectionReports.id, durationSeconds: connectionReports.durationSeconds })
    .from(connectionReports)
    .where(
      and(
        eq(connectionReports.organisationId, organisationId),
        eq(connectionReports.billingState, billedState),
        isNull(connectionReports.billedMinutes),
        isNotNull(connectionReports.durationSeconds),
      ),
    );
}

/** Fixes the billed minutes of records that are still `Billed` and have none yet. */
export async function fixBilledMinutes(
  db: Db,
  fixed: readonly { id: string; minutes: number }[],
): Promise<void> {
  if (fixed.length === 0) return;
  await db.execute(sql`
    update ${connectionReports} set "billed_minutes" = fixed.minutes
    from jsonb_to_recordset(${JSON.stringify(fixed)}::jsonb) as fixed(id uuid, minutes integer)
    where ${connectionReports.id} = fixed.id
      and ${connectionReports.billingState} = ${billedState}
      and ${connectionReports.billedMinutes} is null`);
}

/**
 * The reports among `teamViewerReportIds` that were first seen at `firstSeenAt` (new in that
 * sync page, not seen again), each with its ticket's external id when matched.
 */
export function findReportsFirstSeenAt(
  db: Db,
  values: { organisationId: string; teamViewerReportIds: readonly string[]; firstSeenAt: Date },
): Promise<{ report: StoredConnectionReport; ticketExternalId: string | null }[]> {
  return db
    .select({ report: connectionReports, ticketExternalId: tickets.externalId })
    .from(connectionReports)
    .leftJoin(tickets, eq(tickets.id, connectionReports.ticketId))
    .where(
      and(
        eq(connectionReports.organisationId, values.organisationId),
        inArray(connectionReports.teamViewerReportId, [...values.teamViewerReportIds]),
        eq(connectionReports.firstSeenAt, values.firstSeenAt),
      ),
    );
}
