/**
 * Write-back rows (`helpdesk_writes`) and what was last written per connection report
 * (`helpdesk_report_writes`). The fan-out is called by the outbox's fan-out
 * (fanOutWebhookEvents), in its transaction, so an event reaches the helpdesk exactly when it
 * reaches webhooks: once.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import {
  type HelpdeskWriteState,
  helpdeskConnections,
  helpdeskReportWrites,
  helpdeskWrites,
  type WebhookEventType,
  webhookEvents,
} from "../schema.js";
import { organisationIsEnabled } from "./organisations.js";
import { forgetInvitationHelpdeskJoinUrl } from "./session-invitations.js";

/** The outbox events write-back acts on; the rest never reach a helpdesk. */
export const helpdeskEventTypes = [
  "session.created",
  "session.closed",
  "session.expired",
  "connection.reported",
  "connection.updated",
  "invitation.sent",
] as const satisfies readonly WebhookEventType[];
export type HelpdeskEventType = (typeof helpdeskEventTypes)[number];

export interface HelpdeskWriteRecord {
  id: string;
  organisationId: string;
  eventId: string;
  eventType: HelpdeskEventType;
  payload: Record<string, unknown>;
  ticketExternalId: string;
  state: HelpdeskWriteState;
  attemptCount: number;
  nextAttemptAt: Date;
  outcome: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const writeColumns = {
  id: helpdeskWrites.id,
  organisationId: helpdeskWrites.organisationId,
  eventId: helpdeskWrites.eventId,
  eventType: sql<HelpdeskEventType>`${helpdeskWrites.eventType}`,
  payload: helpdeskWrites.payload,
  ticketExternalId: helpdeskWrites.ticketExternalId,
  state: helpdeskWrites.state,
  attemptCount: helpdeskWrites.attemptCount,
  nextAttemptAt: helpdeskWrites.nextAttemptAt,
  outcome: helpdeskWrites.outcome,
  lastError: helpdeskWrites.lastError,
  createdAt: helpdeskWrites.createdAt,
  updatedAt: helpdeskWrites.updatedAt,
};

/**
 * Whether an organisation's helpdesk connection wants events of this type. `eventTypeJson` is the
 * type as a one-element JSON array (`["session.created"]`), as for endpointsSubscribedTo; both
 * may be placeholders. For `connection.reported` it wants only reports matched to a ticket, which
 * the caller filters (recordReportedConnections). It wants `invitation.sent` only while its
 * public replies are switched on: the event makes the invitation keep its join address.
 */
export function helpdeskWants(organisationId: unknown, eventTypeJson: unknown): SQL {
  return sql`(exists (select 1 from ${helpdeskConnections} where ${helpdeskConnections.organisationId} = ${organisationId} and (${helpdeskConnections.writesInvitationReplies} or not ${eventTypeJson}::jsonb @> '["invitation.sent"]'::jsonb)) and ${JSON.stringify(helpdeskEventTypes)}::jsonb @> ${eventTypeJson}::jsonb)`;
}

/**
 * One write per given event that the organisation's helpdesk connection receives: of a type
 * write-back acts on, about a ticket, and recorded after the connection was set up; an
 * invitation only while public replies are switched on.
 */
export async function fanOutHelpdeskWrites(tx: Db, eventIds: readonly string[], now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into ${helpdeskWrites} (organisation_id, event_id, event_type, payload, ticket_external_id, state, next_attempt_at, created_at, updated_at)
    select e.organisation_id, e.id, e.type, e.payload, e.payload #>> '{ticket,externalId}', 'pending', ${at}, e.created_at, ${at}
    from ${webhookEvents} e
    join ${helpdeskConnections} h on h.organisation_id = e.organisation_id
    where e.id in ${[...eventIds]}
      and e.type in ${[...helpdeskEventTypes]}
      and h.created_at <= e.created_at
      and (e.type <> 'invitation.sent' or h.writes_invitation_replies)
      and e.payload #>> '{ticket,externalId}' is not null
    on conflict (event_id) do nothing`);
}

/**
 * Leases up to `limit` due writes to `holder`. Only the oldest pending write of each ticket is
 * due: a correction must follow the note it corrects, so one ticket's writes go in order.
 */
export async function claimDueHelpdeskWrites(
  db: Db,
  values: { holder: string; now: Date; lockedUntil: Date; limit: number },
): Promise<HelpdeskWriteRecord[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: helpdeskWrites.id })
      .from(helpdeskWrites)
      .where(
        and(
          eq(helpdeskWrites.state, "pending"),
          lte(helpdeskWrites.nextAttemptAt, values.now),
          or(isNull(helpdeskWrites.lockedUntil), lte(helpdeskWrites.lockedUntil, values.now)),
          organisationIsEnabled(helpdeskWrites.organisationId),
          sql`not exists (
            select 1 from ${helpdeskWrites} earlier
            where earlier.organisation_id = ${helpdeskWrites.organisationId}
              and earlier.ticket_external_id = ${helpdeskWrites.ticketExternalId}
              and earlier.state = 'pending'
              and (earlier.created_at, earlier.id) < (${helpdeskWrites.createdAt}, ${helpdeskWrites.id}))`,
        ),
      )
      .orderBy(asc(helpdeskWrites.nextAttemptAt))
      .limit(values.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(helpdeskWrites)
      .set({ lockedUntil: values.lockedUntil, lockedBy: values.holder, updatedAt: values.now })
      .where(
        inArray(
          helpdeskWrites.id,
          due.map((row) => row.id),
        ),
      )
      .returning(writeColumns);
  });
}

export interface HelpdeskWriteOutcome {
  state: HelpdeskWriteState;
  nextAttemptAt: Date;
  outcome: string | null;
  lastError: string | null;
}

/**
 * Records an attempt's outcome while `holder` still holds the lease, together with what was
 * written for a connection report; returns false (and records nothing) when the lease was lost.
 */
export async function finishHelpdeskWrite(
  db: Db,
  values: {
    writeId: string;
    holder: string;
    outcome: HelpdeskWriteOutcome;
    reportWrite?: HelpdeskReportWrite | undefined;
    /** An invitation whose reply is now on the ticket: its kept join address is dropped. */
    repliedInvitationId?: string | undefined;
    now: Date;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(helpdeskWrites)
      .set({
        ...values.outcome,
        attemptCount: sql`${helpdeskWrites.attemptCount} + 1`,
        lockedUntil: null,
        lockedBy: null,
        updatedAt: values.now,
      })
      .where(and(eq(helpdeskWrites.id, values.writeId), eq(helpdeskWrites.lockedBy, values.holder)))
      .returning({ id: helpdeskWrites.id });
    if (updated === undefined) return false;
    if (values.reportWrite !== undefined) {
      const { organisationId, connectionReportId, ...written } = values.reportWrite;
      await tx
        .insert(helpdeskReportWrites)
        .values({ ...values.reportWrite, updatedAt: values.now })
        .onConflictDoUpdate({
          target: [helpdeskReportWrites.organisationId, helpdeskReportWrites.connectionReportId],
          set: { ...written, updatedAt: values.now },
        });
    }
    if (values.repliedInvitationId !== undefined) {
      await forgetInvitationHelpdeskJoinUrl(tx, values.repliedInvitationId);
    }
    return true;
  });
}

/** Another try from now on, with a full retry schedule (a re-send from the page or the API). */
export async function requeueHelpdeskWrite(
  db: Db,
  values: { organisationId: string; writeId: string; now: Date },
): Promise<HelpdeskWriteRecord | undefined> {
  const [row] = await db
    .update(helpdeskWrites)
    .set({
      state: "pending",
      attemptCount: 0,
      nextAttemptAt: values.now,
      lockedUntil: null,
      lockedBy: null,
      updatedAt: values.now,
    })
    .where(
      and(eq(helpdeskWrites.organisationId, values.organisationId), eq(helpdeskWrites.id, values.writeId)),
    )
    .returning(writeColumns);
  return row;
}

/** The organisation's writes, newest first, `limit` at a time before `before` (a created-at cursor). */
export async function listHelpdeskWrites(
  db: Db,
  values: { organisationId: string; limit: number; before?: Date | undefined },
): Promise<HelpdeskWriteRecord[]> {
  return db
    .select(writeColumns)
    .from(helpdeskWrites)
    .where(
      and(
        eq(helpdeskWrites.organisationId, values.organisationId),
        values.before === undefined ? undefined : lt(helpdeskWrites.createdAt, values.before),
      ),
    )
    .orderBy(desc(helpdeskWrites.createdAt), desc(helpdeskWrites.id))
    .limit(values.limit);
}

export async function findHelpdeskWrite(
  db: Db,
  organisationId: string,
  writeId: string,
): Promise<HelpdeskWriteRecord | undefined> {
  const [row] = await db
    .select(writeColumns)
    .from(helpdeskWrites)
    .where(and(eq(helpdeskWrites.organisationId, organisationId), eq(helpdeskWrites.id, writeId)));
  return row;
}

/** How many of the organisation's writes are in each state. */
export async function countHelpdeskWrites(
  db: Db,
  organisationId: string,
): Promise<Record<HelpdeskWriteState, number>> {
  const rows = await db
    .select({ state: helpdeskWrites.state, count: sql<number>`count(*)::int` })
    .from(helpdeskWrites)
    .where(eq(helpdeskWrites.organisationId, organisationId))
    .groupBy(helpdeskWrites.state);
  const counts: Record<HelpdeskWriteState, number> = { pending: 0, done: 0, failed: 0, stopped: 0 };
  for (const row of rows) counts[row.state] = row.count;
  return counts;
}

export interface HelpdeskReportWrite {
  organisationId: string;
  connectionReportId: string;
  ticketExternalId: string;
  billableMinutes: number;
  billingState: string;
  notes: string;
}

export async function findHelpdeskReportWrite(
  db: Db,
  organisationId: string,
  connectionReportId: string,
): Promise<HelpdeskReportWrite | undefined> {
  const [row] = await db
    .select({
      organisationId: helpdeskReportWrites.organisationId,
      connectionReportId: helpdeskReportWrites.connectionReportId,
      ticketExternalId: helpdeskReportWrites.ticketExternalId,
      billableMinutes: helpdeskReportWrites.billableMinutes,
      billingState: helpdeskReportWrites.billingState,
      notes: helpdeskReportWrites.notes,
    })
    .from(helpdeskReportWrites)
    .where(
      and(
        eq(helpdeskReportWrites.organisationId, organisationId),
        eq(helpdeskReportWrites.connectionReportId, connectionReportId),
      ),
    );
  return row;
}
