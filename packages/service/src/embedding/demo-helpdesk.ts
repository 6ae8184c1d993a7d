/**
 * Demo mode only (issue 23): a way to try the ticket widget without a helpdesk. At every demo
 * start the organisation gets, if it has none yet, an embedding integration that only Attendant's
 * own origin may frame (moved along when the demo restarts on another address);
 * `/demo/helpdesk-ticket` (web/demo-helpdesk-routes.tsx) is a page that looks like a helpdesk's
 * ticket and frames the widget for the signed-in user. The page opens it
 * through the real entry route, with an assertion signed like the REST API's mint
 * (mint-assertion.ts), so the demo shows the path a helpdesk takes, not a shortcut.
 */
import { randomUUID } from "node:crypto";
import {
  type EmbeddingIntegrationRecord,
  insertEmbeddingIntegration,
  listEmbeddingIntegrations,
  updateEmbeddingIntegration,
} from "../db/repositories/embedding-integrations.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { EmbeddingError } from "./embedding-error.js";
import { type EmbeddingDeps, generateEmbeddingSecret } from "./manage-embedding-integrations.js";
import { type MintedAssertion, mintAssertion } from "./mint-assertion.js";

export const demoHelpdeskTicketPath = "/demo/helpdesk-ticket";

/** How the demo start recognises its own integration (an admin may rename it to retire it). */
export const demoIntegrationName = "Demo helpdesk (Attendant's /demo/helpdesk-ticket)";

export const demoTicket = {
  externalId: "DEMO-1",
  title: "Printer in room 2.14 prints blank pages",
  requesterName: "Erika Mustermann",
  requesterEmail: "erika@example.org",
} as const;

async function findDemoIntegration(
  deps: EmbeddingDeps,
  organisationId: string,
): Promise<EmbeddingIntegrationRecord | undefined> {
  const integrations = await listEmbeddingIntegrations(deps.database.db, organisationId);
  return integrations.find((integration) => integration.name === demoIntegrationName);
}

/** At demo start: the demo integration, allowed only for the service's own public origin. */
export async function ensureDemoIntegration(
  deps: EmbeddingDeps,
  options: { organisationId: string; publicUrl: string },
): Promise<EmbeddingIntegrationRecord> {
  const origin = new URL(options.publicUrl).origin;
  const existing = await findDemoIntegration(deps, options.organisationId);
  if (existing !== undefined) {
    if (existing.allowedOrigins.length === 1 && existing.allowedOrigins[0] === origin) return existing;
    // A demo restarted on another port or address: the page there must still be allowed to frame it.
    const moved = await updateEmbeddingIntegration(deps.database.db, {
      organisationId: options.organisationId,
      id: existing.id,
      changes: { allowedOrigins: [origin] },
      now: deps.clock.now(),
    });
    return moved ?? existing;
  }
  // Straight to the repository: the origin of a demo is plain http://localhost, which the
  // admins' form rightly refuses for a real helpdesk.
  return insertEmbeddingIntegration(deps.database.db, deps.vault, {
    id: randomUUID(),
    organisationId: options.organisationId,
    name: demoIntegrationName,
    kind: "hmac",
    platformConfig: null,
    allowedOrigins: [origin],
    secret: generateEmbeddingSecret(),
    createdByUserId: null,
    now: deps.clock.now(),
  });
}

/**
 * The widget address the demo ticket page frames, for the signed-in user as the agent.
 * @throws EmbeddingError integration-not-found when the demo integration was deleted or renamed
 */
export async function openDemoHelpdeskTicket(
  deps: EmbeddingDeps & { publicUrl: string },
  options: { actor: SessionActor; agentEmail: string },
): Promise<MintedAssertion> {
  const integration = await findDemoIntegration(deps, options.actor.organisationId);
  if (integration === undefined) throw new EmbeddingError("integration-not-found");
  return mintAssertion(deps, {
    actor: options.actor,
    request: {
      integrationId: integration.id,
      agentEmail: options.agentEmail,
      ticket: { ...demoTicket, url: new URL(demoHelpdeskTicketPath, deps.publicUrl).href },
    },
  });
}
