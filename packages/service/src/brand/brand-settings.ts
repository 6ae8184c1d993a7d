/**
 * Reads the brand form (everything but the logo, see logo-image.ts) into settings, or says per
 * field what is wrong. Every field but the two choices is optional: empty means "not shown"
 * (the display name falls back to the organisation's name).
 */
import type { BrandSettings } from "../db/repositories/organisation-brands.js";
import { type SupporterNameMode, supporterNameModes } from "../db/schema.js";
import { isSupportedLocale, type MessageKey, type MessageParams } from "../i18n/index.js";
import { checkTimeZoneField } from "../web/time-zone-field.js";
import { contrastWithWhite, isAccentColour, minimumContrastWithWhite } from "./accent-colour.js";

export const brandFields = [
  "displayName",
  "accentColour",
  "supportPhone",
  "supportEmail",
  "supportUrl",
  "legalUrl",
  "supporterNameMode",
  "defaultLocale",
  "timeZone",
] as const;
export type BrandField = (typeof brandFields)[number] | "logo";

export interface BrandProblem {
  key: MessageKey;
  params?: MessageParams;
}
export type BrandProblems = Partial<Record<BrandField, BrandProblem>>;

export type BrandForm = Partial<Record<(typeof brandFields)[number], string>>;

export const maxDisplayNameLength = 100;
const maxUrlLength = 2000;
const controlCharacters = /\p{Cc}/u;
const phonePattern = /^\+?[0-9][0-9 ()./-]{2,29}$/;
const emailPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function isSupporterNameMode(value: string | undefined): value is SupporterNameMode {
  return (supporterNameModes as readonly string[]).includes(value ?? "");
}

/** An https address without credentials; anything else says what to fix. */
function checkHttpsUrl(value: string): BrandProblem | undefined {
  if (value.length > maxUrlLength) return { key: "brand.error.tooLong", params: { max: maxUrlLength } };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { key: "brand.error.url" };
  }
  if (url.protocol !== "https:") return { key: "brand.error.httpsOnly" };
  if (url.username !== "" || url.password !== "") return { key: "brand.error.url" };
  return undefined;
}

export function readBrandForm(
  form: BrandForm,
): { isValid: true; settings: BrandSettings } | { isValid: false; problems: BrandProblems } {
  const problems: BrandProblems = {};
  const text = (field: (typeof brandFields)[number]) => (form[field] ?? "").trim();
  const optional = (
    field: (typeof brandFields)[number],
    check: (value: string) => BrandProblem | undefined,
  ) => {
    const value = text(field);
    if (value === "") return null;
    const problem = controlCharacters.test(value)
      ? { key: "brand.error.controlCharacters" as const }
      : check(value);
    if (problem !== undefined) problems[field] = problem;
    return value;
  };

  const displayName = optional("displayName", (value) =>
    value.length > maxDisplayNameLength
      ? { key: "brand.error.tooLong", params: { max: maxDisplayNameLength } }
      : undefined,
  );
  const accentColour = optional("accentColour", (value) => {
    if (!isAccentColour(value.toLowerCase())) return { key: "brand.error.colour" };
    const ratio = contrastWithWhite(value.toLowerCase());
    return ratio < minimumContrastWithWhite
      ? {
          key: "brand.error.contrast",
          params: { ratio: ratio.toFixed(1), minimum: minimumContrastWithWhite },
        }
      : undefined;
  })?.toLowerCase();
  const supportPhone = optional("supportPhone", (value) =>
    phonePattern.test(value) ? undefined : { key: "brand.error.phone" },
  );
  const supportEmail = optional("supportEmail", (value) =>
    value.length <= 254 && emailPattern.test(value) ? undefined : { key: "brand.error.email" },
  );
  const supportUrl = optional("supportUrl", checkHttpsUrl);
  const legalUrl = optional("legalUrl", checkHttpsUrl);
  const supporterNameMode = form.supporterNameMode;
  if (!isSupporterNameMode(supporterNameMode)) problems.supporterNameMode = { key: "brand.error.choice" };
  const defaultLocale = form.defaultLocale;
  if (!isSupportedLocale(defaultLocale)) problems.defaultLocale = { key: "brand.error.choice" };
  const timeZone = checkTimeZoneField(text("timeZone"));
  if (timeZone.problem !== undefined) problems.timeZone = timeZone.problem;

  if (
    Object.keys(problems).length > 0 ||
    !isSupporterNameMode(supporterNameMode) ||
    !isSupportedLocale(defaultLocale) ||
    timeZone.value === undefined
  ) {
    return { isValid: false, problems };
  }
  return {
    isValid: true,
    settings: {
      displayName,
      accentColour: accentColour ?? null,
      supportPhone,
      supportEmail,
      supportUrl,
      legalUrl,
      supporterNameMode,
      defaultLocale,
      timeZone: timeZone.value,
    },
  };
}
