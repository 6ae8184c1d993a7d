/**
 * Tickets, keyed by the helpdesk's own id within an organisation. Creating a session for a
 * ticket upserts it, so the helpdesk never has to register tickets first.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
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
 * Inserts the ticket or reopens it, in one statement so two concurrent first sessions of a
 * ticket cannot create it twice. A session created for a closed ticket reopens it: the helpdesk
 * is working on it again. An existing ticket keeps its title, and keeps its address and requester
 * where the new session leaves them out: a session names the ticket, it does not rewrite it.
 */
export async function upsertTicket(db: Db, values: TicketValues, now: Date): Promise<Ticket> {
  const [ticket] = await ticketUpsert(db, values, now).returning();
  if (ticket === undefined) throw new Error("upsert into tickets returned no row");
  return ticket;
}

/**
 * The statement of {@link upsertTicket}, without its `RETURNING`, for statements that embed it
 * (the one that stores a new session); the values may be placeholders of a prepared statement.
 */
export function ticketUpsert(
  db: Db,
  values: { [Key in keyof TicketValues]: TicketValues[Key] | SQL },
  now: Date | SQL,
) {
  return db
    .insert(tickets)
    .values({ ...values, status: "open", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [tickets.organisationId, tickets.externalId],
      set: {
        url: excludedOrKept(tickets.url),
        requesterName: excludedOrKept(tickets.requesterName),
        requesterEmail: excludedOrKept(tickets.requesterEmail),
        status: "open",
        closedAt: null,
        updatedAt: excluded(tickets.updatedAt),
      },
    });
}

/** The value the conflicting insert proposed for `column`. */
function excluded(column: PgColumn): SQL {
  return sql`excluded.${sql.identifier(column.name)}`;
}

/** The proposed value of `column`, or the stored one when the insert proposed none. */
function excludedOrKept(column: PgColumn): SQL {
  return sql`coalesce(${excluded(column)}, ${column})`;
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
