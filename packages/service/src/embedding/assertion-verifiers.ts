/**
 * One verifier per kind of integration, each ending in an AssertedTicket. A new kind (a
 * platform's own signed JWT) adds its entry here and its name to `embeddingIntegrationKinds` in
 * src/db/schema.ts; nothing downstream changes.
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

export const assertionVerifiers: Record<EmbeddingIntegrationKind, AssertionVerifier> = {
  hmac: verifyHmacAssertion,
};
