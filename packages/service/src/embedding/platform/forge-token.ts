import { createLocalJWKSet, type JSONWebKeySet } from "jose";
import type { AssertedTicket } from "../asserted-ticket.js";
import {
  agentFor,
  checkedTitle,
  nonceOf,
  PlatformTokenRefused,
  requiredObject,
  requiredString,
  type TicketHint,
  verifyPlatformJwt,
} from "./platform-token.js";

const PLATFORM = "Atlassian Forge";
/** The issuer of every Forge Invocation Token (FIT). */
const FORGE_ISSUER = "forge/invocation-token";

/** What an admin configures on an integration of kind `forge` (docs/embedding.md, "Jira"). */
export interface ForgeTrust {
  integrationId: string;
  /** The app's id from the Forge manifest, `ari:cloud:ecosystem::app/<uuid>`: the FIT's audience. */
  appId: string;
  /** The installation of the app on the one Jira site this integration serves. */
  installationId: string;
  /** That Jira site, e.g. `https://acme.atlassian.net`, for links back to the issue. */
  siteUrl: string;
  /** Atlassian's published Forge keys, copied by the admin; never fetched by Attendant. */
  jwks: JSONWebKeySet;
  /** Atlassian account id → the Attendant user's e-mail. */
  agents: Readonly<Record<string, string>>;
}

/**
 * Verifies the Forge Invocation Token that Atlassian sends (`Authorization: Bearer …`) when the
 * Jira issue panel calls Attendant as its Forge remote. The FIT signs the app, its installation,
 * the user (`principal`, an account id) and the issue in `context.extension.issue`; the issue's
 * title is not in it and comes from the panel as a hint (ADR 0041).
 */
export async function verifyForgeToken(
  token: string,
  hint: TicketHint,
  trust: ForgeTrust,
  now: Date,
): Promise<AssertedTicket> {
  const payload = await verifyPlatformJwt(token, {
    platform: PLATFORM,
    key: createLocalJWKSet(trust.jwks),
    issuer: FORGE_ISSUER,
    audience: trust.appId,
    now,
  });
  const app = requiredObject(payload, "app", PLATFORM);
  const installationId = requiredString(app, "installationId", PLATFORM);
  if (installationId !== trust.installationId) {
    throw new PlatformTokenRefused(
      "audience",
      `The Forge token comes from installation ${installationId}, not ${trust.installationId} configured on this integration.`,
    );
  }
  const principal = requiredString(payload, "principal", PLATFORM);
  const context = requiredObject(payload, "context", PLATFORM);
  const extension = requiredObject(context, "extension", PLATFORM);
  const issue = requiredObject(extension, "issue", PLATFORM);
  const issueKey = requiredString(issue, "key", PLATFORM);
  const siteUrl = trust.siteUrl.replace(/\/+$/, "");
  return {
    integrationId: trust.integrationId,
    agentEmail: agentFor(trust.agents, principal, PLATFORM),
    ticket: {
      externalId: issueKey,
      title: checkedTitle(hint.title, PLATFORM),
      url: `${siteUrl}/browse/${encodeURIComponent(issueKey)}`,
      requesterName: hint.requesterName,
      requesterEmail: hint.requesterEmail,
    },
    nonce: nonceOf(token, payload),
    expiresAt: new Date((payload.exp ?? 0) * 1000),
  };
}
