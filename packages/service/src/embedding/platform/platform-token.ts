import { createHash } from "node:crypto";
import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";

/**
 * Why a helpdesk platform's signed token was refused. Each reason maps to one refusal page
 * (docs/embedding.md, "Troubleshooting"), so an admin can tell a wrong key from a clock problem.
 */
export type PlatformTokenProblem =
  | "malformed"
  | "algorithm"
  | "signature"
  | "expired"
  | "not-yet-valid"
  | "issuer"
  | "audience"
  | "missing-claim"
  | "unknown-agent"
  | "ticket";

export class PlatformTokenRefused extends Error {
  constructor(
    readonly problem: PlatformTokenProblem,
    message: string,
  ) {
    super(message);
    this.name = "PlatformTokenRefused";
  }
}

/** The same skew the HMAC assertion tolerates (contract of issue 23). */
const CLOCK_SKEW_SECONDS = 30;

interface PlatformCheck {
  /** Names the platform in every refusal ("Zendesk", "Atlassian Forge"). */
  platform: string;
  key: JWTVerifyGetKey;
  issuer: string | readonly string[];
  audience: string;
  now: Date;
}

/**
 * Checks a platform's RS256 token with keys the admin configured: only RS256 is accepted (an
 * `alg: none` or HS256 token signed with the public key as secret is refused before any key is
 * used), then the signature, expiry, issuer and audience. Keys are never fetched here.
 */
export async function verifyPlatformJwt(token: string, check: PlatformCheck): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, check.key, {
      algorithms: ["RS256"],
      issuer: typeof check.issuer === "string" ? check.issuer : [...check.issuer],
      audience: check.audience,
      currentDate: check.now,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "iat"],
    });
    if (payload.iat !== undefined && payload.iat > check.now.getTime() / 1000 + CLOCK_SKEW_SECONDS) {
      throw new PlatformTokenRefused(
        "not-yet-valid",
        `The ${check.platform} token was issued in the future (iat ${payload.iat}): check the clock of the Attendant server.`,
      );
    }
    return payload;
  } catch (error) {
    throw refusal(error, check);
  }
}

function refusal(error: unknown, check: PlatformCheck): Error {
  const { platform } = check;
  if (error instanceof PlatformTokenRefused) return error;
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new PlatformTokenRefused(
      "algorithm",
      `The ${platform} token is not signed with RS256; it is refused.`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new PlatformTokenRefused(
      "signature",
      `The ${platform} token's signature does not match the public key configured for this integration: copy the current key from ${platform} into the integration.`,
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new PlatformTokenRefused(
      "expired",
      `The ${platform} token has expired: reload the ticket in ${platform}. If it happens every time, check the clock of the Attendant server.`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") {
      return new PlatformTokenRefused(
        "issuer",
        `The ${platform} token was issued by ${JSON.stringify(error.payload.iss)}, not by ${JSON.stringify(check.issuer)} that this integration trusts.`,
      );
    }
    if (error.claim === "aud") {
      return new PlatformTokenRefused(
        "audience",
        `The ${platform} token is meant for ${JSON.stringify(error.payload.aud)}, not for ${JSON.stringify(check.audience)} configured on this integration.`,
      );
    }
    if (error.claim === "nbf") {
      return new PlatformTokenRefused(
        "not-yet-valid",
        `The ${platform} token is not valid yet: check the clock of the Attendant server.`,
      );
    }
    return new PlatformTokenRefused(
      "missing-claim",
      `The ${platform} token lacks a valid "${error.claim}" claim (${error.reason}).`,
    );
  }
  if (error instanceof errors.JOSEError) {
    return new PlatformTokenRefused(
      "malformed",
      `This is not a ${platform} token Attendant can read (${error.code}).`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A claim that must be a non-empty string. */
export function requiredString(payload: Record<string, unknown>, claim: string, platform: string): string {
  const value = payload[claim];
  if (typeof value !== "string" || value.length === 0) {
    throw new PlatformTokenRefused("missing-claim", `The ${platform} token lacks the "${claim}" claim.`);
  }
  return value;
}

/** A claim that must be an object. */
export function requiredObject(
  payload: Record<string, unknown>,
  claim: string,
  platform: string,
): Record<string, unknown> {
  const value = payload[claim];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PlatformTokenRefused("missing-claim", `The ${platform} token lacks the "${claim}" claim.`);
  }
  return value as Record<string, unknown>;
}

/**
 * The token's one-time id for replay refusal: its `jti` when the platform sends one, otherwise a
 * digest of the whole token (each token is signed once, so its digest is as unique as it is).
 */
export function nonceOf(token: string, payload: JWTPayload): string {
  if (typeof payload.jti === "string" && payload.jti.length > 0) return payload.jti;
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * Platforms name their users by their own ids, never by e-mail (Zendesk's `sub`, Atlassian's
 * account id). The admin maps those ids to Attendant users' e-mail addresses on the integration,
 * so a signed token can only ever act as the user the admin chose (ADR 0041).
 */
export function agentFor(
  agents: Readonly<Record<string, string>>,
  platformUserId: string,
  platform: string,
): string {
  const email = Object.hasOwn(agents, platformUserId) ? agents[platformUserId] : undefined;
  if (email === undefined) {
    throw new PlatformTokenRefused(
      "unknown-agent",
      `The ${platform} user ${platformUserId} is not mapped to an Attendant user: add "${platformUserId}" with the agent's Attendant e-mail to the integration's agents.`,
    );
  }
  return email;
}

/**
 * What the host's frame tells about the ticket where the platform does not sign it. The ticket's
 * address is never taken from it: it is built from the configured account or site.
 */
export interface TicketHint {
  title: string;
  requesterName?: string | undefined;
  requesterEmail?: string | undefined;
}

const MAX_TITLE_LENGTH = 500;

export function checkedTitle(title: string, platform: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH) {
    throw new PlatformTokenRefused(
      "ticket",
      `The ticket title sent by the ${platform} app must be 1–${MAX_TITLE_LENGTH} characters; it was ${trimmed.length}.`,
    );
  }
  return trimmed;
}
