/**
 * Pending OAuth authorisations: one row per "Connect TeamViewer" click. The `state` is stored
 * only as a hash, the PKCE verifier encrypted (bound to the row). Consuming is a single
 * conditional UPDATE, so a state works once, before it expires, and only for the browser
 * session that started the flow — even with two callbacks racing.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { oauthStates } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

const verifierColumn = secretColumns.pkceVerifier;

export interface CreateOAuthStateValues {
  stateHash: string;
  userId: string;
  webSessionId: string;
  pkceVerifier: string;
  now: Date;
  expiresAt: Date;
}

export async function createOAuthState(
  db: Db,
  vault: SecretBox,
  values: CreateOAuthStateValues,
): Promise<void> {
  const { pkceVerifier, now, ...rest } = values;
  const id = randomUUID();
  await db.insert(oauthStates).values({
    ...rest,
    id,
    pkceVerifierEncrypted: vault.encrypt(pkceVerifier, bindingFor(verifierColumn, id)),
    createdAt: now,
  });
}

export interface ConsumedOAuthState {
  userId: string;
  pkceVerifier: string;
}

/** Marks the state used and returns it, or undefined if unknown, used, expired or another session's. */
export async function consumeOAuthState(
  db: Db,
  vault: SecretBox,
  values: { stateHash: string; webSessionId: string; now: Date },
): Promise<ConsumedOAuthState | undefined> {
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: values.now })
    .where(
      and(
        eq(oauthStates.stateHash, values.stateHash),
        eq(oauthStates.webSessionId, values.webSessionId),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, values.now),
      ),
    )
    .returning({ id: oauthStates.id, userId: oauthStates.userId, sealed: oauthStates.pkceVerifierEncrypted });
  if (row === undefined) return undefined;
  return { userId: row.userId, pkceVerifier: vault.decrypt(row.sealed, bindingFor(verifierColumn, row.id)) };
}
