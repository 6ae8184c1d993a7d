/**
 * How long a ticket's fields may be, one rule for the REST API and the "New session" form, so a
 * title the API takes is never refused by the form.
 */
export const ticketTitleMaxLength = 500;
