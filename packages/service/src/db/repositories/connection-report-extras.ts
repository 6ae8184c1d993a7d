/**
 * What connections left behind (chat transcripts, summaries, screenshot lists), one row per
 * report and kind, written once by the report's sync account (src/reports/fetch-connection-extras.ts).
 */
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import {
  type ConnectionExtraKind,
  type ConnectionExtraState,
  connectionExtraKinds,
  connectionReportExtras,
  connectionReports,
} from "../schema.js";

export interface ReportAwaitingExtras {
  /** Our row id. */
  id: string;
  teamViewerReportId: string;
  /** The kinds already stored; the others are still to be asked for. */
  storedKinds: ConnectionExtraKind[];
}

/**
 * The account's reports on a ticket that still miss a kind, newest first. Only reports on a
 * ticket: that is where the extras are shown, and a backfill of the whole history would cost
 * four calls per record.
 */
export function findReportsAwaitingExtras(
  db: Db,
  syncAccountId: string,
  limit: number,
): Promise<ReportAwaitingExtras[]> {
  const r = connectionReports;
  const e = connectionReportExtras;
  return db
    .select({
      id: r.id,
      teamViewerReportId: r.teamViewerReportId,
      storedKinds: sql<
        ConnectionExtraKind[]
      >`coalesce(array_agg(${e.kind}) filter (where ${e.kind} is not null), '{}')`,
    })
    .from(r)
    .leftJoin(e, eq(e.connectionReportId, r.id))
    .where(and(eq(r.syncAccountId, syncAccountId), isNotNull(r.ticketId)))
    .groupBy(r.id)
    .having(sql`count(${e.kind}) < ${connectionExtraKinds.length}`)
    .orderBy(desc(r.endDate), desc(r.id))
    .limit(limit);
}

/** Stores one extra; a kind is stored once per report, a second write of it changes nothing. */
export async function saveConnectionReportExtra(
  db: Db,
  extra: {
    connectionReportId: string;
    kind: ConnectionExtraKind;
    state: ConnectionExtraState;
    content: unknown;
    fetchedAt: Date;
  },
): Promise<void> {
  await db
    .insert(connectionReportExtras)
    .values({ ...extra, content: extra.content ?? null })
    .onConflictDoNothing();
}

/** The stored screenshot list of a report, for serving one image: only listed ids are fetched. */
export async function findStoredScreenshots(db: Db, connectionReportId: string): Promise<unknown> {
  const [row] = await db
    .select({ content: connectionReportExtras.content })
    .from(connectionReportExtras)
    .where(
      and(
        eq(connectionReportExtras.connectionReportId, connectionReportId),
        eq(connectionReportExtras.kind, "screenshots"),
        eq(connectionReportExtras.state, "available"),
      ),
    );
  return row?.content ?? null;
}
