/** Support sessions as our API's JSON: camelCase, ISO dates, supporter links only when given. */

import type { SupporterLinks, SupportSession } from "../sessions/support-session-view.js";
import type { ClosedTicket } from "../tickets/close-ticket.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toSessionJson(session: SupportSession, supporterLinks?: SupporterLinks) {
  // The live desk's wait time is shown on our pages only; the API's session shape stays as documented.
  const { customerWaitingSince: _, ...shown } = session;
  return {
    ...shown,
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
