/**
 * The HMAC entry's claim (`/embed/ticket`, docs/adr/0038-embedding-trust.md): the assertion names
 * its integration in `iss`, and only an `hmac` integration's secret can have signed it.
 */
import {
  findEmbeddingIntegrationById,
  loadEmbeddingSecret,
} from "../db/repositories/embedding-integrations.js";
import { assertionVerifiers } from "./assertion-verifiers.js";
import { EmbedRefusal } from "./embed-refusal.js";
import type { HostClaim } from "./host-claim.js";
import { readAssertionIssuer } from "./verify-hmac-assertion.js";

export function hmacClaim(assertion: string | undefined): HostClaim {
  const trimmed = assertion?.trim() ?? "";
  return {
    async integration(db) {
      if (trimmed === "") throw new EmbedRefusal("missing-assertion");
      return findEmbeddingIntegrationById(db, readAssertionIssuer(trimmed));
    },
    async verify(integration, { db, vault, now }) {
      // A Zendesk or Forge integration has no secret: no HMAC assertion can carry its signature.
      if (integration.kind !== "hmac") throw new EmbedRefusal("bad-signature", integration.id);
      const secret = await loadEmbeddingSecret(db, vault, integration.id);
      if (secret === undefined) throw new EmbedRefusal("unknown-integration");
      return assertionVerifiers[integration.kind]({
        assertion: trimmed,
        integrationId: integration.id,
        secret,
        now,
      });
    },
  };
}
