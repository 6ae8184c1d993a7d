/**
 * The host opens the widget (issue 23): a host's claim in (src/embedding/host-claim.ts: the HMAC
 * assertion, Zendesk's or Forge's token), an embed session out, or a refusal naming why. Order
 * matters: the integration must exist and be enabled before its secret or keys are used; the
 * signature is checked before anything the assertion says is believed; the one-time
 * id is claimed before the agent is looked up, so a replay is refused as one whoever it names.
 */

import { claimAssertionNonce } from "../db/repositories/embed-sessions.js";
import { findEmbeddingIntegrationById } from "../db/repositories/embedding-integrations.js";
import { isOrganisationDisabled } from "../db/repositories/organisations.js";
import { findUserByEmail } from "../db/repositories/users.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { EmbedRefusal } from "./embed-refusal.js";
import { startEmbedSession } from "./embed-sessions.js";
import type { HostClaim } from "./host-claim.js";
import type { EmbeddingDeps } from "./manage-embedding-integrations.js";

export interface OpenedEmbedSession {
  token: string;
  integrationId: string;
  allowedOrigins: readonly string[];
}

export async function openEmbedSession(
  deps: EmbeddingDeps,
  options: { claim: HostClaim; ip: string | null; userAgent: string | null },
): Promise<OpenedEmbedSession> {
  const db = deps.database.db;
  const integration = await options.claim.integration(db);
  if (integration === undefined) throw new EmbedRefusal("unknown-integration");
  if (integration.disabledAt !== null) throw new EmbedRefusal("integration-disabled", integration.id);
  const asserted = await options.claim.verify(integration, {
    db,
    vault: deps.vault,
    now: deps.clock.now(),
  });
  const isFirstUse = await claimAssertionNonce(db, {
    integrationId: integration.id,
    nonce: asserted.nonce,
    expiresAt: asserted.expiresAt,
  });
  if (!isFirstUse) throw new EmbedRefusal("replayed", integration.id);
  // Only after the signature: whether an organisation is disabled is for its own helpdesk to learn.
  if (await isOrganisationDisabled(db, integration.organisationId)) {
    throw new EmbedRefusal("organisation-disabled", integration.id);
  }
  const user = await findUserByEmail(db, integration.organisationId, asserted.agentEmail);
  if (user === undefined || user.isDisabled) throw new EmbedRefusal("unknown-agent", integration.id);
  const { token, sessionId } = await startEmbedSession(
    { db, clock: deps.clock },
    { userId: user.id, asserted },
  );
  await auditSessionAction(
    deps,
    {
      organisationId: integration.organisationId,
      userId: user.id,
      role: user.role,
      label: user.email,
      ip: options.ip,
      userAgent: options.userAgent,
    },
    {
      action: "embed_session.opened",
      target: { type: "embed_session", id: sessionId },
      details: {
        integrationId: integration.id,
        integrationName: integration.name,
        ticket: asserted.ticket.externalId,
      },
    },
  );
  return { token, integrationId: integration.id, allowedOrigins: integration.allowedOrigins };
}

/** The origins that may frame a page about this integration; none when it is unknown. */
export async function framingOriginsOf(
  deps: Pick<EmbeddingDeps, "database">,
  integrationId: string | undefined,
): Promise<readonly string[]> {
  if (integrationId === undefined) return [];
  const integration = await findEmbeddingIntegrationById(deps.database.db, integrationId);
  return integration?.allowedOrigins ?? [];
}

/**
 * The one value of `embedFrameOrigins` that is not an origin: any page may frame the response.
 * Allowed origins are validated never to be `*` (allowed-origins.ts), so it cannot come from one.
 */
export const anyFrameAncestor = "*";

/**
 * Who may frame a refusal page: the integration's origins once it is known, else anyone. A refusal
 * that names no integration has nothing to click and tells nothing the address does not already
 * tell when opened on its own; framed, it explains in the helpdesk's sidebar what the browser's
 * blocked-frame error would hide (docs/adr/0045-framing-refusals-of-unknown-integrations.md).
 */
export async function refusalFramingOriginsOf(
  deps: Pick<EmbeddingDeps, "database">,
  integrationId: string | undefined,
): Promise<readonly string[]> {
  const origins = await framingOriginsOf(deps, integrationId);
  return origins.length === 0 ? [anyFrameAncestor] : origins;
}
