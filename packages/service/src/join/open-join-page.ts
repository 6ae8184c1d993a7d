/**
 * What the end customer's page at `/join/<token>` shows. The token is looked up by its SHA-256;
 * an unknown token and a replaced one look the same, so the page reveals nothing about sessions
 * it was not given the address of.
 */
import type { Db } from "../db/open-database.js";
import { findJoinTarget } from "../db/repositories/join-links.js";
import { hashSecretToken } from "../identity/random-tokens.js";

export type JoinPageView =
  | { kind: "unknown" }
  | { kind: "closed" | "expired"; organisationName: string }
  | {
      kind: "open";
      organisationName: string;
      /** Empty when the supporter set no display name. */
      supporterName: string;
      endCustomerLink: string;
      validUntil: Date;
      /** What the page tells the customer is happening (joinStatusOf). */
      status: Exclude<JoinStatus, "ended">;
    };

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
  const { organisationName } = target;
  if (target.sessionState === "closed") return { kind: "closed", organisationName };
  if (target.expiresAt.getTime() <= deps.now.getTime()) return { kind: "expired", organisationName };
  return {
    kind: "open",
    organisationName,
    supporterName: target.supporterName,
    endCustomerLink: target.endCustomerLink,
    validUntil: target.expiresAt,
    status: target.isCustomerWaiting ? "waiting" : "ready",
  };
}
