/**
 * How one kind of host proves who opens the widget (issue 23). Every entry route (the HMAC
 * assertion, Zendesk's signed URL, Forge's invocation token) builds one of these, and
 * open-embed-session.ts does everything else the same way for all of them: the integration's
 * state, replay, the organisation, the agent, the embed session and the audit entry.
 */
import type { Db } from "../db/open-database.js";
import type { EmbeddingIntegrationRecord } from "../db/repositories/embedding-integrations.js";
import type { SecretBox } from "../vault/secret-box.js";
import type { AssertedTicket } from "./asserted-ticket.js";

export interface HostClaim {
  /** The integration the request names, found before anything it says is verified. */
  integration(db: Db): Promise<EmbeddingIntegrationRecord | undefined>;
  /**
   * Checks the signature the way this entry expects, for an enabled integration; throws an
   * EmbedRefusal (with the integration's id) for an integration of another kind or a bad token.
   */
  verify(
    integration: EmbeddingIntegrationRecord,
    context: { db: Db; vault: SecretBox; now: Date },
  ): Promise<AssertedTicket>;
}
