/**
 * Support sessions as JSON: camelCase, ISO dates, supporter links only when given. The REST API
 * answers with it, and session events carry it (without the links), so a receiver parses one
 * shape; it lives with the sessions so that neither depends on the other.
 * `joinUrl` is the end customer's join page address, present only in the answer that made it:
 * Attendant keeps just a hash of its token (docs/adr/0035-join-address-in-api-answers.md).
 */

import type { SupporterLinks, SupportSession } from "./support-session-view.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

type DateField = "validUntil" | "createdAt" | "closedAt" | "lastRefreshedAt";

/**
 * Every field of the session but the live desk's wait time, which is shown on our pages only:
 * the API's session shape stays as documented (src/api/session-schemas.ts).
 */
export type SessionJson = Omit<SupportSession, "customerWaitingSince" | DateField> & {
  validUntil: string;
  createdAt: string;
  closedAt: string | null;
  lastRefreshedAt: string | null;
  joinUrl: string | null;
  supporterLinks?: SupporterLinks;
};

export function toSessionJson(
  session: SupportSession,
  extras: { supporterLinks?: SupporterLinks | undefined; joinUrl?: string | null } = {},
): SessionJson {
  // Written out field by field rather than as `{ ...rest }`: a list page maps 50 sessions per
  // request, and V8's object rest and spread cost it twice the time (docs/performance.md,
  // "Session lists under load"). The type above makes a forgotten field a compile error.
  const json: SessionJson = {
    id: session.id,
    ticket: session.ticket,
    code: session.code,
    endCustomerLink: session.endCustomerLink,
    state: session.state,
    status: session.status,
    isExpired: session.isExpired,
    isOnline: session.isOnline,
    validUntil: session.validUntil.toISOString(),
    description: session.description,
    waitingMessage: session.waitingMessage,
    group: session.group,
    createdByUserId: session.createdByUserId,
    assignedUserId: session.assignedUserId,
    correlationId: session.correlationId,
    createdAt: session.createdAt.toISOString(),
    closedAt: iso(session.closedAt),
    lastRefreshedAt: iso(session.lastRefreshedAt),
    version: session.version,
    joinUrl: extras.joinUrl ?? null,
  };
  if (extras.supporterLinks !== undefined) json.supporterLinks = extras.supporterLinks;
  return json;
}
