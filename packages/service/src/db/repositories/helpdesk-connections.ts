/**
 * An organisation's helpdesk connection. The API token is encrypted here and only here, bound to
 * the row (see stored-secrets.ts): callers pass and receive plaintext.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import {
  type HelpdeskKind,
  helpdeskConnections,
  type InvitationLocale,
  supportSessions,
  tickets,
} from "../schema.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";

export interface HelpdeskConnectionRecord {
  id: string;
  organisationId: string;
  kind: HelpdeskKind;
  baseUrl: string;
  token: string;
  sessionField: string;
  noteLocale: InvitationLocale;
  writesSessionField: boolean;
  writesSessionNotes: boolean;
  writesConnectionNotes: boolean;
  writesInvitationReplies: boolean;
  lastCheckedAt: Date | null;
  lastCheckProblems: unknown[] | null;
  updatedAt: Date;
}

export type HelpdeskConnectionValues = Omit<
  HelpdeskConnectionRecord,
  "id" | "lastCheckedAt" | "lastCheckProblems" | "updatedAt"
>;

const tokenColumn = secretColumns.helpdeskToken;

/** Creates or replaces the organisation's connection; a replaced one forgets its last check. */
export async function saveHelpdeskConnection(
  db: Db,
  vault: SecretBox,
  values: HelpdeskConnectionValues,
  now: Date,
) {
  const { token, ...plain } = values;
  const [existing] = await db
    .select({ id: helpdeskConnections.id })
    .from(helpdeskConnections)
    .where(eq(helpdeskConnections.organisationId, values.organisationId));
  // The id is chosen before encrypting because the ciphertext is bound to it.
  const id = existing?.id ?? randomUUID();
  const tokenEncrypted = vault.encrypt(token, bindingFor(tokenColumn, id));
  const row = { ...plain, tokenEncrypted, lastCheckedAt: null, lastCheckProblems: null, updatedAt: now };
  if (existing === undefined) {
    await db.insert(helpdeskConnections).values({ ...row, id, createdAt: now });
  } else {
    await db.update(helpdeskConnections).set(row).where(eq(helpdeskConnections.id, id));
  }
}

export async function findHelpdeskConnection(
  db: Db,
  vault: SecretBox,
  organisationId: string,
): Promise<HelpdeskConnectionRecord | undefined> {
  const [row] = await db
    .select()
    .from(helpdeskConnections)
    .where(eq(helpdeskConnections.organisationId, organisationId));
  if (row === undefined) return undefined;
  const { tokenEncrypted, createdAt: _createdAt, ...rest } = row;
  return { ...rest, token: vault.decrypt(tokenEncrypted, bindingFor(tokenColumn, row.id)) };
}

export async function recordHelpdeskCheck(
  db: Db,
  values: { id: string; problems: unknown[]; checkedAt: Date },
): Promise<void> {
  await db
    .update(helpdeskConnections)
    .set({ lastCheckedAt: values.checkedAt, lastCheckProblems: values.problems })
    .where(eq(helpdeskConnections.id, values.id));
}

/** True when there was a connection to delete. */
export async function deleteHelpdeskConnection(db: Db, organisationId: string): Promise<boolean> {
  const deleted = await db
    .delete(helpdeskConnections)
    .where(eq(helpdeskConnections.organisationId, organisationId))
    .returning({ id: helpdeskConnections.id });
  return deleted.length > 0;
}

/** The organisations that have a helpdesk connection. */
export async function listOrganisationsWithHelpdesk(db: Db): Promise<string[]> {
  const rows = await db
    .select({ organisationId: helpdeskConnections.organisationId })
    .from(helpdeskConnections)
    .orderBy(asc(helpdeskConnections.organisationId));
  return rows.map((row) => row.organisationId);
}

/**
 * External ids of the organisation's open tickets that still have an open session: the only
 * tickets whose closing in the helpdesk changes anything here.
 */
export async function listOpenTicketsWithOpenSessions(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ externalId: tickets.externalId })
    .from(tickets)
    .where(
      and(
        eq(tickets.organisationId, organisationId),
        eq(tickets.status, "open"),
        sql`exists (select 1 from ${supportSessions} where ${supportSessions.ticketId} = ${tickets.id} and ${supportSessions.state} = 'open')`,
      ),
    )
    .orderBy(asc(tickets.createdAt))
    .limit(limit);
  return rows.map((row) => row.externalId);
}
