/**
 * What a request behind `requireEmbedToken` knows: the signed-in user and session exactly as for
 * Attendant's own pages (so every use case and role check works unchanged), plus the ticket the
 * host asserted when it opened the widget. The token travels in a header, never a cookie, because
 * browsers block third-party cookies inside a helpdesk's iframe.
 */
import type { SignedInEnv } from "../identity/current-session.js";
import type { AssertedTicket } from "./asserted-ticket.js";

/** The ticket an embed session is bound to, and how the host asked the widget to look. */
export interface EmbedTicketContext {
  integrationId: string;
  ticket: AssertedTicket["ticket"];
  theme?: "light" | "dark" | undefined;
  locale?: string | undefined;
}

export interface EmbedEnv {
  Variables: SignedInEnv["Variables"] & { embed: EmbedTicketContext };
}

/** The request header that carries the embed session's token (lower case, as Hono reads headers). */
export const embedTokenHeader = "x-attendant-embed";
