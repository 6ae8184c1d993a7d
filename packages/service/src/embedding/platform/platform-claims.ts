/**
 * The claims of the Zendesk and Forge entries (docs/adr/0041-zendesk-and-forge-trust.md): the
 * platform's RS256 token checked with the keys the admin configured on the integration, the
 * ticket hint from the app's frame beside it. A refused token becomes the refusal page of the
 * same reason an HMAC assertion would get, and the platform's own explanation goes to the log.
 */
import { decodeJwt } from "jose";
import { z } from "zod";
import {
  findEmbeddingIntegrationById,
  findForgeIntegrationByInstallation,
} from "../../db/repositories/embedding-integrations.js";
import type { AssertedTicket } from "../asserted-ticket.js";
import { EmbedRefusal, type EmbedRefusalReason } from "../embed-refusal.js";
import type { HostClaim } from "../host-claim.js";
import { maxAssertionLength } from "../verify-hmac-assertion.js";
import { verifyForgeToken } from "./forge-token.js";
import { type PlatformTokenProblem, PlatformTokenRefused, type TicketHint } from "./platform-token.js";
import { forgeConfigOf, zendeskConfigOf } from "./stored-platform-config.js";
import { verifyZendeskToken, type ZendeskTicketHint } from "./zendesk-token.js";

const reasonOf: Record<PlatformTokenProblem, EmbedRefusalReason> = {
  malformed: "garbled-assertion",
  algorithm: "bad-signature",
  signature: "bad-signature",
  issuer: "bad-signature",
  audience: "bad-signature",
  expired: "expired",
  "not-yet-valid": "not-yet-valid",
  "missing-claim": "invalid-claims",
  ticket: "invalid-claims",
  "unknown-agent": "unknown-agent",
};

/** `POST /embed/zendesk/:integrationId`: the integration is in the app's configured address. */
export function zendeskClaim(integrationId: string, token: string, ticket: ZendeskTicketHint): HostClaim {
  return {
    async integration(db) {
      checkedToken(token);
      return z.uuid().safeParse(integrationId).success
        ? findEmbeddingIntegrationById(db, integrationId)
        : undefined;
    },
    verify: (integration, { now }) => {
      const config = zendeskConfigOf(integration);
      // An HMAC or Forge integration trusts no Zendesk key: nothing Zendesk signs can open it.
      if (config === undefined) throw new EmbedRefusal("bad-signature", integration.id);
      return refusedAsEmbed(integration.id, () =>
        verifyZendeskToken(token, ticket, { ...config, integrationId: integration.id }, now),
      );
    },
  };
}

/** `POST /embed/forge/launch`: the token's app installation names the integration. */
export function forgeClaim(token: string, hint: TicketHint): HostClaim {
  return {
    async integration(db) {
      const installationId = (decodeJwt(checkedToken(token)).app as { installationId?: unknown } | undefined)
        ?.installationId;
      if (typeof installationId !== "string") throw new EmbedRefusal("garbled-assertion");
      return findForgeIntegrationByInstallation(db, installationId);
    },
    verify: (integration, { now }) => {
      const config = forgeConfigOf(integration);
      if (config === undefined) throw new EmbedRefusal("bad-signature", integration.id);
      return refusedAsEmbed(integration.id, () =>
        verifyForgeToken(token, hint, { ...config, integrationId: integration.id }, now),
      );
    },
  };
}

/** A token that is there, of a sane length, and readable as a JWT before any key is used. */
function checkedToken(token: string): string {
  if (token === "") throw new EmbedRefusal("missing-assertion");
  if (token.length > maxAssertionLength) throw new EmbedRefusal("garbled-assertion");
  try {
    decodeJwt(token);
  } catch {
    throw new EmbedRefusal("garbled-assertion");
  }
  return token;
}

async function refusedAsEmbed(
  integrationId: string,
  verify: () => Promise<AssertedTicket>,
): Promise<AssertedTicket> {
  try {
    return await verify();
  } catch (error) {
    if (!(error instanceof PlatformTokenRefused)) throw error;
    throw new EmbedRefusal(reasonOf[error.problem], integrationId, error.message);
  }
}
