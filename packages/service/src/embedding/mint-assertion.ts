/**
 * Server-to-server minting (issue 23): a helpdesk that cannot sign in the browser asks the REST
 * API for a widget address and puts it into its page. The assertion is the same HS256 JWT a host
 * would sign itself (src/embedding/verify-hmac-assertion.ts checks it), signed here with the
 * integration's secret, so the entry route knows no second way in.
 *
 * Minting names an agent, so it is impersonation power: an organisation-wide key (acting as
 * admin) may mint for any enabled user of the organisation, a key acting for a supporter only
 * for that supporter.
 */
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { findEmbeddingIntegration, loadEmbeddingSecret } from "../db/repositories/embedding-integrations.js";
import { findUserByEmail } from "../db/repositories/users.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { EmbeddingError } from "./embedding-error.js";
import type { EmbeddingDeps } from "./manage-embedding-integrations.js";
import { assertionAudience } from "./verify-hmac-assertion.js";

/** Long enough for the page that carries the address to load, short enough to be useless later. */
export const mintedAssertionLifetimeSeconds = 120;

export interface MintRequest {
  integrationId: string;
  agentEmail: string;
  ticket: {
    externalId: string;
    title: string;
    url?: string | undefined;
    requesterName?: string | undefined;
    requesterEmail?: string | undefined;
  };
  theme?: "light" | "dark" | undefined;
  lang?: "en" | "de" | "ja" | undefined;
}

export interface MintedAssertion {
  widgetUrl: string;
  expiresAt: Date;
}

export async function mintAssertion(
  deps: EmbeddingDeps & { publicUrl: string },
  options: { actor: SessionActor; request: MintRequest },
): Promise<MintedAssertion> {
  const { actor, request } = options;
  const db = deps.database.db;
  const integration = await findEmbeddingIntegration(db, actor.organisationId, request.integrationId);
  if (integration === undefined) throw new EmbeddingError("integration-not-found");
  if (integration.disabledAt !== null) throw new EmbeddingError("integration-disabled");
  if (integration.kind !== "hmac") throw new EmbeddingError("platform-signed");
  const agent = await findUserByEmail(db, actor.organisationId, request.agentEmail);
  if (agent === undefined || agent.isDisabled) throw new EmbeddingError("unknown-agent");
  if (actor.role !== "admin" && agent.id !== actor.userId) throw new EmbeddingError("forbidden");
  const secret = await loadEmbeddingSecret(db, deps.vault, integration.id);
  if (secret === undefined) throw new EmbeddingError("integration-not-found");
  const issuedAt = Math.floor(deps.clock.now().getTime() / 1000);
  const expiresAt = issuedAt + mintedAssertionLifetimeSeconds;
  const { ticket } = request;
  const assertion = await new SignJWT({
    agent_email: agent.email,
    ticket: {
      id: ticket.externalId,
      title: ticket.title,
      ...(ticket.url === undefined ? {} : { url: ticket.url }),
      ...(ticket.requesterName === undefined ? {} : { requester_name: ticket.requesterName }),
      ...(ticket.requesterEmail === undefined ? {} : { requester_email: ticket.requesterEmail }),
    },
    ...(request.theme === undefined ? {} : { theme: request.theme }),
    ...(request.lang === undefined ? {} : { lang: request.lang }),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(integration.id)
    .setAudience(assertionAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(randomBytes(24).toString("base64url"))
    .sign(new TextEncoder().encode(secret));
  const widgetUrl = new URL("/embed/ticket", deps.publicUrl);
  widgetUrl.searchParams.set("assertion", assertion);
  return { widgetUrl: widgetUrl.href, expiresAt: new Date(expiresAt * 1000) };
}
