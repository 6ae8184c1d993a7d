/** Support sessions as our API's JSON: camelCase, ISO dates, supporter links only when given. */

import type { SupporterLinks, SupportSession } from "../sessions/support-session-view.js";
import type { ClosedTicket } from "../tickets/close-ticket.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toSessionJson(session: SupportSession, supporterLinks?: SupporterLinks) {
  return {
    ...session,
    validUntil: session.validUntil.toISOString(),
    createdAt: session.createdAt.toISOString(),
    closedAt: iso(session.closedAt),
    lastRefreshedAt: iso(session.lastRefreshedAt),
    ...(supporterLinks === undefined ? {} : { supporterLinks }),
  };
}

export function toClosedTicketJson(result: ClosedTicket) {
  return { ...result, ticket: { ...result.ticket, closedAt: iso(result.ticket.closedAt) } };
}
