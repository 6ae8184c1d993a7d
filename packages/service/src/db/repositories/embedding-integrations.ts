/**
 * Embedding integrations (issue 23): the helpdesks allowed to show the ticket widget. The signing
 * secret of an `hmac` integration is sealed by the vault with the integration id bound in; only
 * `loadEmbeddingSecret` opens it, and only rotation replaces it. The other kinds keep the
 * platform's public keys and agents map in `platformConfig` instead (nothing in it is secret).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { type EmbeddingIntegrationKind, embeddingIntegrations } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

const secretColumn = secretColumns.embeddingSecret;

/** An integration as the application sees it: never its secret. */
export interface EmbeddingIntegrationRecord {
  id: string;
  organisationId: string;
  name: string;
  kind: EmbeddingIntegrationKind;
  allowedOrigins: string[];
  /** Null for `hmac`; the checked configuration of a platform kind otherwise. */
  platformConfig: Record<string, unknown> | null;
  disabledAt: Date | null;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const integrationColumns = {
  id: embeddingIntegrations.id,
  organisationId: embeddingIntegrations.organisationId,
  name: embeddingIntegrations.name,
  kind: embeddingIntegrations.kind,
  allowedOrigins: embeddingIntegrations.allowedOrigins,
  platformConfig: embeddingIntegrations.platformConfig,
  disabledAt: embeddingIntegrations.disabledAt,
  createdByUserId: embeddingIntegrations.createdByUserId,
  createdAt: embeddingIntegrations.createdAt,
  updatedAt: embeddingIntegrations.updatedAt,
};

export async function insertEmbeddingIntegration(
  db: Db,
  vault: SecretBox,
  values: {
    id: string;
    organisationId: string;
    name: string;
    kind: EmbeddingIntegrationKind;
    allowedOrigins: string[];
    /** Exactly one of the two, as the kind demands (a check constraint holds it). */
    secret: string | null;
    platformConfig: Record<string, unknown> | null;
    createdByUserId: string | null;
    now: Date;
  },
): Promise<EmbeddingIntegrationRecord> {
  const [row] = await db
    .insert(embeddingIntegrations)
    .values({
      id: values.id,
      organisationId: values.organisationId,
      name: values.name,
      kind: values.kind,
      allowedOrigins: values.allowedOrigins,
      secretEncrypted:
        values.secret === null ? null : vault.encrypt(values.secret, bindingFor(secretColumn, values.id)),
      platformConfig: values.platformConfig,
      createdByUserId: values.createdByUserId,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning(integrationColumns);
  if (row === undefined) throw new Error("embedding integration insert returned no row");
  return row;
}

/** Within one organisation: what admins see and change. */
export async function findEmbeddingIntegration(
  db: Db,
  organisationId: string,
  id: string,
): Promise<EmbeddingIntegrationRecord | undefined> {
  const [row] = await db
    .select(integrationColumns)
    .from(embeddingIntegrations)
    .where(and(eq(embeddingIntegrations.organisationId, organisationId), eq(embeddingIntegrations.id, id)));
  return row;
}

/** By id alone: an assertion names its integration before anyone is known to be signed in. */
export async function findEmbeddingIntegrationById(
  db: Db,
  id: string,
): Promise<EmbeddingIntegrationRecord | undefined> {
  const [row] = await db
    .select(integrationColumns)
    .from(embeddingIntegrations)
    .where(eq(embeddingIntegrations.id, id));
  return row;
}

export async function listEmbeddingIntegrations(
  db: Db,
  organisationId: string,
): Promise<EmbeddingIntegrationRecord[]> {
  return db
    .select(integrationColumns)
    .from(embeddingIntegrations)
    .where(eq(embeddingIntegrations.organisationId, organisationId))
    .orderBy(asc(embeddingIntegrations.createdAt), asc(embeddingIntegrations.id));
}

export interface EmbeddingIntegrationChanges {
  name?: string;
  allowedOrigins?: string[];
  platformConfig?: Record<string, unknown>;
  disabledAt?: Date | null;
}

export async function updateEmbeddingIntegration(
  db: Db,
  values: { organisationId: string; id: string; changes: EmbeddingIntegrationChanges; now: Date },
): Promise<EmbeddingIntegrationRecord | undefined> {
  const [row] = await db
    .update(embeddingIntegrations)
    .set({ ...values.changes, updatedAt: values.now })
    .where(
      and(
        eq(embeddingIntegrations.organisationId, values.organisationId),
        eq(embeddingIntegrations.id, values.id),
      ),
    )
    .returning(integrationColumns);
  return row;
}

/** Its embed sessions and used nonces go with it (foreign keys cascade). */
export async function deleteEmbeddingIntegration(
  db: Db,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const deleted = await db
    .delete(embeddingIntegrations)
    .where(and(eq(embeddingIntegrations.organisationId, organisationId), eq(embeddingIntegrations.id, id)))
    .returning({ id: embeddingIntegrations.id });
  return deleted.length === 1;
}

/** Replaces the secret at once: assertions signed with the old one fail from now on. */
export async function replaceEmbeddingSecret(
  db: Db,
  vault: SecretBox,
  values: { organisationId: string; id: string; secret: string; now: Date },
): Promise<EmbeddingIntegrationRecord | undefined> {
  const [row] = await db
    .update(embeddingIntegrations)
    .set({
      secretEncrypted: vault.encrypt(values.secret, bindingFor(secretColumn, values.id)),
      updatedAt: values.now,
    })
    .where(
      and(
        eq(embeddingIntegrations.organisationId, values.organisationId),
        eq(embeddingIntegrations.id, values.id),
      ),
    )
    .returning(integrationColumns);
  return row;
}

export async function loadEmbeddingSecret(db: Db, vault: SecretBox, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sealed: embeddingIntegrations.secretEncrypted })
    .from(embeddingIntegrations)
    .where(eq(embeddingIntegrations.id, id));
  return row?.sealed == null ? undefined : vault.decrypt(row.sealed, bindingFor(secretColumn, id));
}

/**
 * The Forge integration serving one app installation (the oldest, should an admin register two):
 * a Forge Invocation Token names its installation, not an integration, so this is how the Forge
 * entry finds the keys to verify it with.
 */
export async function findForgeIntegrationByInstallation(
  db: Db,
  installationId: string,
): Promise<EmbeddingIntegrationRecord | undefined> {
  const [row] = await db
    .select(integrationColumns)
    .from(embeddingIntegrations)
    .where(
      and(
        eq(embeddingIntegrations.kind, "forge"),
        sql`${embeddingIntegrations.platformConfig} ->> 'installationId' = ${installationId}`,
      ),
    )
    .orderBy(asc(embeddingIntegrations.createdAt), asc(embeddingIntegrations.id))
    .limit(1);
  return row;
}
