/**
 * Checks an HMAC host assertion (docs/adr/0038-embedding-trust.md): a compact JWT signed with
 * HS256 and the integration's secret. The algorithm is pinned (a `none` or RS256 header is
 * refused before any key is used), the audience fixed, the lifetime at most five minutes with
 * 30 s of clock skew either way, and every field bounded like the same field of a ticket created
 * through the API (src/api/session-schemas.ts).
 *
 * Replay is not checked here: the one-time id is claimed in the database by the caller, so this
 * stays a pure function of the assertion, the secret and the time.
 */
import { decodeJwt, errors, jwtVerify } from "jose";
import { z } from "zod";
import { ticketTitleMaxLength } from "../tickets/ticket-limits.js";
import type { AssertedTicket } from "./asserted-ticket.js";
import { EmbedRefusal } from "./embed-refusal.js";

export const assertionAudience = "attendant-embed";
export const maxAssertionLifetimeSeconds = 300;
export const assertionClockSkewSeconds = 30;
/** Far above any honest assertion (about 1.5 kB with every field at its longest). */
export const maxAssertionLength = 8192;

const text = (max: number) => z.string().trim().min(1).max(max);
const email = z.email().max(254);

const claimsSchema = z.object({
  iss: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  agent_email: email,
  ticket: z.object({
    id: text(200),
    title: text(ticketTitleMaxLength),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    requester_name: text(100).optional(),
    requester_email: email.optional(),
  }),
  theme: z.enum(["light", "dark"]).optional(),
  lang: z.enum(["en", "de", "ja"]).optional(),
});

/** The integration an assertion claims to come from, read before its signature can be checked. */
export function readAssertionIssuer(assertion: string): string {
  if (assertion.length > maxAssertionLength) throw new EmbedRefusal("garbled-assertion");
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw new EmbedRefusal("garbled-assertion");
  }
  const parsed = z.uuid().safeParse(issuer);
  if (!parsed.success) throw new EmbedRefusal("garbled-assertion");
  return parsed.data;
}

export async function verifyHmacAssertion(options: {
  assertion: string;
  /** The integration's secret exactly as shown to the admin; its UTF-8 bytes are the HMAC key. */
  secret: string;
  integrationId: string;
  now: Date;
}): Promise<AssertedTicket> {
  const { integrationId } = options;
  const refuse = (reason: ConstructorParameters<typeof EmbedRefusal>[0]) =>
    new EmbedRefusal(reason, integrationId);
  if (options.assertion.length > maxAssertionLength) throw refuse("garbled-assertion");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(options.assertion, new TextEncoder().encode(options.secret), {
      algorithms: ["HS256"],
      audience: assertionAudience,
      clockTolerance: assertionClockSkewSeconds,
      currentDate: options.now,
      requiredClaims: ["iat", "exp", "jti"],
    }));
  } catch (error) {
    throw refuse(reasonFor(error));
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw refuse("invalid-claims");
  const claims = parsed.data;
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (claims.exp - claims.iat > maxAssertionLifetimeSeconds || claims.exp <= claims.iat) {
    throw refuse("invalid-claims");
  }
  if (claims.iat > nowSeconds + assertionClockSkewSeconds) throw refuse("not-yet-valid");
  return {
    integrationId,
    agentEmail: claims.agent_email,
    ticket: {
      externalId: claims.ticket.id,
      title: claims.ticket.title,
      url: claims.ticket.url,
      requesterName: claims.ticket.requester_name,
      requesterEmail: claims.ticket.requester_email,
    },
    nonce: claims.jti,
    // Replays are refused until the last moment a clock within the skew would still accept it.
    expiresAt: new Date((claims.exp + assertionClockSkewSeconds) * 1000),
    theme: claims.theme,
    locale: claims.lang,
  };
}

function reasonFor(
  error: unknown,
): "expired" | "not-yet-valid" | "bad-signature" | "invalid-claims" | "garbled-assertion" {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    const isEarly = error.reason === "check_failed" && (error.claim === "nbf" || error.claim === "iat");
    return isEarly ? "not-yet-valid" : "invalid-claims";
  }
  // A wrong algorithm (`none`, RS256 …) is a signature we will not check: the same refusal.
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed) {
    return "bad-signature";
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return "garbled-assertion";
  return "bad-signature";
}
