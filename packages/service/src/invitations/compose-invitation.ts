/** Turns a template and the session's facts into the e-mail's subject, text and HTML. */

import type { Db } from "../db/open-database.js";
import { findOrganisationById } from "../db/repositories/organisations.js";
import { findUserById } from "../db/repositories/users.js";
import { createTranslator, type Locale } from "../i18n/index.js";
import { formatValidUntil } from "../join/valid-until.js";
import {
  fillTemplate,
  type InvitationTemplate,
  type InvitationValues,
  renderInvitationDocument,
  renderTemplateHtml,
} from "./invitation-template.js";

export interface ComposedInvitation {
  subject: string;
  text: string;
  html: string;
}

export function composeInvitation(
  template: InvitationTemplate,
  values: InvitationValues,
  locale: Locale,
): ComposedInvitation {
  const subject = fillTemplate(template.subject, values);
  return {
    subject,
    text: fillTemplate(template.body, values),
    html: renderInvitationDocument({ locale, subject, bodyHtml: renderTemplateHtml(template.body, values) }),
  };
}

/**
 * The e-mail's opening line in `locale`: with the customer's name, or a greeting that reads well
 * without one (the name is optional on the invitation form).
 */
export function greetingFor(locale: Locale, customerName: string | undefined): string {
  const { t } = createTranslator(locale);
  return customerName === undefined
    ? t("invitations.mail.greetingWithoutName")
    : t("invitations.mail.greeting", { name: customerName });
}

/**
 * The placeholder values for one session. The supporter appears by display name only (never
 * their e-mail address), or as "the support team" when they set none.
 */
export async function invitationValuesFor(
  db: Db,
  options: {
    organisationId: string;
    assignedUserId: string | null;
    customerName: string | undefined;
    joinUrl: string;
    validUntil: Date;
    locale: Locale;
  },
): Promise<InvitationValues> {
  const [organisation, supporter] = await Promise.all([
    findOrganisationById(db, options.organisationId),
    options.assignedUserId === null ? undefined : findUserById(db, options.assignedUserId),
  ]);
  const { t } = createTranslator(options.locale);
  return {
    greeting: greetingFor(options.locale, options.customerName),
    customerName: options.customerName ?? "",
    supporterName: supporter?.displayName || t("invitations.supporterFallback"),
    organisationName: organisation?.name ?? "",
    joinUrl: options.joinUrl,
    validUntil: formatValidUntil(options.validUntil, options.locale),
  };
}
