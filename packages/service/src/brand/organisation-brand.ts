/**
 * An organisation's brand as the customer-facing pages and e-mails use it (issue 25), and the
 * admins' change of it. Without a saved brand an organisation shows its own name and no logo.
 */
import { createHash } from "node:crypto";
import type { Db } from "../db/open-database.js";
import {
  type BrandSettings,
  findOrganisationBrand,
  findOrganisationLogo,
  type StoredBrand,
  saveOrganisationBrand,
} from "../db/repositories/organisation-brands.js";
import type { SupporterNameMode } from "../db/schema.js";
import type { AppDeps } from "../http/app-deps.js";
import { type Locale, readableTimeZone } from "../i18n/index.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { accentStylesheetPath, logoPath } from "./brand-asset-paths.js";
import { type BrandForm, type BrandProblems, readBrandForm } from "./brand-settings.js";
import { checkLogo } from "./logo-image.js";

export interface Brand extends StoredBrand {
  organisationId: string;
  /** The name customers see: the display name, else the organisation's own. */
  name: string;
  /** Where the logo is served, changing with the logo; undefined without one. */
  logoPath: string | undefined;
  /** A stylesheet setting the accent colour; undefined without one. */
  accentStylesheetPath: string | undefined;
}

export async function loadBrand(db: Db, organisationId: string): Promise<Brand | undefined> {
  const stored = await findOrganisationBrand(db, organisationId);
  if (stored === undefined) return undefined;
  return {
    ...stored,
    organisationId,
    name: stored.displayName ?? stored.organisationName,
    timeZone: readableTimeZone(stored.timeZone),
    logoPath: stored.logoHash === null ? undefined : logoPath(organisationId, stored.logoHash),
    accentStylesheetPath:
      stored.accentColour === null ? undefined : accentStylesheetPath(stored.accentColour),
  };
}

/** The logo with this hash, while it is still the organisation's; an earlier one is gone. */
export async function loadCurrentLogo(
  db: Db,
  organisationId: string,
  hash: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string } | undefined> {
  const logo = await findOrganisationLogo(db, organisationId);
  if (logo === undefined || logo.hash !== hash) return undefined;
  return { bytes: new Uint8Array(Buffer.from(logo.base64, "base64")), contentType: logo.contentType };
}

/** The organisation's language for customers whose own is not known. */
export async function organisationLocale(db: Db, organisationId: string): Promise<Locale> {
  return (await findOrganisationBrand(db, organisationId))?.defaultLocale ?? "en";
}

/**
 * The supporter's name as customers see it; empty means "the support team" wording. "first" is
 * the display name's first word, and the settings page says so: display names are free text, so
 * which word is the given name is not known. For a name written family name first (佐藤 健二) that
 * is the family name, which is also how Japanese customers address staff.
 */
export function supporterNameForCustomers(displayName: string, mode: SupporterNameMode): string {
  if (mode === "none") return "";
  return mode === "first" ? (displayName.trim().split(/\s+/)[0] ?? "") : displayName;
}

export type LogoUpload = { kind: "keep" } | { kind: "remove" } | { kind: "replace"; bytes: Uint8Array };

export type SaveBrandResult = { kind: "saved" } | { kind: "invalid"; problems: BrandProblems };

/** Admins only (the route checks the role); nothing is stored while any field has a problem. */
export async function saveBrand(
  deps: Pick<AppDeps, "database" | "clock">,
  options: { actor: SessionActor; form: BrandForm; logo: LogoUpload },
): Promise<SaveBrandResult> {
  const read = readBrandForm(options.form);
  const problems: BrandProblems = read.isValid ? {} : { ...read.problems };
  const logo = options.logo.kind === "replace" ? checkLogo(options.logo.bytes) : undefined;
  if (logo !== undefined && logo.kind !== "ok") {
    problems.logo =
      logo.kind === "too-wide"
        ? { key: "brand.error.logoTooWide", params: { width: logo.width, height: logo.height } }
        : { key: `brand.error.logo.${logo.kind}` };
  }
  if (!read.isValid || Object.keys(problems).length > 0) return { kind: "invalid", problems };
  await saveOrganisationBrand(deps.database.db, {
    organisationId: options.actor.organisationId,
    settings: read.settings satisfies BrandSettings,
    ...logoColumns(options.logo, logo),
    userId: options.actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, options.actor, {
    action: "organisation_brand.updated",
    target: { type: "organisation", id: options.actor.organisationId },
    details: { logo: options.logo.kind },
  });
  return { kind: "saved" };
}

function logoColumns(upload: LogoUpload, check: ReturnType<typeof checkLogo> | undefined) {
  if (upload.kind === "remove") return { logo: null };
  if (upload.kind !== "replace" || check?.kind !== "ok") return {};
  return {
    logo: {
      base64: Buffer.from(upload.bytes).toString("base64"),
      contentType: check.contentType,
      hash: createHash("sha256").update(upload.bytes).digest("hex").slice(0, 16),
    },
  };
}
