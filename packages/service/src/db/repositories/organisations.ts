import { asc, eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { organisations } from "../schema.js";

export type Organisation = typeof organisations.$inferSelect;

export async function createOrganisation(db: Db, values: { name: string }): Promise<Organisation> {
  const [organisation] = await db.insert(organisations).values(values).returning();
  if (organisation === undefined) throw new Error("insert into organisations returned no row");
  return organisation;
}

export async function findOrganisationById(db: Db, id: string): Promise<Organisation | undefined> {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, id));
  return organisation;
}

/** The oldest organisation: while Attendant serves one organisation, that is the one. */
export async function findFirstOrganisation(db: Db): Promise<Organisation | undefined> {
  const [organisation] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return organisation;
}

/** Row lock until the transaction ends; serialises changes that check organisation-wide rules. */
export async function lockOrganisation(db: Db, id: string): Promise<void> {
  await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for("update");
}
