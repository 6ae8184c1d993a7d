/** Organisations' own wording of helpdesk notes and the invitation's reply, per event and language. */
import { and, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.js";
import type { Db } from "../open-database.js";
import { helpdeskTemplates } from "../schema.js";
import type { HelpdeskEventType } from "./helpdesk-writes.js";

export interface StoredHelpdeskTemplate {
  subject: string;
  body: string;
}

const ofTemplate = (organisationId: string, event: HelpdeskEventType, locale: Locale) =>
  and(
    eq(helpdeskTemplates.organisationId, organisationId),
    eq(helpdeskTemplates.event, event),
    eq(helpdeskTemplates.locale, locale),
  );

export async function findHelpdeskTemplate(
  db: Db,
  organisationId: string,
  event: HelpdeskEventType,
  locale: Locale,
): Promise<StoredHelpdeskTemplate | undefined> {
  const [row] = await db
    .select({ subject: helpdeskTemplates.subject, body: helpdeskTemplates.body })
    .from(helpdeskTemplates)
    .where(ofTemplate(organisationId, event, locale));
  return row;
}

/** The organisation's own templates in one language, by event. */
export async function listHelpdeskTemplatesIn(
  db: Db,
  organisationId: string,
  locale: Locale,
): Promise<(StoredHelpdeskTemplate & { event: HelpdeskEventType })[]> {
  const rows = await db
    .select({
      event: helpdeskTemplates.event,
      subject: helpdeskTemplates.subject,
      body: helpdeskTemplates.body,
    })
    .from(helpdeskTemplates)
    .where(and(eq(helpdeskTemplates.organisationId, organisationId), eq(helpdeskTemplates.locale, locale)));
  return rows as (StoredHelpdeskTemplate & { event: HelpdeskEventType })[];
}

/** Which event and language pairs have the organisation's own wording. */
export async function listHelpdeskTemplateKeys(
  db: Db,
  organisationId: string,
): Promise<{ event: HelpdeskEventType; locale: Locale }[]> {
  const rows = await db
    .select({ event: helpdeskTemplates.event, locale: helpdeskTemplates.locale })
    .from(helpdeskTemplates)
    .where(eq(helpdeskTemplates.organisationId, organisationId));
  return rows as { event: HelpdeskEventType; locale: Locale }[];
}

export async function saveHelpdeskTemplate(
  db: Db,
  values: {
    organisationId: string;
    event: HelpdeskEventType;
    locale: Locale;
    subject: string;
    body: string;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  const { subject, body, userId, now } = values;
  await db
    .insert(helpdeskTemplates)
    .values({
      organisationId: values.organisationId,
      event: values.event,
      locale: values.locale,
      subject,
      body,
      updatedByUserId: userId,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [helpdeskTemplates.organisationId, helpdeskTemplates.event, helpdeskTemplates.locale],
      set: { subject, body, updatedByUserId: userId, updatedAt: now },
    });
}

/** Back to the built-in wording. */
export async function deleteHelpdeskTemplate(
  db: Db,
  organisationId: string,
  event: HelpdeskEventType,
  locale: Locale,
): Promise<void> {
  await db.delete(helpdeskTemplates).where(ofTemplate(organisationId, event, locale));
}
