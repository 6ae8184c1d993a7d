import { importSPKI } from "jose";
import type { AssertedTicket } from "../asserted-ticket.js";
import {
  agentFor,
  checkedTitle,
  nonceOf,
  PlatformTokenRefused,
  requiredString,
  type TicketHint,
  verifyPlatformJwt,
} from "./platform-token.js";

const PLATFORM = "Zendesk";

/** What an admin configures on an integration of kind `zendesk` (docs/embedding.md, "Zendesk"). */
export interface ZendeskTrust {
  integrationId: string;
  /** The Zendesk account, e.g. `https://acme.zendesk.com`. */
  accountUrl: string;
  /** The id Zendesk gave the app's installation in this account. */
  installationId: string;
  /** The app's public key in PEM, from Zendesk's `GET /api/v2/apps/{app_id}/public_key.pem`. */
  publicKeyPem: string;
  /** Zendesk user id → the Attendant user's e-mail. */
  agents: Readonly<Record<string, string>>;
}

/** The ticket as the Zendesk app's frame reads it with the ZAF client; Zendesk does not sign it. */
export interface ZendeskTicketHint extends TicketHint {
  id: string;
}

/**
 * Verifies the token Zendesk posts (form field `token`) to the app's signed URL and turns it into
 * the one shape every host's assertion ends in. Zendesk signs the account (`iss`), the app
 * installation (`aud`) and the agent (`sub`, the user's API URL), but neither the agent's e-mail nor
 * the ticket: the agent comes from the integration's agent map, the ticket from the frame (ADR 0041).
 */
export async function verifyZendeskToken(
  token: string,
  ticket: ZendeskTicketHint,
  trust: ZendeskTrust,
  now: Date,
): Promise<AssertedTicket> {
  const accountUrl = trust.accountUrl.replace(/\/+$/, "");
  const accountHost = new URL(accountUrl).host;
  const key = await importSPKI(trust.publicKeyPem, "RS256");
  const payload = await verifyPlatformJwt(token, {
    platform: PLATFORM,
    key: async () => key,
    // Zendesk names the account by its host; the full origin is accepted as the same account.
    issuer: [accountHost, accountUrl],
    audience: `${accountUrl}/api/v2/apps/installations/${trust.installationId}.json`,
    now,
  });
  const subject = requiredString(payload, "sub", PLATFORM);
  const userId = zendeskUserId(subject, accountUrl);
  if (!/^[1-9][0-9]{0,19}$/.test(ticket.id)) {
    throw new PlatformTokenRefused(
      "ticket",
      `The Zendesk ticket id must be the ticket's number; "${ticket.id}" is not.`,
    );
  }
  return {
    integrationId: trust.integrationId,
    agentEmail: agentFor(trust.agents, userId, PLATFORM),
    ticket: {
      externalId: ticket.id,
      title: checkedTitle(ticket.title, PLATFORM),
      url: `${accountUrl}/agent/tickets/${ticket.id}`,
      requesterName: ticket.requesterName,
      requesterEmail: ticket.requesterEmail,
    },
    nonce: nonceOf(token, payload),
    expiresAt: new Date((payload.exp ?? 0) * 1000),
  };
}

/** `https://acme.zendesk.com/api/v2/users/123.json` → `123`, only for the configured account. */
function zendeskUserId(subject: string, accountUrl: string): string {
  const prefix = `${accountUrl}/api/v2/users/`;
  const id = subject.startsWith(prefix)
    ? /^([0-9]+)\.json$/.exec(subject.slice(prefix.length))?.[1]
    : undefined;
  if (id === undefined) {
    throw new PlatformTokenRefused(
      "missing-claim",
      `The Zendesk token's "sub" claim is not a user of ${accountUrl}: ${JSON.stringify(subject)}.`,
    );
  }
  return id;
}
