/** An organisation's billing rules (one row, absent until an admin saves them). */
import { eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { billingRules } from "../schema.js";

export type StoredBillingRules = typeof billingRules.$inferSelect;

export async function findBillingRules(
  db: Db,
  organisationId: string,
): Promise<StoredBillingRules | undefined> {
  const [row] = await db.select().from(billingRules).where(eq(billingRules.organisationId, organisationId));
  return row;
}

export async function saveBillingRules(
  db: Db,
  values: {
    organisationId: string;
    roundingIncrementMinutes: number;
    minimumBillableMinutes: number;
    updatedByUserId: string | null;
  },
  now: Date,
): Promise<void> {
  const changes = {
    roundingIncrementMinutes: values.roundingIncrementMinutes,
    minimumBillableMinutes: values.minimumBillableMinutes,
    updatedByUserId: values.updatedByUserId,
    updatedAt: now,
  };
  await db
    .insert(billingRules)
    .values({ organisationId: values.organisationId, ...changes })
    .onConflictDoUpdate({ target: billingRules.organisationId, set: changes });
}
