/** The record of every invitation e-mail sent for a session (issue 5, "Invitations by e-mail"). */
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.js";
import type { Db } from "../open-database.js";
import { type InvitationStatus, sessionInvitations } from "../schema.js";

export type SessionInvitation = Omit<typeof sessionInvitations.$inferSelect, "locale"> & { locale: Locale };

type NewSessionInvitation = Omit<typeof sessionInvitations.$inferInsert, "id" | "locale" | "status"> & {
  locale: Locale;
};

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

/** Records an invitation about to be sent; undefined when the same request was recorded already. */
export async function insertSendingInvitation(
  db: Db,
  values: NewSessionInvitation & {
    id: string;
    requestId: string;
    messageSealed: string;
    leaseExpiresAt: Date;
  },
): Promise<SessionInvitation | undefined> {
  const [row] = await db
    .insert(sessionInvitations)
    .values({ ...values, status: "sending" })
    .onConflictDoNothing({ target: [sessionInvitations.sessionId, sessionInvitations.requestId] })
    .returning();
  return row as SessionInvitation | undefined;
}

export async function findInvitationByRequest(
  db: Db,
  sessionId: string,
  requestId: string,
): Promise<SessionInvitation | undefined> {
  const [row] = await db
    .select()
    .from(sessionInvitations)
    .where(and(eq(sessionInvitations.sessionId, sessionId), eq(sessionInvitations.requestId, requestId)));
  return row as SessionInvitation | undefined;
}

/** Takes over a `sending` invitation whose sender's lease ended; undefined while another still holds it. */
export async function claimSendingInvitation(
  db: Db,
  id: string,
  now: Date,
  leaseExpiresAt: Date,
): Promise<SessionInvitation | undefined> {
  const [row] = await db
    .update(sessionInvitations)
    .set({ leaseExpiresAt })
    .where(
      and(
        eq(sessionInvitations.id, id),
        eq(sessionInvitations.status, "sending"),
        or(isNull(sessionInvitations.leaseExpiresAt), lt(sessionInvitations.leaseExpiresAt, now)),
      ),
    )
    .returning();
  return row as SessionInvitation | undefined;
}

/**
 * Ends sending: the outcome is kept, the sealed e-mail, the replaced hash and the lease go. The
 * join address stays sealed only when given as `helpdeskJoinUrlSealed`, for the helpdesk's reply.
 */
export async function settleInvitation(
  db: Db,
  id: string,
  outcome: {
    status: Exclude<InvitationStatus, "sending">;
    error?: string;
    sentAt: Date;
    helpdeskJoinUrlSealed?: string;
  },
): Promise<SessionInvitation> {
  const [row] = await db
    .update(sessionInvitations)
    .set({
      status: outcome.status,
      error: outcome.error ?? null,
      sentAt: outcome.sentAt,
      helpdeskJoinUrlSealed: outcome.helpdeskJoinUrlSealed ?? null,
      messageSealed: null,
      replacedJoinTokenHash: null,
      leaseExpiresAt: null,
    })
    .where(eq(sessionInvitations.id, id))
    .returning();
  if (row === undefined) throw new Error(`session invitation ${id} vanished while it was sent`);
  return row as SessionInvitation;
}

/** The sealed join address an invitation keeps for the helpdesk's reply; undefined once forgotten. */
export async function findInvitationHelpdeskJoinUrl(
  db: Db,
  organisationId: string,
  invitationId: string,
): Promise<{ sessionId: string; sealed: string } | undefined> {
  const [row] = await db
    .select({ sessionId: sessionInvitations.sessionId, sealed: sessionInvitations.helpdeskJoinUrlSealed })
    .from(sessionInvitations)
    .where(
      and(eq(sessionInvitations.organisationId, organisationId), eq(sessionInvitations.id, invitationId)),
    );
  return row === undefined || row.sealed === null
    ? undefined
    : { sessionId: row.sessionId, sealed: row.sealed };
}

/** Drops the join address kept for the helpdesk's reply, once the reply is on the ticket. */
export async function forgetInvitationHelpdeskJoinUrl(db: Db, invitationId: string): Promise<void> {
  await db
    .update(sessionInvitations)
    .set({ helpdeskJoinUrlSealed: null })
    .where(eq(sessionInvitations.id, invitationId));
}
