/**
 * Support sessions as JSON: camelCase, ISO dates, supporter links only when given. The REST API
 * answers with it, and session events carry it (without the links), so a receiver parses one
 * shape; it lives with the sessions so that neither depends on the other.
 * `joinUrl` is the end customer's join page address, present only in the answer that made it:
 * Attendant keeps just a hash of its token (docs/adr/0035-join-address-in-api-answers.md).
 */

import type { SupporterLinks, SupportSession } from "./support-session-view.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toSessionJson(
  session: SupportSession,
  extras: { supporterLinks?: SupporterLinks | undefined; joinUrl?: string | null } = {},
) {
  // The live desk's wait time is shown on our pages only; the API's session shape stays as documented.
  const { customerWaitingSince: _, ...shown } = session;
  return {
    ...shown,
    joinUrl: extras.joinUrl ?? null,
    validUntil: session.validUntil.toISOString(),
    createdAt: session.createdAt.toISOString(),
    closedAt: iso(session.closedAt),
    lastRefreshedAt: iso(session.lastRefreshedAt),
    ...(extras.supporterLinks === undefined ? {} : { supporterLinks: extras.supporterLinks }),
  };
}
