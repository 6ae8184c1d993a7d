/**
 * What the live desk (src/live/) reads: a cheap revision per organisation that moves whenever
 * something a session page, the session list or Home shows may have changed, the customers
 * waiting right now, and which browser sessions are still signed in. See
 * docs/adr/0029-live-desk-by-polling-revisions.md for why polling these beats the outbox.
 */
import { and, asc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { connectionReports, embedSessions, supportSessions, tickets, users, webSessions } from "../schema.js";

/** Closed sessions whose connection reports may still arrive stay "live" this long. */
export const liveAfterCloseMs = 24 * 60 * 60_000;

/**
 * One opaque revision per organisation asked about (absent when it has no live session): the
 * number of live sessions (open, or closed within `liveAfterCloseMs`), the sum of their
 * versions (every update bumps one), how many of them are past `valid_until` (expiry is a
 * matter of time, not of a write) and how many connection reports their tickets have. Cost:
 * one statement per call, proportional to the live sessions of those organisations and their
 * reports, never to the history.
 */
export async function readDeskRevisions(
  db: Db,
  values: { organisationIds: readonly string[]; now: Date },
): Promise<Map<string, string>> {
  if (values.organisationIds.length === 0) return new Map();
  const now = sql`${values.now.toISOString()}::timestamptz`;
  const closedSince = sql`${new Date(values.now.getTime() - liveAfterCloseMs).toISOString()}::timestamptz`;
  const reportCount = sql<number>`(select count(*) from ${connectionReports} where ${connectionReports.ticketId} = ${supportSessions.ticketId})`;
  const rows = await db
    .select({
      organisationId: supportSessions.organisationId,
      revision: sql<string>`count(*) || '.' || sum(${supportSessions.version}) || '.' || count(*) filter (where ${supportSessions.validUntil} <= ${now}) || '.' || sum(${reportCount})`,
    })
    .from(supportSessions)
    .where(
      and(
        inArray(supportSessions.organisationId, [...values.organisationIds]),
        or(eq(supportSessions.state, "open"), gt(supportSessions.closedAt, closedSince)),
      ),
    )
    .groupBy(supportSessions.organisationId);
  return new Map(rows.map((row) => [row.organisationId, String(row.revision)]));
}

export interface WaitingCustomerRow {
  sessionId: string;
  ticketTitle: string;
  ticketExternalId: string;
  customerWaitingSince: Date | null;
}

/**
 * Open, still valid sessions whose customer is waiting, longest wait first; only those assigned
 * to `assignedUserId` when given.
 */
export async function listWaitingCustomerRows(
  db: Db,
  query: { organisationId: string; assignedUserId?: string; now: Date; limit: number },
): Promise<WaitingCustomerRow[]> {
  return db
    .select({
      sessionId: supportSessions.id,
      ticketTitle: tickets.title,
      ticketExternalId: tickets.externalId,
      customerWaitingSince: supportSessions.customerWaitingSince,
    })
    .from(supportSessions)
    .innerJoin(tickets, eq(tickets.id, supportSessions.ticketId))
    .where(
      and(
        eq(supportSessions.organisationId, query.organisationId),
        query.assignedUserId === undefined
          ? undefined
          : eq(supportSessions.assignedUserId, query.assignedUserId),
        eq(supportSessions.state, "open"),
        eq(supportSessions.isOnline, true),
        gt(supportSessions.validUntil, query.now),
      ),
    )
    .orderBy(sql`${supportSessions.customerWaitingSince} asc nulls last`, asc(supportSessions.createdAt))
    .limit(query.limit);
}

/** How many connection reports a ticket has (the session page's "Connections"). */
export async function countTicketReports(db: Db, ticketId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(connectionReports)
    .where(and(isNotNull(connectionReports.ticketId), eq(connectionReports.ticketId, ticketId)));
  return Number(row?.count ?? 0);
}

/**
 * Which of these sign-ins are still live: browser sessions (src/identity/web-sessions.ts) and the
 * ticket widget's embed sessions (src/embedding/embed-sessions.ts) alike, since a live stream may
 * serve either. Live means not signed out, within the absolute and idle timeouts (both kinds share
 * the idle timeout), and the user not disabled.
 */
export async function findSignedInWebSessionIds(
  db: Db,
  values: { ids: readonly string[]; now: Date; idleTimeoutMs: number },
): Promise<Set<string>> {
  if (values.ids.length === 0) return new Set();
  const idleSince = new Date(values.now.getTime() - values.idleTimeoutMs);
  const [browserRows, embedRows] = await Promise.all([
    db
      .select({ id: webSessions.id })
      .from(webSessions)
      .innerJoin(users, eq(users.id, webSessions.userId))
      .where(
        and(
          inArray(webSessions.id, [...values.ids]),
          gt(webSessions.expiresAt, values.now),
          gt(webSessions.lastSeenAt, idleSince),
          eq(users.isDisabled, false),
        ),
      ),
    db
      .select({ id: embedSessions.id })
      .from(embedSessions)
      .innerJoin(users, eq(users.id, embedSessions.userId))
      .where(
        and(
          inArray(embedSessions.id, [...values.ids]),
          gt(embedSessions.expiresAt, values.now),
          gt(embedSessions.lastSeenAt, idleSince),
          eq(users.isDisabled, false),
        ),
      ),
  ]);
  return new Set([...browserRows, ...embedRows].map((row) => row.id));
}
