/**
 * The TeamViewer app registration of an organisation. The client secret is encrypted here and
 * only here, bound to the row (see stored-secrets.ts): callers pass and receive plaintext.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { preparedStatement } from "../prepared-query.js";
import { teamViewerApps } from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

export interface TeamViewerApp {
  id: string;
  organisationId: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  authorizeUrl: string;
  apiBaseUrl: string;
  updatedAt: Date;
}

export type TeamViewerAppValues = Omit<TeamViewerApp, "id" | "updatedAt">;

const clientSecretColumn = secretColumns.teamViewerAppClientSecret;

/** Creates or replaces the organisation's app registration. */
export async function saveTeamViewerApp(
  db: Db,
  vault: SecretBox,
  values: TeamViewerAppValues,
  now: Date,
): Promise<void> {
  const { clientSecret, ...plain } = values;
  const [existing] = await db
    .select({ id: teamViewerApps.id })
    .from(teamViewerApps)
    .where(eq(teamViewerApps.organisationId, values.organisationId));
  // The id is chosen before encrypting because the ciphertext is bound to it.
  const id = existing?.id ?? randomUUID();
  const clientSecretEncrypted = vault.encrypt(clientSecret, bindingFor(clientSecretColumn, id));
  if (existing === undefined) {
    await db
      .insert(teamViewerApps)
      .values({ ...plain, id, clientSecretEncrypted, createdAt: now, updatedAt: now });
  } else {
    await db
      .update(teamViewerApps)
      .set({ ...plain, clientSecretEncrypted, updatedAt: now })
      .where(eq(teamViewerApps.id, id));
  }
}

export async function findTeamViewerApp(
  db: Db,
  vault: SecretBox,
  organisationId: string,
): Promise<TeamViewerApp | undefined> {
  const [row] = await selectAppOfOrganisation(db).execute({ organisationId });
  return row === undefined ? undefined : toTeamViewerApp(vault, row);
}

/** A stored row as callers see it: the client secret decrypted, and checked to belong to this row. */
export function toTeamViewerApp(vault: SecretBox, row: typeof teamViewerApps.$inferSelect): TeamViewerApp {
  const { clientSecretEncrypted, createdAt: _createdAt, ...rest } = row;
  return {
    ...rest,
    clientSecret: vault.decrypt(clientSecretEncrypted, bindingFor(clientSecretColumn, row.id)),
  };
}

/** Whether any organisation has registered an app: demo mode "auto" starts the simulator only if none has. */
export async function hasAnyTeamViewerApp(db: Db): Promise<boolean> {
  const [row] = await db.select({ isPresent: sql<number>`1` }).from(teamViewerApps).limit(1);
  return row !== undefined;
}

// Every TeamViewer call reads its organisation's app: prepared once (src/db/prepared-query.ts).
const selectAppOfOrganisation = preparedStatement("find_teamviewer_app", (db, name) =>
  db
    .select()
    .from(teamViewerApps)
    .where(eq(teamViewerApps.organisationId, sql.placeholder("organisationId")))
    .prepare(name),
);
