/**
 * Session creates whose outcome is unknown (schema: `unsettled_session_creates`): recorded when
 * neither TeamViewer's answer nor the look-up after it said whether the session was made.
 */
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { unsettledSessionCreates } from "../schema.js";

export interface UnsettledCreate {
  correlationId: string;
  organisationId: string;
  supporterUserId: string;
}

export async function recordUnsettledCreate(db: Db, create: UnsettledCreate, now: Date): Promise<void> {
  await db
    .insert(unsettledSessionCreates)
    .values({ ...create, createdAt: now })
    .onConflictDoNothing({ target: unsettledSessionCreates.correlationId });
}

/** Whether `create` is an unsettled create of exactly that organisation and supporter. */
export async function isUnsettledCreateOf(db: Db, create: UnsettledCreate): Promise<boolean> {
  const rows = await db
    .select({ correlationId: unsettledSessionCreates.correlationId })
    .from(unsettledSessionCreates)
    .where(
      and(
        eq(unsettledSessionCreates.correlationId, create.correlationId),
        eq(unsettledSessionCreates.organisationId, create.organisationId),
        eq(unsettledSessionCreates.supporterUserId, create.supporterUserId),
      ),
    );
  return rows.length > 0;
}

/** When the unsettled create with `correlationId` was recorded, if it is one. */
export async function findUnsettledCreateTime(db: Db, correlationId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: unsettledSessionCreates.createdAt })
    .from(unsettledSessionCreates)
    .where(eq(unsettledSessionCreates.correlationId, correlationId));
  return row?.createdAt;
}

/** Forgets unsettled creates recorded before `cutoff`; returns how many. */
export async function deleteUnsettledCreatesBefore(db: Db, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(unsettledSessionCreates)
    .where(lt(unsettledSessionCreates.createdAt, cutoff))
    .returning({ correlationId: unsettledSessionCreates.correlationId });
  return deleted.length;
}
