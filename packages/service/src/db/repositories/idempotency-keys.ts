/**
 * Claiming, completing and replaying `Idempotency-Key`s. The claim is one INSERT … ON CONFLICT DO
 * NOTHING against the unique (organisation, caller, key) index, so of two concurrent requests
 * with the same key exactly one wins on either engine; the other sees the winner's row.
 */
import { and, eq, lte, or } from "drizzle-orm";
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
    /** A claim still in flight from before this was left by a crashed request. */
    abandonedBefore: Date;
  },
): Promise<ClaimOutcome> {
  const sameKey = and(
    eq(idempotencyKeys.organisationId, values.organisationId),
    eq(idempotencyKeys.callerId, values.callerId),
    eq(idempotencyKeys.key, values.key),
  );
  // An expired record, or a claim its crashed request never settled, no longer protects
  // anything; the key starts afresh.
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        sameKey,
        or(
          lte(idempotencyKeys.expiresAt, values.now),
          and(eq(idempotencyKeys.state, "in_flight"), lte(idempotencyKeys.createdAt, values.abandonedBefore)),
        ),
      ),
    );
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
    record: { id: row.id, requestFingerprint: row.requestFingerprint, state: row.state, response },
  };
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
    })
    .where(eq(idempotencyKeys.id, id));
}

/** Gives the key back (the request failed in a way a retry may fix). */
export async function releaseIdempotencyKey(db: Db, id: string): Promise<void> {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}
