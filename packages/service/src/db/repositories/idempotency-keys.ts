/**
 * Claiming, completing and replaying `Idempotency-Key`s. The claim is one INSERT … ON CONFLICT DO
 * NOTHING against the unique (organisation, caller, key) index, so of two concurrent requests
 * with the same key exactly one wins on either engine; the other sees the winner's row. An
 * in-flight claim holds a lease its owner renews; taking over a lapsed one is one conditional
 * UPDATE, so of two repeats after a crash exactly one resumes the key.
 */
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { type IdempotencyKeyState, idempotencyKeys } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

const bodyColumn = secretColumns.idempotentResponseBody;

export interface IdempotencyScope {
  organisationId: string;
  callerId: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface IdempotencyRecord {
  id: string;
  requestFingerprint: string;
  state: IdempotencyKeyState;
  /** Present once the first request has finished. */
  response: StoredResponse | undefined;
  /** While in flight: until when the owner is known to be alive; null when it lapsed long ago. */
  leaseExpiresAt: Date | null;
}

export type ClaimOutcome = { kind: "claimed" } | { kind: "taken"; record: IdempotencyRecord };

export async function claimIdempotencyKey(
  db: Db,
  vault: SecretBox,
  values: IdempotencyScope & {
    id: string;
    requestFingerprint: string;
    now: Date;
    expiresAt: Date;
    leaseExpiresAt: Date;
  },
): Promise<ClaimOutcome> {
  const sameKey = and(
    eq(idempotencyKeys.organisationId, values.organisationId),
    eq(idempotencyKeys.callerId, values.callerId),
    eq(idempotencyKeys.key, values.key),
  );
  // An expired record no longer protects anything; the key starts afresh. (A claim whose owner
  // died is not deleted: its repeat takes it over and reconciles, see resumeIdempotencyClaim.)
  await db.delete(idempotencyKeys).where(and(sameKey, lte(idempotencyKeys.expiresAt, values.now)));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      id: values.id,
      organisationId: values.organisationId,
      callerId: values.callerId,
      key: values.key,
      requestFingerprint: values.requestFingerprint,
      state: "in_flight",
      createdAt: values.now,
      expiresAt: values.expiresAt,
      leaseExpiresAt: values.leaseExpiresAt,
    })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (inserted.length === 1) return { kind: "claimed" };
  const [row] = await db.select().from(idempotencyKeys).where(sameKey);
  // The winner released its claim between our insert and this read: the key is free again.
  if (row === undefined) return claimIdempotencyKey(db, vault, values);
  const response =
    row.state === "done" && row.responseStatus !== null && row.responseBodyEncrypted !== null
      ? {
          status: row.responseStatus,
          contentType: row.responseContentType ?? "application/json",
          body: vault.decrypt(row.responseBodyEncrypted, bindingFor(bodyColumn, row.id)),
        }
      : undefined;
  return {
    kind: "taken",
    record: {
      id: row.id,
      requestFingerprint: row.requestFingerprint,
      state: row.state,
      response,
      leaseExpiresAt: row.leaseExpiresAt,
    },
  };
}

/** Whether the owner of an in-flight claim is gone (its lease lapsed, or it never had one). */
export function isClaimAbandoned(record: Pick<IdempotencyRecord, "leaseExpiresAt">, now: Date): boolean {
  return record.leaseExpiresAt === null || record.leaseExpiresAt.getTime() <= now.getTime();
}

/**
 * Takes over an in-flight claim whose owner is gone, with a fresh lease. False when another
 * repeat took it first or the owner renewed it meanwhile.
 */
export async function resumeIdempotencyClaim(
  db: Db,
  values: { id: string; now: Date; leaseExpiresAt: Date },
): Promise<boolean> {
  const taken = await db
    .update(idempotencyKeys)
    .set({ leaseExpiresAt: values.leaseExpiresAt })
    .where(
      and(
        eq(idempotencyKeys.id, values.id),
        eq(idempotencyKeys.state, "in_flight"),
        or(isNull(idempotencyKeys.leaseExpiresAt), lte(idempotencyKeys.leaseExpiresAt, values.now)),
      ),
    )
    .returning({ id: idempotencyKeys.id });
  return taken.length === 1;
}

/** Extends the lease of claims this process is working on: it is alive. */
export async function renewIdempotencyClaims(db: Db, ids: string[], leaseExpiresAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(idempotencyKeys)
    .set({ leaseExpiresAt })
    .where(and(inArray(idempotencyKeys.id, ids), eq(idempotencyKeys.state, "in_flight")));
}

/**
 * Ends the lease but keeps the claim: the request failed in a way that may have left something
 * behind (a TeamViewer session whose answer was lost), so its repeat must reconcile under the
 * same claim rather than start afresh.
 */
export async function abandonIdempotencyClaim(db: Db, id: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ leaseExpiresAt: null })
    .where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.state, "in_flight")));
}

/**
 * What became of the claim with this id: `unsettled` while in flight and unexpired (its owner is
 * at work, or its repeat may yet come and adopt what it made), `ended` once settled or expired,
 * undefined when there is none (the id is not one this installation issued for a key).
 */
export async function findIdempotencyClaimFate(
  db: Db,
  id: string,
  now: Date,
): Promise<"unsettled" | "ended" | undefined> {
  const [row] = await db
    .select({ state: idempotencyKeys.state, expiresAt: idempotencyKeys.expiresAt })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.id, id));
  if (row === undefined) return undefined;
  return row.state === "in_flight" && row.expiresAt.getTime() > now.getTime() ? "unsettled" : "ended";
}

/** Stores the first request's answer for replays. */
export async function completeIdempotencyKey(
  db: Db,
  vault: SecretBox,
  id: string,
  response: StoredResponse,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({
      state: "done",
      responseStatus: response.status,
      responseContentType: response.contentType,
      responseBodyEncrypted: vault.encrypt(response.body, bindingFor(bodyColumn, id)),
      leaseExpiresAt: null,
    })
    .where(eq(idempotencyKeys.id, id));
}

/** Gives the key back (the request failed in a way a retry may fix). */
export async function releaseIdempotencyKey(db: Db, id: string): Promise<void> {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}
