/** The demo outbox: e-mails kept instead of sent (demo mode without SMTP). */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { mailOutbox } from "../schema.js";

export type OutboxMessage = typeof mailOutbox.$inferSelect;

export async function insertOutboxMessage(
  db: Db,
  values: Omit<typeof mailOutbox.$inferInsert, "id">,
): Promise<void> {
  await db.insert(mailOutbox).values(values);
}

/** Newest first; the outbox is a demo aid, so a fixed window is enough. */
export function listOutboxMessages(db: Db, organisationId: string, limit = 100): Promise<OutboxMessage[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.organisationId, organisationId))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
}

export async function findOutboxMessage(
  db: Db,
  organisationId: string,
  id: string,
): Promise<OutboxMessage | undefined> {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organisationId, organisationId), eq(mailOutbox.id, id)));
  return row;
}
