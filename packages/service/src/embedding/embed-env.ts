/**
 * What a request behind the embed token knows (issue 23, docs/adr/0039-embedded-widget-transport.md):
 * the user and their sign-in as for signed-in pages, plus the ticket the host asserted. The token
 * arrives in the `X-Attendant-Embed` header only, never in a cookie: browsers block third-party
 * cookies in iframes.
 */
import type { SignedInEnv } from "../identity/current-session.js";
import type { AssertedTicket } from "./asserted-ticket.js";

export interface EmbedTicketContext {
  integrationId: string;
  ticket: AssertedTicket["ticket"];
  theme?: "light" | "dark" | undefined;
  locale?: string | undefined;
}

export interface EmbedEnv {
  Variables: SignedInEnv["Variables"] & { embed: EmbedTicketContext };
}

/** Lower case, as Hono reads request headers. */
export const embedTokenHeader = "x-attendant-embed";
