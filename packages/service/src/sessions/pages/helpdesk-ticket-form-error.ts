/**
 * What the New session form says when the helpdesk could not fill in a ticket that was sent
 * without a title (src/helpdesks/complete-ticket.ts): the message sits on the field to change,
 * and the status tells whether trying again later can help.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { HelpdeskTicketProblem } from "../../helpdesks/complete-ticket.js";
import type { FieldErrors } from "../../web/forms.js";

export const helpdeskTicketFormErrors: Record<
  HelpdeskTicketProblem,
  { errors: FieldErrors; status: ContentfulStatusCode }
> = {
  "title-required": { errors: { title: "common.required" }, status: 422 },
  "ticket-not-found": { errors: { externalId: "sessionPages.error.helpdeskTicketNotFound" }, status: 422 },
  "helpdesk-unavailable": { errors: { title: "sessionPages.error.helpdeskUnavailable" }, status: 503 },
};
