/** A ticket close's answer as our API's JSON: ISO dates. */
import type { ClosedTicket } from "../tickets/close-ticket.js";

export function toClosedTicketJson(result: ClosedTicket) {
  const { closedAt } = result.ticket;
  return {
    ...result,
    ticket: { ...result.ticket, closedAt: closedAt === null ? null : closedAt.toISOString() },
  };
}
