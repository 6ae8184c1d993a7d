/**
 * An organisation's brand (issue 25): what end customers see. The logo's bytes are read only by
 * `findOrganisationLogo`; everything else reads the brand without them.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import {
  type InvitationLocale,
  organisationBrands,
  organisations,
  type SupporterNameMode,
} from "../schema.js";

export interface StoredBrand {
  organisationName: string;
  /** The organisation's IANA time zone, kept on the organisation itself (src/db/schema.ts). */
  timeZone: string;
  displayName: string | null;
  accentColour: string | null;
  supportPhone: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  legalUrl: string | null;
  supporterNameMode: SupporterNameMode;
  defaultLocale: InvitationLocale;
  logoHash: string | null;
}

const brandColumns = {
  displayName: organisationBrands.displayName,
  accentColour: organisationBrands.accentColour,
  supportPhone: organisationBrands.supportPhone,
  supportEmail: organisationBrands.supportEmail,
  supportUrl: organisationBrands.supportUrl,
  legalUrl: organisationBrands.legalUrl,
  supporterNameMode: organisationBrands.supporterNameMode,
  defaultLocale: organisationBrands.defaultLocale,
  logoHash: organisationBrands.logoHash,
};

/** Undefined only for an organisation that does not exist; without a saved brand, the defaults. */
export async function findOrganisationBrand(
  db: Db,
  organisationId: string,
): Promise<StoredBrand | undefined> {
  const [row] = await db
    .select({ organisationName: organisations.name, timeZone: organisations.timeZone, ...brandColumns })
    .from(organisations)
    .leftJoin(organisationBrands, eq(organisationBrands.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId));
  if (row === undefined) return undefined;
  return {
    ...row,
    supporterNameMode: row.supporterNameMode ?? "full",
    defaultLocale: row.defaultLocale ?? "en",
  };
}

export interface BrandSettings {
  displayName: string | null;
  accentColour: string | null;
  supportPhone: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  legalUrl: string | null;
  supporterNameMode: SupporterNameMode;
  defaultLocale: InvitationLocale;
  timeZone: string;
}

export interface StoredLogo {
  base64: string;
  contentType: "image/png" | "image/jpeg" | "image/webp";
  hash: string;
}

/**
 * Saves the settings; `logo` replaces the logo, `null` removes it, absent keeps it. The time zone
 * belongs to the organisation row, so both rows change in one transaction.
 */
export async function saveOrganisationBrand(
  db: Db,
  values: {
    organisationId: string;
    settings: BrandSettings;
    logo?: StoredLogo | null;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  const logoColumns =
    values.logo === undefined
      ? {}
      : {
          logoBase64: values.logo?.base64 ?? null,
          logoContentType: values.logo?.contentType ?? null,
          logoHash: values.logo?.hash ?? null,
        };
  const { timeZone, ...brand } = values.settings;
  const set = { ...brand, ...logoColumns, updatedByUserId: values.userId, updatedAt: values.now };
  await db.transaction(async (tx) => {
    await tx
      .insert(organisationBrands)
      .values({ organisationId: values.organisationId, ...set })
      .onConflictDoUpdate({ target: organisationBrands.organisationId, set });
    await tx.update(organisations).set({ timeZone }).where(eq(organisations.id, values.organisationId));
  });
}

export async function findOrganisationLogo(db: Db, organisationId: string): Promise<StoredLogo | undefined> {
  const [row] = await db
    .select({
      base64: organisationBrands.logoBase64,
      contentType: organisationBrands.logoContentType,
      hash: organisationBrands.logoHash,
    })
    .from(organisationBrands)
    .where(eq(organisationBrands.organisationId, organisationId));
  if (row?.base64 == null || row.hash === null) return undefined;
  if (
    row.contentType !== "image/png" &&
    row.contentType !== "image/jpeg" &&
    row.contentType !== "image/webp"
  ) {
    return undefined;
  }
  return { base64: row.base64, contentType: row.contentType, hash: row.hash };
}
