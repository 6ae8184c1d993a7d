/** Turns a template and the session's facts into the e-mail's subject, text and HTML. */

import { type Brand, supporterNameForCustomers } from "../brand/organisation-brand.js";
import type { Db } from "../db/open-database.js";
import { findUserById } from "../db/repositories/users.js";
import { createTranslator, type Locale } from "../i18n/index.js";
import { formatValidUntil } from "../join/valid-until.js";
import { brandHtmlFooter, brandHtmlHeader, brandTextFooter, type MailBrand } from "./invitation-branding.js";
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

/** With `brand`, the e-mail carries the organisation's logo, a join button and its contact. */
export function composeInvitation(
  template: InvitationTemplate,
  values: InvitationValues,
  locale: Locale,
  brand?: MailBrand,
): ComposedInvitation {
  const subject = fillTemplate(template.subject, values);
  const text = fillTemplate(template.body, values);
  const bodyHtml = renderTemplateHtml(template.body, values);
  if (brand === undefined) {
    return { subject, text, html: renderInvitationDocument({ locale, subject, bodyHtml }) };
  }
  return {
    subject,
    text: `${text}${brandTextFooter(brand, locale)}`,
    html: renderInvitationDocument({
      locale,
      subject,
      bodyHtml,
      headerHtml: brandHtmlHeader(brand),
      footerHtml: brandHtmlFooter(brand, locale, values.joinUrl),
    }),
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
 * The placeholder values for one session. The organisation appears by its brand's name; the
 * supporter by display name only (never their e-mail address), shortened or left out as the
 * organisation's brand says, or as "the support team" when there is no name to show.
 */
export async function invitationValuesFor(
  db: Db,
  options: {
    brand: Brand;
    assignedUserId: string | null;
    customerName: string | undefined;
    joinUrl: string;
    validUntil: Date;
    locale: Locale;
  },
): Promise<InvitationValues> {
  const supporter =
    options.assignedUserId === null ? undefined : await findUserById(db, options.assignedUserId);
  const { t } = createTranslator(options.locale);
  return {
    greeting: greetingFor(options.locale, options.customerName),
    customerName: options.customerName ?? "",
    supporterName:
      supporterNameForCustomers(supporter?.displayName ?? "", options.brand.supporterNameMode) ||
      t("invitations.supporterFallback"),
    organisationName: options.brand.name,
    joinUrl: options.joinUrl,
    validUntil: formatValidUntil(options.validUntil, options.locale, options.brand.timeZone),
  };
}
