/**
 * A company script token an admin stores for the organisation (used by report sync). Encrypted
 * here and only here, bound to its row; callers pass and receive plaintext.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { organisationScriptTokens } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

const tokenColumn = secretColumns.scriptToken;

/** Stores (or replaces) the organisation's script token. */
export async function saveOrganisationScriptToken(
  db: Db,
  vault: SecretBox,
  values: { organisationId: string; token: string; createdByUserId: string | null },
  now: Date,
): Promise<void> {
  // Replacing deletes and re-inserts: the token gets a fresh row id, hence a fresh binding.
  // A transaction (a savepoint when the caller already holds one) makes the swap atomic.
  await db.transaction(async (tx) => {
    await deleteOrganisationScriptToken(tx, values.organisationId);
    const id = randomUUID();
    await tx.insert(organisationScriptTokens).values({
      id,
      organisationId: values.organisationId,
      createdByUserId: values.createdByUserId,
      tokenEncrypted: vault.encrypt(values.token, bindingFor(tokenColumn, id)),
      createdAt: now,
      updatedAt: now,
    });
  });
}

export async function findOrganisationScriptToken(
  db: Db,
  vault: SecretBox,
  organisationId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisationScriptTokens.id, tokenEncrypted: organisationScriptTokens.tokenEncrypted })
    .from(organisationScriptTokens)
    .where(eq(organisationScriptTokens.organisationId, organisationId));
  return row === undefined ? undefined : vault.decrypt(row.tokenEncrypted, bindingFor(tokenColumn, row.id));
}

export async function deleteOrganisationScriptToken(db: Db, organisationId: string): Promise<void> {
  await db
    .delete(organisationScriptTokens)
    .where(eq(organisationScriptTokens.organisationId, organisationId));
}
