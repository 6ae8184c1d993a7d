/** Organisations' own wording of the invitation e-mail, one per language. */
import { and, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.js";
import type { Db } from "../open-database.js";
import { invitationTemplates } from "../schema.js";

export interface StoredInvitationTemplate {
  subject: string;
  body: string;
  updatedAt: Date;
}

export async function findInvitationTemplate(
  db: Db,
  organisationId: string,
  locale: Locale,
): Promise<StoredInvitationTemplate | undefined> {
  const [row] = await db
    .select({
      subject: invitationTemplates.subject,
      body: invitationTemplates.body,
      updatedAt: invitationTemplates.updatedAt,
    })
    .from(invitationTemplates)
    .where(
      and(eq(invitationTemplates.organisationId, organisationId), eq(invitationTemplates.locale, locale)),
    );
  return row;
}

export async function saveInvitationTemplate(
  db: Db,
  values: {
    organisationId: string;
    locale: Locale;
    subject: string;
    body: string;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  const { subject, body, userId, now } = values;
  await db
    .insert(invitationTemplates)
    .values({
      organisationId: values.organisationId,
      locale: values.locale,
      subject,
      body,
      updatedByUserId: userId,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [invitationTemplates.organisationId, invitationTemplates.locale],
      set: { subject, body, updatedByUserId: userId, updatedAt: now },
    });
}

/** Back to the built-in wording. */
export async function deleteInvitationTemplate(
  db: Db,
  organisationId: string,
  locale: Locale,
): Promise<void> {
  await db
    .delete(invitationTemplates)
    .where(
      and(eq(invitationTemplates.organisationId, organisationId), eq(invitationTemplates.locale, locale)),
    );
}
