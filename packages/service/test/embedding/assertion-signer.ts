/**
 * Signs host assertions the way a helpdesk does (docs/adr/0038-embedding-trust.md): HS256 with the
 * UTF-8 bytes of the integration's secret as shown to the admin. Tests change one thing at a time
 * through `claims`, `header` and `secret`.
 */
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";

export interface AssertionParts {
  integrationId: string;
  secret: string;
  now: Date;
  agentEmail?: string;
  /** Seconds from now; the default is a five-minute assertion issued now. */
  issuedAtOffset?: number;
  lifetimeSeconds?: number;
  claims?: Record<string, unknown>;
  /** Claims to leave out entirely. */
  without?: string[];
}

export const sampleAssertedTicket = {
  id: "4711",
  title: "Outlook does not start",
  url: "https://helpdesk.example/tickets/4711",
  requester_name: "Erika Mustermann",
  requester_email: "erika@example.org",
};

export function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

export async function signAssertion(parts: AssertionParts): Promise<string> {
  const iat = Math.floor(parts.now.getTime() / 1000) + (parts.issuedAtOffset ?? 0);
  const claims: Record<string, unknown> = {
    iss: parts.integrationId,
    aud: "attendant-embed",
    iat,
    exp: iat + (parts.lifetimeSeconds ?? 300),
    jti: newNonce(),
    agent_email: parts.agentEmail ?? "agent@contoso.example",
    ticket: sampleAssertedTicket,
    ...parts.claims,
  };
  for (const name of parts.without ?? []) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(parts.secret));
}

/** An unsigned token (`alg: none`): what an attacker sends hoping the algorithm is not pinned. */
export function unsignedAssertion(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}
