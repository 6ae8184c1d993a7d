import { and, asc, count, eq, isNotNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { organisations, supportSessions, users } from "../schema.js";

export type Organisation = typeof organisations.$inferSelect;

/** An organisation as the operator lists it: how many people and support sessions it has. */
export interface OrganisationSummary extends Organisation {
  userCount: number;
  sessionCount: number;
}

export async function createOrganisation(db: Db, values: { name: string }): Promise<Organisation> {
  const [organisation] = await db.insert(organisations).values(values).returning();
  if (organisation === undefined) throw new Error("insert into organisations returned no row");
  return organisation;
}

export async function findOrganisationById(db: Db, id: string): Promise<Organisation | undefined> {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, id));
  return organisation;
}

/** Case-insensitive: the operator's commands keep names unique in any letter case. */
export async function findOrganisationByName(db: Db, name: string): Promise<Organisation | undefined> {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(sql`lower(${organisations.name})`, name.toLowerCase()));
  return organisation;
}

/** True once `attendant orgs disable` stopped it; false for an enabled or unknown organisation. */
export async function isOrganisationDisabled(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNotNull(organisations.disabledAt)));
  return row !== undefined;
}

/**
 * A condition for the background jobs' queries (report sync, status watch, helpdesk write-back,
 * webhook deliveries): the row's organisation is not disabled. Its work then waits, unchanged,
 * and is picked up again once the organisation is enabled.
 */
export function organisationIsEnabled(organisationId: SQLWrapper): SQL {
  return sql`not exists (select 1 from ${organisations} where ${organisations.id} = ${organisationId} and ${organisations.disabledAt} is not null)`;
}

/** Sets or clears `disabled_at`; undefined when there is no such organisation. */
export async function setOrganisationDisabledAt(
  db: Db,
  id: string,
  disabledAt: Date | null,
): Promise<Organisation | undefined> {
  const [organisation] = await db
    .update(organisations)
    .set({ disabledAt })
    .where(eq(organisations.id, id))
    .returning();
  return organisation;
}

/** The oldest organisation: while Attendant serves one organisation, that is the one. */
export async function findFirstOrganisation(db: Db): Promise<Organisation | undefined> {
  const [organisation] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return organisation;
}

/** Oldest first, so the installation's first organisation leads. */
export function listOrganisationSummaries(db: Db): Promise<OrganisationSummary[]> {
  const userCounts = db
    .select({ organisationId: users.organisationId, total: count().as("user_total") })
    .from(users)
    .groupBy(users.organisationId)
    .as("user_counts");
  const sessionCounts = db
    .select({ organisationId: supportSessions.organisationId, total: count().as("session_total") })
    .from(supportSessions)
    .groupBy(supportSessions.organisationId)
    .as("session_counts");
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      createdAt: organisations.createdAt,
      disabledAt: organisations.disabledAt,
      closesExpiredSessions: organisations.closesExpiredSessions,
      timeZone: organisations.timeZone,
      userCount: sql<number>`coalesce(${userCounts.total}, 0)::int`,
      sessionCount: sql<number>`coalesce(${sessionCounts.total}, 0)::int`,
    })
    .from(organisations)
    .leftJoin(userCounts, eq(userCounts.organisationId, organisations.id))
    .leftJoin(sessionCounts, eq(sessionCounts.organisationId, organisations.id))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
}

export async function renameOrganisation(
  db: Db,
  id: string,
  name: string,
): Promise<Organisation | undefined> {
  const [organisation] = await db
    .update(organisations)
    .set({ name })
    .where(eq(organisations.id, id))
    .returning();
  return organisation;
}

/** Whether the organisation's sessions are closed at TeamViewer once past their validity. */
export async function setClosesExpiredSessions(
  db: Db,
  id: string,
  closesExpiredSessions: boolean,
): Promise<Organisation | undefined> {
  const [organisation] = await db
    .update(organisations)
    .set({ closesExpiredSessions })
    .where(eq(organisations.id, id))
    .returning();
  return organisation;
}

/** Row lock until the transaction ends; serialises changes that check organisation-wide rules. */
export async function lockOrganisation(db: Db, id: string): Promise<void> {
  await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for("update");
}
