/**
 * The support sessions whose connection reports may still arrive: the codes the freshness poll
 * asks TeamViewer about (src/reports/poll-session-codes.ts).
 */
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { supportSessions } from "../schema.js";

export interface AwaitingReportsQuery {
  organisationId: string;
  /** Only sessions this user created or is assigned to (a user's own sync account). */
  userId?: string;
  /** Open sessions valid after this instant, and closed ones closed after it, count. */
  since: Date;
  limit: number;
}

export async function listSessionCodesAwaitingReports(
  db: Db,
  query: AwaitingReportsQuery,
): Promise<string[]> {
  const rows = await db
    .select({ code: supportSessions.code })
    .from(supportSessions)
    .where(
      and(
        eq(supportSessions.organisationId, query.organisationId),
        query.userId === undefined
          ? undefined
          : or(
              eq(supportSessions.createdByUserId, query.userId),
              eq(supportSessions.assignedUserId, query.userId),
            ),
        or(
          and(eq(supportSessions.state, "open"), gt(supportSessions.validUntil, query.since)),
          and(eq(supportSessions.state, "closed"), gt(supportSessions.closedAt, query.since)),
        ),
      ),
    )
    .orderBy(asc(supportSessions.createdAt))
    .limit(query.limit);
  return rows.map((row) => row.code);
}
