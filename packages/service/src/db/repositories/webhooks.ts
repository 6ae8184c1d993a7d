/**
 * Webhook endpoints, the event outbox, deliveries and attempts (issue 7). Signing secrets are
 * sealed by the vault with the endpoint id bound in; only `loadSigningSecrets` and the rotation
 * ever open them.
 *
 * Concurrency: the outbox is fanned out and deliveries are claimed with `FOR UPDATE SKIP
 * LOCKED`, and a claim sets a lease (`locked_until`, `locked_by`), so several service instances
 * never work on the same event or attempt the same delivery at once. Finishing an attempt is
 * conditional on still holding the lease.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { preparedStatement } from "../prepared-query.js";
import {
  organisations,
  type WebhookDeliveryState,
  type WebhookEventType,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "../schema.js";
import { fanOutHelpdeskWrites, helpdeskWants } from "./helpdesk-writes.js";
import { organisationIsEnabled } from "./organisations.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

const secretColumn = secretColumns.webhookSecret;
const previousSecretColumn = secretColumns.webhookPreviousSecret;

/** An endpoint as the application sees it: never its secrets. */
export interface WebhookEndpointRecord {
  id: string;
  organisationId: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  /** Until when the previous secret still signs; null when there is none (or it expired). */
  previousSecretExpiresAt: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const endpointColumns = {
  id: webhookEndpoints.id,
  organisationId: webhookEndpoints.organisationId,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  createdByUserId: webhookEndpoints.createdByUserId,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export async function insertWebhookEndpoint(
  db: Db,
  vault: SecretBox,
  values: {
    id: string;
    organisationId: string;
    url: string;
    description: string;
    eventTypes: WebhookEventType[];
    secret: string;
    createdByUserId: string | null;
    now: Date;
  },
): Promise<WebhookEndpointRecord> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: values.id,
      organisationId: values.organisationId,
      url: values.url,
      description: values.description,
      eventTypes: values.eventTypes,
      secretEncrypted: vault.encrypt(values.secret, bindingFor(secretColumn, values.id)),
      createdByUserId: values.createdByUserId,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning(endpointColumns);
  if (row === undefined) throw new Error("webhook endpoint insert returned no row");
  return row;
}

export async function findWebhookEndpoint(
  db: Db,
  organisationId: string,
  id: string,
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, organisationId), eq(webhookEndpoints.id, id)));
  return row;
}

export async function listWebhookEndpoints(db: Db, organisationId: string): Promise<WebhookEndpointRecord[]> {
  return db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organisationId, organisationId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export interface WebhookEndpointChanges {
  url?: string;
  description?: string;
  eventTypes?: WebhookEventType[];
  disabledAt?: Date | null;
  disabledReason?: string | null;
}

/**
 * Changes an endpoint; disabling it also cancels its pending deliveries (a disabled endpoint
 * gets nothing, and re-enabling it does not replay what happened meanwhile).
 */
export async function updateWebhookEndpoint(
  db: Db,
  values: { organisationId: string; id: string; changes: WebhookEndpointChanges; now: Date },
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...values.changes, updatedAt: values.now })
    .where(
      and(eq(webhookEndpoints.organisationId, values.organisationId), eq(webhookEndpoints.id, values.id)),
    )
    .returning(endpointColumns);
  if (row !== undefined && values.changes.disabledAt != null) {
    await cancelPendingDeliveries(db, row.id, values.now);
  }
  return row;
}

export async function deleteWebhookEndpoint(db: Db, organisationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, organisationId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return deleted.length === 1;
}

/**
 * Makes `nextSecret` the signing secret and keeps the current one signing until
 * `previousExpiresAt`. Runs under a row lock so two rotations at once cannot lose a secret.
 */
export async function rotateWebhookEndpointSecret(
  db: Db,
  vault: SecretBox,
  values: { organisationId: string; id: string; nextSecret: string; previousExpiresAt: Date; now: Date },
): Promise<WebhookEndpointRecord | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ sealed: webhookEndpoints.secretEncrypted })
      .from(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.organisationId, values.organisationId), eq(webhookEndpoints.id, values.id)),
      )
      .for("update");
    if (current === undefined) return undefined;
    const currentSecret = vault.decrypt(current.sealed, bindingFor(secretColumn, values.id));
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        secretEncrypted: vault.encrypt(values.nextSecret, bindingFor(secretColumn, values.id)),
        previousSecretEncrypted: vault.encrypt(currentSecret, bindingFor(previousSecretColumn, values.id)),
        previousSecretExpiresAt: values.previousExpiresAt,
        updatedAt: values.now,
      })
      .where(eq(webhookEndpoints.id, values.id))
      .returning(endpointColumns);
    return row;
  });
}

/** The secrets that sign a message now: the current one first, then an unexpired previous one. */
export async function loadSigningSecrets(
  db: Db,
  vault: SecretBox,
  endpointId: string,
  now: Date,
): Promise<string[]> {
  const [row] = await db
    .select({
      sealed: webhookEndpoints.secretEncrypted,
      previousSealed: webhookEndpoints.previousSecretEncrypted,
      previousExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId));
  if (row === undefined) return [];
  const secrets = [vault.decrypt(row.sealed, bindingFor(secretColumn, endpointId))];
  const isPreviousValid =
    row.previousSealed !== null &&
    row.previousExpiresAt !== null &&
    row.previousExpiresAt.getTime() > now.getTime();
  if (isPreviousValid && row.previousSealed !== null) {
    secrets.push(vault.decrypt(row.previousSealed, bindingFor(previousSecretColumn, endpointId)));
  }
  return secrets;
}

// ---- The outbox ----

/**
 * The organisation's enabled endpoints that receive an event type; `eventTypeJson` is the type
 * as a one-element JSON array (`["session.created"]`). Both may be placeholders.
 */
export function endpointsSubscribedTo(organisationId: unknown, eventTypeJson: unknown): SQL {
  return sql`${webhookEndpoints.organisationId} = ${organisationId} and ${webhookEndpoints.disabledAt} is null and (jsonb_array_length(${webhookEndpoints.eventTypes}) = 0 or ${webhookEndpoints.eventTypes} @> ${eventTypeJson}::jsonb)`;
}

/**
 * Whether anyone would receive an event of this type: an endpoint subscribed to it, or the
 * helpdesk connection's write-back. Both arguments may be placeholders.
 */
export function eventHasSubscriber(organisationId: unknown, eventTypeJson: unknown): SQL {
  return sql`(exists (select 1 from ${webhookEndpoints} where ${endpointsSubscribedTo(organisationId, eventTypeJson)}) or ${helpdeskWants(organisationId, eventTypeJson)})`;
}

export interface EventSubscribers {
  /** An enabled endpoint subscribed to the type. */
  endpoint: boolean;
  /** The helpdesk connection's write-back, which wants reports only when they have a ticket. */
  helpdesk: boolean;
}

// Asked for every page a report sync stores: prepared once (src/db/prepared-query.ts).
const selectEventSubscribers = preparedStatement("find_event_subscribers", (db, name) =>
  db
    .select({
      endpoint: sql<boolean>`exists (select 1 from ${webhookEndpoints} where ${endpointsSubscribedTo(sql.placeholder("organisationId"), sql.placeholder("eventTypes"))})`,
      helpdesk: sql<boolean>`${helpdeskWants(sql.placeholder("organisationId"), sql.placeholder("eventTypes"))}`,
    })
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder("organisationId")))
    .prepare(name),
);

/** Who would receive an event of `type` in the organisation (neither when it does not exist). */
export async function findEventSubscribers(
  db: Db,
  organisationId: string,
  type: WebhookEventType,
): Promise<EventSubscribers> {
  const [row] = await selectEventSubscribers(db).execute({
    organisationId,
    eventTypes: JSON.stringify([type]),
  });
  return { endpoint: row?.endpoint === true, helpdesk: row?.helpdesk === true };
}

export interface WebhookEventValues {
  id: string;
  organisationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Appends an event. With a deterministic id (an event that must be sent once, such as an
 * expiry noticed by a sweep) a second insert of the same id changes nothing; returns whether
 * the row was new.
 */
export async function insertWebhookEvent(db: Db, event: WebhookEventValues): Promise<boolean> {
  return (await insertWebhookEvents(db, [event])) === 1;
}

/** Several events in one statement (a sync page's new reports); returns how many were new. */
export async function insertWebhookEvents(db: Db, events: readonly WebhookEventValues[]): Promise<number> {
  if (events.length === 0) return 0;
  const inserted = await db
    .insert(webhookEvents)
    .values(
      events.map((event) => ({
        id: event.id,
        organisationId: event.organisationId,
        type: event.type,
        payload: event.data,
        createdAt: event.createdAt,
      })),
    )
    .onConflictDoNothing({ target: webhookEvents.id })
    .returning({ id: webhookEvents.id });
  return inserted.length;
}

export interface WebhookEventRecord {
  id: string;
  organisationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  createdAt: Date;
}

const eventColumns = {
  id: webhookEvents.id,
  organisationId: webhookEvents.organisationId,
  type: webhookEvents.type,
  data: webhookEvents.payload,
  createdAt: webhookEvents.createdAt,
};

/**
 * Turns up to `limit` new events into one delivery per subscribed, enabled endpoint that
 * existed when the event happened and into helpdesk writes (helpdesk-writes.ts), and marks them
 * fanned out — in one transaction, with the
 * events locked so that another instance skips them. Returns how many events were handled.
 */
export async function fanOutWebhookEvents(db: Db, now: Date, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(isNull(webhookEvents.fannedOutAt))
      .orderBy(asc(webhookEvents.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (events.length === 0) return 0;
    const ids = events.map((event) => event.id);
    const at = sql`${now.toISOString()}::timestamptz`;
    await tx.execute(sql`
      insert into ${webhookDeliveries} (event_id, endpoint_id, state, next_attempt_at, created_at, updated_at)
      select e.id, ep.id, 'pending', ${at}, ${at}, ${at}
      from ${webhookEvents} e
      join ${webhookEndpoints} ep on ep.organisation_id = e.organisation_id
      where e.id in ${ids}
        and ep.disabled_at is null
        and ep.created_at <= e.created_at
        and (jsonb_array_length(ep.event_types) = 0 or ep.event_types @> jsonb_build_array(e.type))
      on conflict (event_id, endpoint_id) do nothing`);
    await fanOutHelpdeskWrites(tx, ids, now);
    await tx.update(webhookEvents).set({ fannedOutAt: now }).where(inArray(webhookEvents.id, ids));
    return ids.length;
  });
}

// ---- Deliveries ----

export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  endpointId: string;
  state: WebhookDeliveryState;
  attemptCount: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lockedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  endpointId: webhookDeliveries.endpointId,
  state: webhookDeliveries.state,
  attemptCount: webhookDeliveries.attemptCount,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lockedUntil: webhookDeliveries.lockedUntil,
  lockedBy: webhookDeliveries.lockedBy,
  createdAt: webhookDeliveries.createdAt,
  updatedAt: webhookDeliveries.updatedAt,
};

/**
 * Leases up to `limit` due deliveries to `holder` until `lockedUntil`. The row locks with SKIP
 * LOCKED let concurrent claimers take disjoint sets; the lease keeps a claimed delivery from
 * being claimed again while its attempt runs.
 */
export async function claimDueWebhookDeliveries(
  db: Db,
  values: { holder: string; now: Date; lockedUntil: Date; limit: number },
): Promise<WebhookDeliveryRecord[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.state, "pending"),
          lte(webhookDeliveries.nextAttemptAt, values.now),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, values.now)),
          organisationIsEnabled(
            sql`(select ${webhookEndpoints.organisationId} from ${webhookEndpoints} where ${webhookEndpoints.id} = ${webhookDeliveries.endpointId})`,
          ),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(values.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ lockedUntil: values.lockedUntil, lockedBy: values.holder, updatedAt: values.now })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning(deliveryColumns);
  });
}

export interface WebhookAttemptValues {
  attemptedAt: Date;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string | null;
}

/**
 * Records an attempt and its consequence for the delivery, only while `holder` still holds the
 * lease; returns false (and records nothing) when the lease was lost.
 */
export async function finishWebhookAttempt(
  db: Db,
  values: {
    deliveryId: string;
    holder: string;
    attempt: WebhookAttemptValues;
    outcome: { state: WebhookDeliveryState; nextAttemptAt: Date };
    now: Date;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        state: values.outcome.state,
        nextAttemptAt: values.outcome.nextAttemptAt,
        attemptCount: sql`${webhookDeliveries.attemptCount} + 1`,
        lockedUntil: null,
        lockedBy: null,
        updatedAt: values.now,
      })
      .where(and(eq(webhookDeliveries.id, values.deliveryId), eq(webhookDeliveries.lockedBy, values.holder)))
      .returning({ id: webhookDeliveries.id });
    if (updated === undefined) return false;
    await tx.insert(webhookAttempts).values({
      deliveryId: values.deliveryId,
      ...values.attempt,
      instanceId: values.holder,
    });
    return true;
  });
}

/** Gives up a delivery without an attempt (its endpoint was disabled meanwhile). */
export async function cancelWebhookDelivery(
  db: Db,
  deliveryId: string,
  holder: string,
  now: Date,
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ state: "cancelled", lockedUntil: null, lockedBy: null, updatedAt: now })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.lockedBy, holder)));
}

export async function cancelPendingDeliveries(db: Db, endpointId: string, now: Date): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ state: "cancelled", updatedAt: now })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.state, "pending")));
}

/**
 * Queues `eventId` for `endpointId` again, now, with a fresh retry schedule; creates the
 * delivery if the endpoint never had one for this event. A delivery whose attempt is running
 * (leased) is left alone: it is already being sent.
 */
export async function requeueWebhookDelivery(
  db: Db,
  values: { eventId: string; endpointId: string; now: Date },
): Promise<WebhookDeliveryRecord | undefined> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      eventId: values.eventId,
      endpointId: values.endpointId,
      state: "pending",
      nextAttemptAt: values.now,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoUpdate({
      target: [webhookDeliveries.eventId, webhookDeliveries.endpointId],
      set: { state: "pending", attemptCount: 0, nextAttemptAt: values.now, updatedAt: values.now },
      setWhere: sql`${webhookDeliveries.lockedUntil} is null or ${webhookDeliveries.lockedUntil} < ${values.now.toISOString()}::timestamptz`,
    })
    .returning(deliveryColumns);
  return row;
}

/** A delivery with its event's type, for the history. */
export interface WebhookDeliverySummary extends WebhookDeliveryRecord {
  eventType: WebhookEventType;
  eventCreatedAt: Date;
}

export async function listWebhookDeliveries(
  db: Db,
  values: { endpointId: string; limit: number; before?: { createdAt: Date; id: string } | undefined },
): Promise<WebhookDeliverySummary[]> {
  const before = values.before;
  return db
    .select({ ...deliveryColumns, eventType: webhookEvents.type, eventCreatedAt: webhookEvents.createdAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, values.endpointId),
        before === undefined
          ? undefined
          : or(
              lt(webhookDeliveries.createdAt, before.createdAt),
              and(eq(webhookDeliveries.createdAt, before.createdAt), lt(webhookDeliveries.id, before.id)),
            ),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(values.limit);
}

export async function findWebhookDelivery(
  db: Db,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliverySummary | undefined> {
  const [row] = await db
    .select({ ...deliveryColumns, eventType: webhookEvents.type, eventCreatedAt: webhookEvents.createdAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, deliveryId)));
  return row;
}

export interface WebhookAttemptRecord extends WebhookAttemptValues {
  id: string;
  deliveryId: string;
  instanceId: string | null;
}

export async function listWebhookAttempts(db: Db, deliveryId: string): Promise<WebhookAttemptRecord[]> {
  return db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      attemptedAt: webhookAttempts.attemptedAt,
      responseStatus: webhookAttempts.responseStatus,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
      responseExcerpt: webhookAttempts.responseExcerpt,
      instanceId: webhookAttempts.instanceId,
    })
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));
}

/** The event and endpoint of a claimed delivery (the dispatcher works across organisations). */
export async function loadDeliveryTarget(
  db: Db,
  delivery: { eventId: string; endpointId: string },
): Promise<{ event: WebhookEventRecord; endpoint: WebhookEndpointRecord } | undefined> {
  const [row] = await db
    .select({ event: eventColumns, endpoint: endpointColumns })
    .from(webhookEvents)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, delivery.endpointId))
    .where(eq(webhookEvents.id, delivery.eventId));
  return row;
}

/**
 * Deletes up to `limit` events created before `before` that nothing is waiting on any more
 * (fanned out, no pending delivery); their deliveries and attempts go with them. Returns how
 * many were deleted.
 */
export async function deleteOldWebhookEvents(
  db: Db,
  values: { before: Date; limit: number },
): Promise<number> {
  const deleted = await db.execute(sql`
    delete from ${webhookEvents} where id in (
      select e.id from ${webhookEvents} e
      where e.created_at < ${values.before.toISOString()}::timestamptz
        and e.fanned_out_at is not null
        and not exists (
          select 1 from ${webhookDeliveries} d where d.event_id = e.id and d.state = 'pending'
        )
      order by e.created_at
      limit ${values.limit}
    )
    returning id`);
  return (deleted as unknown as { rows: unknown[] }).rows.length;
}
