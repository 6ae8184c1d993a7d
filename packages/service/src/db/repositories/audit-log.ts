/**
 * Inserts and reads of the append-only audit log. There is deliberately no update or delete
 * here; the database trigger would refuse them anyway.
 */
import { and, asc, count, desc, eq, gt, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { auditLog } from "../schema.js";

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = Omit<typeof auditLog.$inferInsert, "id">;

export async function insertAuditLogRow(db: Db, row: NewAuditLogRow): Promise<AuditLogRow> {
  const [inserted] = await db.insert(auditLog).values(row).returning();
  if (inserted === undefined) throw new Error("insert into audit_log returned no row");
  return inserted;
}

export interface AuditLogFilter {
  /** Required: audit entries are always read within one organisation. */
  organisationId: string;
  action?: string;
  actorUserId?: string;
  /** Inclusive lower bound on occurredAt. */
  from?: Date;
  /** Exclusive upper bound on occurredAt. */
  to?: Date;
}

/** Keyset paging on the id sequence: stable while new entries keep arriving. */
export type AuditLogPage =
  | { order: "newest-first"; beforeId?: number; limit: number }
  | { order: "oldest-first"; afterId?: number; limit: number };

export function selectAuditLogRows(
  db: Db,
  filter: AuditLogFilter,
  page: AuditLogPage,
): Promise<AuditLogRow[]> {
  const conditions: SQL[] = [eq(auditLog.organisationId, filter.organisationId)];
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId !== undefined) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from !== undefined) conditions.push(gte(auditLog.occurredAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(auditLog.occurredAt, filter.to));
  if (page.order === "newest-first" && page.beforeId !== undefined)
    conditions.push(lt(auditLog.id, page.beforeId));
  if (page.order === "oldest-first" && page.afterId !== undefined)
    conditions.push(gt(auditLog.id, page.afterId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(page.order === "newest-first" ? desc(auditLog.id) : asc(auditLog.id))
    .limit(page.limit);
}

/**
 * Failed logins since `since` from one IP address or for one e-mail address (as typed, lower
 * case), not counting attempts that were refused by the throttle itself: those must not keep
 * a legitimate user locked out for as long as an attacker keeps trying.
 */
export async function countRecentLoginFailures(
  db: Db,
  options: { since: Date; by: { ip: string } | { email: string } },
): Promise<number> {
  const details = sql<string>`${auditLog.details}->>'reason'`;
  const subject =
    "ip" in options.by
      ? eq(auditLog.ip, options.by.ip)
      : eq(sql`${auditLog.details}->>'email'`, options.by.email);
  const [row] = await db
    .select({ total: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "login.failed"),
        gte(auditLog.occurredAt, options.since),
        ne(details, "throttled"),
        subject,
      ),
    );
  return row?.total ?? 0;
}

/**
 * Whether `action` on `targetId` was already recorded during one browser sign-in (the entry's
 * `details.webSessionId`), so a page shown again need not record it again.
 */
export async function hasAuditEntryInWebSession(
  db: Db,
  options: { organisationId: string; action: string; targetId: string; webSessionId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organisationId, options.organisationId),
        eq(auditLog.action, options.action),
        eq(auditLog.targetId, options.targetId),
        eq(sql`${auditLog.details}->>'webSessionId'`, options.webSessionId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
