/**
 * A session for a helpdesk ticket by its id alone (issue 22): when the caller sends no title,
 * the ticket's title, address and first requester are read from the organisation's helpdesk. A
 * caller that sends the title is never held up by the helpdesk: the helpdesk being down must not
 * stop a supporter from helping a customer.
 */
import { findHelpdeskConnection } from "../db/repositories/helpdesk-connections.js";
import type { TicketReference } from "../sessions/create-support-session.js";
import { connectorFor } from "./connectors.js";
import type { HelpdeskDeps } from "./helpdesk-connection-settings.js";
import { HelpdeskError } from "./helpdesk-error.js";

export type HelpdeskTicketProblem = "title-required" | "ticket-not-found" | "helpdesk-unavailable";

export class HelpdeskTicketError extends Error {
  constructor(
    readonly reason: HelpdeskTicketProblem,
    message: string,
  ) {
    super(message);
    this.name = "HelpdeskTicketError";
  }
}

/** Limits of the ticket we store (src/api/session-schemas.ts): longer helpdesk values are cut. */
const maxTitleLength = 500;
const maxNameLength = 100;

/** Whether a session's ticket may be sent without a title: a helpdesk is connected to read it from. */
export async function readsTicketsFromHelpdesk(deps: HelpdeskDeps, organisationId: string): Promise<boolean> {
  return (await findHelpdeskConnection(deps.database.db, deps.vault, organisationId)) !== undefined;
}

export async function completeTicketFromHelpdesk(
  deps: HelpdeskDeps,
  organisationId: string,
  ticket: Omit<TicketReference, "title"> & { title?: string | undefined },
): Promise<TicketReference> {
  if (ticket.title !== undefined) return { ...ticket, title: ticket.title };
  const connection = await findHelpdeskConnection(deps.database.db, deps.vault, organisationId);
  if (connection === undefined) {
    throw new HelpdeskTicketError(
      "title-required",
      "ticket.title is required: no helpdesk is connected to read it from (Settings → Helpdesk).",
    );
  }
  try {
    const found = await connectorFor(connection).readTicket(ticket.externalId);
    const name = found.requester?.name?.slice(0, maxNameLength);
    const email = found.requester?.email;
    return {
      externalId: ticket.externalId,
      title: (found.title.trim() === "" ? `#${found.id}` : found.title).slice(0, maxTitleLength),
      url: ticket.url ?? found.url,
      requesterName: ticket.requesterName ?? name,
      requesterEmail:
        ticket.requesterEmail ?? (email !== undefined && email.length <= 254 ? email : undefined),
    };
  } catch (error) {
    if (!(error instanceof HelpdeskError)) throw error;
    if (error.reason === "not-found") {
      throw new HelpdeskTicketError(
        "ticket-not-found",
        `The helpdesk has no ticket ${ticket.externalId}, or its API user may not see it. Check the ticket id, or send ticket.title.`,
      );
    }
    throw new HelpdeskTicketError(
      "helpdesk-unavailable",
      `The helpdesk could not be asked for ticket ${ticket.externalId}'s title (${error.message}). Send ticket.title yourself, or try again.`,
    );
  }
}
