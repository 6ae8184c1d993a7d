/**
 * What the end customer's page at `/join/<token>` shows. The token is looked up by its SHA-256;
 * an unknown token and a replaced one look the same, so the page reveals nothing about sessions
 * it was not given the address of.
 */
import { type Brand, loadBrand, supporterNameForCustomers } from "../brand/organisation-brand.js";
import type { Db } from "../db/open-database.js";
import { findJoinTarget } from "../db/repositories/join-links.js";
import { isOrganisationDisabled } from "../db/repositories/organisations.js";
import type { Locale } from "../i18n/index.js";
import { hashSecretToken } from "../identity/random-tokens.js";

/** What every page of a known address carries: whose it is and which language it was sent in. */
export interface JoinPageBrand {
  /** The organisation's brand; its `name` is what the customer sees. */
  brand: Brand;
  /** The language of the latest invitation e-mail, if one was sent. */
  invitationLocale: Locale | undefined;
}

export type JoinPageView =
  | { kind: "unknown" }
  /** `withdrawn`: the operator disabled the session's organisation (`attendant orgs disable`). */
  | ({ kind: "closed" | "expired" | "withdrawn"; organisationName: string } & JoinPageBrand)
  | ({
      kind: "open";
      organisationName: string;
      /** Empty when the supporter set no display name or the organisation shows no names. */
      supporterName: string;
      endCustomerLink: string;
      validUntil: Date;
      /** What the page tells the customer is happening (joinStatusOf). */
      status: Exclude<JoinStatus, "ended">;
    } & JoinPageBrand);

/**
 * The customer's side of the live desk (issue 24): `ready` until TeamViewer says they started
 * QuickSupport, `waiting` for the technician after that, `ended` once the session is closed or
 * past its validity. Whether the technician has connected is not something TeamViewer's session
 * state tells (docs/teamviewer-api.md §3), so the page does not claim it.
 */
export type JoinStatus = "ready" | "waiting" | "ended";

export function joinStatusOf(view: Exclude<JoinPageView, { kind: "unknown" }>): JoinStatus {
  return view.kind === "open" ? view.status : "ended";
}

/** Our tokens are 43 base64url characters; anything else is not worth a database query. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedJoinToken(token: string): boolean {
  return tokenPattern.test(token);
}

export async function openJoinPage(deps: { db: Db; now: Date }, token: string): Promise<JoinPageView> {
  if (!isWellFormedJoinToken(token)) return { kind: "unknown" };
  const target = await findJoinTarget(deps.db, hashSecretToken(token));
  if (target === undefined) return { kind: "unknown" };
  const brand = await loadBrand(deps.db, target.organisationId);
  if (brand === undefined) return { kind: "unknown" };
  const known = { organisationName: brand.name, brand, invitationLocale: target.invitationLocale };
  if (await isOrganisationDisabled(deps.db, target.organisationId)) return { kind: "withdrawn", ...known };
  if (target.sessionState === "closed") return { kind: "closed", ...known };
  if (target.expiresAt.getTime() <= deps.now.getTime()) return { kind: "expired", ...known };
  return {
    kind: "open",
    ...known,
    supporterName: supporterNameForCustomers(target.supporterName, brand.supporterNameMode),
    endCustomerLink: target.endCustomerLink,
    validUntil: target.expiresAt,
    status: target.isCustomerWaiting ? "waiting" : "ready",
  };
}
