/**
 * The session harness plus an embedding integration registered by an admin, a helper that opens
 * the widget as a helpdesk would, and one probe route behind `requireEmbedToken` standing in for
 * the widget's own routes: it reveals a support session's supporter links as the embed session's
 * user, exactly as the widget's panel does.
 */
import { Hono } from "hono";
import type { User } from "../../../src/db/repositories/users.js";
import { embedActorOf } from "../../../src/embedding/embed-actor.js";
import type { EmbedEnv } from "../../../src/embedding/embed-env.js";
import { registerIntegration } from "../../../src/embedding/manage-embedding-integrations.js";
import { requireEmbedToken } from "../../../src/embedding/require-embed-token.js";
import { revealSupporterLinks } from "../../../src/sessions/get-support-session.js";
import { SupportSessionError } from "../../../src/sessions/support-session-error.js";
import { type AssertionParts, signAssertion } from "../../embedding/assertion-signer.js";
import type { TestEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness } from "../sessions/session-harness.js";

export const hostOrigin = "https://rt.example.com";
export const probePath = "/embed/probe";

export interface EmbedHarness extends SessionHarness {
  admin: User;
  integrationId: string;
  secret: string;
  sign(parts?: Partial<AssertionParts>): Promise<string>;
  /** `GET /embed/ticket?assertion=…` as the helpdesk's iframe opens it. */
  open(assertion: string | undefined): Promise<Response>;
  /** The probe behind the embed token: the supporter links of `sessionId`, or why not. */
  probe(token: string | undefined, sessionId?: string): Promise<Response>;
}

export function tokenOf(response: Response): string {
  const location = response.headers.get("location") ?? "";
  const token = /#token=([^&]+)$/.exec(location)?.[1];
  if (token === undefined) throw new Error(`no token in ${location}`);
  return decodeURIComponent(token);
}

export async function createEmbedHarness(engine: TestEngine): Promise<EmbedHarness> {
  const h = await createSessionHarness(engine);
  const admin = await h.addUser("admin");
  const { integration, secret } = await registerIntegration(h.deps, {
    actor: h.actorOf(admin),
    input: { name: "Request Tracker", allowedOrigins: [hostOrigin, "http://localhost:8080"] },
  });
  const probe = new Hono<EmbedEnv>();
  probe.get(probePath, requireEmbedToken(h.appDeps), async (c) => {
    const sessionId = c.req.query("session");
    const seen = { role: c.get("user").role, email: c.get("user").email, embed: c.get("embed") };
    if (sessionId === undefined) return c.json(seen);
    try {
      return c.json({
        ...seen,
        links: await revealSupporterLinks(h.deps, { actor: embedActorOf(c), sessionId }),
      });
    } catch (error) {
      if (error instanceof SupportSessionError) return c.json({ ...seen, refused: error.reason }, 403);
      throw error;
    }
  });
  // Added after the app's own routes, so every middleware of the app runs before it.
  h.app.route("/", probe as unknown as Hono);
  return {
    ...h,
    admin,
    integrationId: integration.id,
    secret,
    sign: (parts = {}) =>
      signAssertion({
        integrationId: integration.id,
        secret,
        now: h.clock.now(),
        agentEmail: admin.email,
        ...parts,
      }),
    open: (assertion) =>
      h.api(
        "GET",
        assertion === undefined
          ? "/embed/ticket"
          : `/embed/ticket?assertion=${encodeURIComponent(assertion)}`,
        {
          headers: { "sec-fetch-site": "cross-site", "sec-fetch-dest": "iframe" },
        },
      ),
    probe: (token, sessionId) =>
      h.api("GET", sessionId === undefined ? probePath : `${probePath}?session=${sessionId}`, {
        headers: token === undefined ? {} : { "x-attendant-embed": token },
      }),
  };
}
