/**
 * The verifiers of assertions that reach `/embed/ticket`, each ending in an AssertedTicket. Only
 * `hmac` integrations sign those: Zendesk and Forge send the platform's own token, with the ticket
 * beside it, to their own entry routes (platform/zendesk-token.ts, platform/forge-token.ts).
 */
import type { EmbeddingIntegrationKind } from "../db/schema.js";
import type { AssertedTicket } from "./asserted-ticket.js";
import { verifyHmacAssertion } from "./verify-hmac-assertion.js";

export type AssertionVerifier = (options: {
  assertion: string;
  integrationId: string;
  /** The integration's stored secret or key material, opened by the vault. */
  secret: string;
  now: Date;
}) => Promise<AssertedTicket>;

export const assertionVerifiers: Record<Extract<EmbeddingIntegrationKind, "hmac">, AssertionVerifier> = {
  hmac: verifyHmacAssertion,
};
