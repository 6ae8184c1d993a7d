/** The record of every invitation e-mail sent for a session (issue 5, "Invitations by e-mail"). */
import { and, desc, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.js";
import type { Db } from "../open-database.js";
import { type InvitationStatus, sessionInvitations } from "../schema.js";

export type SessionInvitation = Omit<typeof sessionInvitations.$inferSelect, "locale"> & { locale: Locale };

export type NewSessionInvitation = Omit<typeof sessionInvitations.$inferInsert, "id" | "locale"> & {
  locale: Locale;
  status: InvitationStatus;
};

export async function insertSessionInvitation(
  db: Db,
  values: NewSessionInvitation,
): Promise<SessionInvitation> {
  const [row] = await db.insert(sessionInvitations).values(values).returning();
  if (row === undefined) throw new Error("insert into session_invitations returned no row");
  return row as SessionInvitation;
}

/** Newest first. */
export async function listSessionInvitations(db: Db, sessionId: string): Promise<SessionInvitation[]> {
  const rows = await db
    .select()
    .from(sessionInvitations)
    .where(eq(sessionInvitations.sessionId, sessionId))
    .orderBy(desc(sessionInvitations.sentAt));
  return rows as SessionInvitation[];
}

export async function findSessionInvitation(
  db: Db,
  sessionId: string,
  id: string,
): Promise<SessionInvitation | undefined> {
  const [row] = await db
    .select()
    .from(sessionInvitations)
    .where(and(eq(sessionInvitations.sessionId, sessionId), eq(sessionInvitations.id, id)));
  return row as SessionInvitation | undefined;
}
