/**
 * Tickets, keyed by the helpdesk's own id within an organisation. Creating a session for a
 * ticket upserts it, so the helpdesk never has to register tickets first.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { tickets } from "../schema.js";

export type Ticket = typeof tickets.$inferSelect;

export interface TicketValues {
  organisationId: string;
  externalId: string;
  title: string;
  url: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
}

/**
 * Inserts the ticket or refreshes its details, in one statement so two concurrent first
 * sessions of a ticket cannot create it twice. A session created for a closed ticket reopens it:
 * the helpdesk is working on it again.
 */
export async function upsertTicket(db: Db, values: TicketValues, now: Date): Promise<Ticket> {
  const { title, url, requesterName, requesterEmail } = values;
  const [ticket] = await db
    .insert(tickets)
    .values({ ...values, status: "open", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [tickets.organisationId, tickets.externalId],
      set: { title, url, requesterName, requesterEmail, status: "open", closedAt: null, updatedAt: now },
    })
    .returning();
  if (ticket === undefined) throw new Error("upsert into tickets returned no row");
  return ticket;
}

export async function findTicketByExternalId(
  db: Db,
  organisationId: string,
  externalId: string,
): Promise<Ticket | undefined> {
  const [ticket] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.organisationId, organisationId), eq(tickets.externalId, externalId)));
  return ticket;
}

export async function findTicketById(db: Db, id: string): Promise<Ticket | undefined> {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, id));
  return ticket;
}

export async function markTicketClosed(db: Db, id: string, now: Date): Promise<Ticket | undefined> {
  const [ticket] = await db
    .update(tickets)
    .set({ status: "closed", closedAt: now, updatedAt: now })
    .where(eq(tickets.id, id))
    .returning();
  return ticket;
}
