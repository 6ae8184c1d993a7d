/**
 * The organisation's brand in the invitation e-mail (issue 25): the logo above the text, a clear
 * button to the join page below it, and the support contact and legal link at the foot; the
 * plain-text part gets the same contact as lines of text. Every value is escaped: the brand is
 * an admin's input and must not be able to add markup.
 *
 * The logo is the service's served address, not an inline CID attachment: the join page it
 * leads to is on the same service anyway, the recorded message (sealed for exactly-once
 * delivery, docs/adr/0027-invitation-exactly-once.md) and the demo outbox stay as small as the
 * text, and the Mailer needs no attachments (docs/adr/0043-brand-per-organisation.md).
 */
import type { Brand } from "../brand/organisation-brand.js";
import { createTranslator, type Locale } from "../i18n/index.js";
import { escapeHtml } from "./invitation-template.js";

export interface MailBrand {
  name: string;
  /** Absolute, as e-mail clients need it. */
  logoUrl: string | undefined;
  accentColour: string | undefined;
  supportPhone: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  legalUrl: string | null;
}

/** Our own accent (src/web/stylesheet.ts) when the organisation chose none. */
const defaultAccent = "#0a5bd3";

export function mailBrandOf(brand: Brand, publicUrl: string): MailBrand {
  return {
    name: brand.name,
    logoUrl: brand.logoPath === undefined ? undefined : `${publicUrl}${brand.logoPath}`,
    accentColour: brand.accentColour ?? undefined,
    supportPhone: brand.supportPhone,
    supportEmail: brand.supportEmail,
    supportUrl: brand.supportUrl,
    legalUrl: brand.legalUrl,
  };
}

function contactLines(brand: MailBrand, locale: Locale): { label: string; value: string; href: string }[] {
  const { t } = createTranslator(locale);
  const lines: { label: string; value: string; href: string }[] = [];
  if (brand.supportPhone !== null) {
    lines.push({
      label: t("brand.contact.phone"),
      value: brand.supportPhone,
      href: `tel:${brand.supportPhone.replace(/[^+0-9]/g, "")}`,
    });
  }
  if (brand.supportEmail !== null) {
    lines.push({
      label: t("brand.contact.email"),
      value: brand.supportEmail,
      href: `mailto:${brand.supportEmail}`,
    });
  }
  if (brand.supportUrl !== null) {
    lines.push({ label: t("brand.contact.web"), value: brand.supportUrl, href: brand.supportUrl });
  }
  return lines;
}

/** The text part's foot: the contact and the legal link, or nothing when none is set. */
export function brandTextFooter(brand: MailBrand, locale: Locale): string {
  const { t } = createTranslator(locale);
  const lines = contactLines(brand, locale).map((line) => `${line.label}: ${line.value}`);
  if (brand.legalUrl !== null) lines.push(`${t("brand.legal")}: ${brand.legalUrl}`);
  return lines.length === 0 ? "" : `\n\n--\n${brand.name}\n${lines.join("\n")}`;
}

/** The HTML part's logo, above the text. */
export function brandHtmlHeader(brand: MailBrand): string {
  if (brand.logoUrl === undefined) return "";
  return `<p><img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" style="max-height: 64px; max-width: 240px"></p>`;
}

/** The button to the join page and the foot with the contact, below the text. */
export function brandHtmlFooter(brand: MailBrand, locale: Locale, joinUrl: string): string {
  const { t } = createTranslator(locale);
  const accent = brand.accentColour ?? defaultAccent;
  const button = `<p style="margin: 24px 0"><a href="${escapeHtml(joinUrl)}" style="display: inline-block; padding: 12px 32px; background: ${accent}; color: #ffffff; font-size: 18px; font-weight: bold; text-decoration: none; border-radius: 6px">${escapeHtml(t("brand.mail.button"))}</a></p>`;
  const contact = contactLines(brand, locale)
    .map(
      (line) => `${escapeHtml(line.label)}: <a href="${escapeHtml(line.href)}">${escapeHtml(line.value)}</a>`,
    )
    .join("<br>\n");
  const legal =
    brand.legalUrl === null
      ? ""
      : `<a href="${escapeHtml(brand.legalUrl)}">${escapeHtml(t("brand.legal"))}</a>`;
  const foot = [contact, legal].filter((part) => part !== "").join("<br>\n");
  return foot === ""
    ? button
    : `${button}\n<p style="color: #57606a; font-size: 14px">${escapeHtml(brand.name)}<br>\n${foot}</p>`;
}
