/**
 * Who is calling `/api/v1`: the key's organisation, scopes, and the actor the use cases see.
 * A key acting for a supporter takes that user's role (and stops working when they are disabled
 * or removed); an organisation-wide key acts with the admin role but no user of its own.
 */
import { findApiKeyCountingRequest, touchApiKey } from "../db/repositories/api-keys.js";
import type { SealedTeamViewerCredentials } from "../db/repositories/teamviewer-credentials.js";
import type { ApiKeyScope } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { hashApiKeySecret, isMatchingSecret, parseApiKey } from "./api-key-secret.js";
import type { ApiKeyDeps } from "./api-keys.js";
import { rateWindowStartOf } from "./rate-window.js";

const lastUsedPrecisionMs = 60_000;

export interface ApiPrincipal {
  apiKeyId: string;
  scopes: readonly ApiKeyScope[];
  actor: SessionActor;
  /** This request, counted in the key's current rate window (src/api/rate-limit.ts decides). */
  rateWindow: { start: Date; requestCount: number };
  /**
   * The acting user's TeamViewer app and connection as read with the key, for a call to
   * TeamViewer as that user in this request; both null for an organisation-wide key.
   */
  actingUserTeamViewer: SealedTeamViewerCredentials;
}

/**
 * Undefined for anything but a live key of an active user or organisation. A request that
 * authenticates is counted in its key's rate window by the same statement that finds the key.
 */
export async function authenticateApiKey(
  deps: ApiKeyDeps,
  token: string,
  origin: { ip: string | null; userAgent: string | null },
): Promise<ApiPrincipal | undefined> {
  const parsed = parseApiKey(token);
  if (parsed === undefined) return undefined;
  const now = deps.clock.now();
  const windowStart = rateWindowStartOf(now);
  const found = await findApiKeyCountingRequest(deps.database.db, {
    prefix: parsed.prefix,
    secretHash: hashApiKeySecret(parsed.secret),
    windowStart,
  });
  if (found === undefined) return undefined;
  const { key, actingUser: user, requestCount, actingUserTeamViewer } = found;
  if (key.revokedAt !== null || !isMatchingSecret(parsed.secret, key.secretHash)) return undefined;
  let actor: SessionActor = {
    organisationId: key.organisationId,
    userId: null,
    role: "admin",
    label: `api-key:${key.prefix}`,
    ...origin,
  };
  if (key.actingUserId !== null) {
    if (user === null || user.isDisabled || user.organisationId !== key.organisationId) return undefined;
    actor = { ...actor, userId: user.id, role: user.role, label: `api-key:${key.prefix} for ${user.email}` };
  }
  // The statement counts exactly the requests that pass the checks above.
  if (requestCount === null)
    throw new Error(`API key ${key.prefix} authenticated but its request was not counted`);
  // "Last used" is for people deciding which keys to revoke; minute precision is plenty, and
  // skipping the write on every other request keeps a busy key from paying one more commit each.
  if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
    await touchApiKey(deps.database.db, key.id, now);
  }
  return {
    apiKeyId: key.id,
    scopes: key.scopes,
    actor,
    rateWindow: { start: windowStart, requestCount },
    actingUserTeamViewer,
  };
}
