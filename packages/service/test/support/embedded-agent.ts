/**
 * The ticket widget in-process, for tests (issue 23), through its real trust path: an admin
 * registers an embedding integration, `openWidget` signs a host assertion for the user and the
 * ticket (test/embedding/assertion-signer.ts) and opens `/embed/ticket` as a helpdesk's iframe
 * does, and takes the embed token from the redirect's fragment. The tests then talk to the widget
 * only through `request`, with the X-Attendant-Embed header, as the widget's script does.
 */
import { deleteEmbedSession, findEmbedSessionByTokenHash } from "../../src/db/repositories/embed-sessions.js";
import type { User } from "../../src/db/repositories/users.js";
import type { EmbedTicketContext } from "../../src/embedding/embed-env.js";
import { embedTokenHeader } from "../../src/embedding/embed-env.js";
import { registerIntegration } from "../../src/embedding/manage-embedding-integrations.js";
import { hashSecretToken } from "../../src/identity/random-tokens.js";
import { signAssertion } from "../embedding/assertion-signer.js";
import type { PagesHarness } from "../integration/session-pages/pages-harness.js";

export interface EmbeddedAgent {
  /** The embed token the widget holds in memory. */
  token: string;
  /** One request as the widget's script sends it: with the embed header, never a cookie. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a panel form (URL-encoded, as the widget's script sends FormData). */
  submit(path: string, fields: Record<string, string>): Promise<Response>;
  /** Ends the embed session behind the token, as its idle or absolute timeout would. */
  end(): Promise<void>;
}

export interface EmbedWorld {
  /** The integration the widget is opened through; its shell lives at `/embed/widget/<id>`. */
  integrationId(): Promise<string>;
  openWidget(options: {
    user: User;
    ticket: EmbedTicketContext["ticket"];
    theme?: "light" | "dark";
    locale?: string;
  }): Promise<EmbeddedAgent>;
}

const origin = "http://localhost:3000";

export function createEmbedWorld(h: PagesHarness): EmbedWorld {
  let registered: Promise<{ id: string; secret: string }> | undefined;
  const integration = () => {
    registered ??= (async () => {
      const admin = await h.addUser("admin");
      const { integration, secret } = await registerIntegration(h.deps, {
        actor: h.actorOf(admin),
        input: { name: "Test helpdesk", allowedOrigins: ["https://helpdesk.example"] },
      });
      return { id: integration.id, secret };
    })();
    return registered;
  };

  return {
    integrationId: async () => (await integration()).id,
    async openWidget({ user, ticket, theme, locale }) {
      const { id, secret } = await integration();
      const assertion = await signAssertion({
        integrationId: id,
        secret,
        now: h.clock.now(),
        agentEmail: user.email,
        claims: {
          ticket: {
            id: ticket.externalId,
            title: ticket.title,
            ...(ticket.url === undefined ? {} : { url: ticket.url }),
            ...(ticket.requesterName === undefined ? {} : { requester_name: ticket.requesterName }),
            ...(ticket.requesterEmail === undefined ? {} : { requester_email: ticket.requesterEmail }),
          },
          ...(theme === undefined ? {} : { theme }),
          ...(locale === undefined ? {} : { lang: locale }),
        },
      });
      const opened = await h.app.request(
        `${origin}/embed/ticket?assertion=${encodeURIComponent(assertion)}`,
        {
          headers: { "sec-fetch-site": "cross-site", "sec-fetch-dest": "iframe" },
        },
      );
      const token = /#token=([^&]+)$/.exec(opened.headers.get("location") ?? "")?.[1];
      if (opened.status !== 303 || token === undefined)
        throw new Error(`the widget did not open (${opened.status}): ${await opened.text()}`);
      const request = async (path: string, init: RequestInit = {}) =>
        h.app.request(new URL(path, origin).href, {
          ...init,
          headers: { ...(init.headers as Record<string, string> | undefined), [embedTokenHeader]: token },
        });
      return {
        token,
        request,
        submit: (path, fields) =>
          request(path, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
            body: new URLSearchParams(fields).toString(),
          }),
        async end() {
          const row = await findEmbedSessionByTokenHash(h.database.db, hashSecretToken(token));
          if (row !== undefined) await deleteEmbedSession(h.database.db, row.id);
        },
      };
    },
  };
}
