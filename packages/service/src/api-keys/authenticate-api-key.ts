/**
 * Who is calling `/api/v1`: the key's organisation, scopes, and the actor the use cases see.
 * A key acting for a supporter takes that user's role (and stops working when they are disabled
 * or removed); an organisation-wide key acts with the admin role but no user of its own.
 */
import { deleteApiKeyRateWindowsBefore } from "../db/repositories/api-key-rate-windows.js";
import {
  type ApiKeyRecord,
  type FoundApiKey,
  findApiKeyCountingRequest,
  touchApiKey,
} from "../db/repositories/api-keys.js";
import type { SealedTeamViewerCredentials } from "../db/repositories/teamviewer-credentials.js";
import type { ApiKeyScope } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { apiKeyMemoryOf } from "./api-key-memory.js";
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
 * A live key whose organisation the operator disabled (`attendant orgs disable`): refused with its
 * own answer, so the caller learns why; only someone holding the key's secret learns it.
 */
export const organisationDisabled = "organisation-disabled";

/**
 * Undefined for anything but a live key of an active user or organisation. A request that
 * authenticates is counted in its key's rate window: on PostgreSQL by the same statement that
 * finds the key, on the embedded database in memory (api-key-memory.ts).
 */
export async function authenticateApiKey(
  deps: ApiKeyDeps,
  token: string,
  origin: { ip: string | null; userAgent: string | null },
): Promise<ApiPrincipal | typeof organisationDisabled | undefined> {
  const parsed = parseApiKey(token);
  if (parsed === undefined) return undefined;
  const now = deps.clock.now();
  const windowStart = rateWindowStartOf(now);
  const { found, countRequest } = await lookUpKey(deps, parsed, windowStart);
  const actor = found === undefined ? undefined : actorOf(found, parsed.secret, origin);
  if (found === undefined || actor === undefined) return undefined;
  if (found.organisationDisabledAt !== null) return organisationDisabled;
  const { key, actingUserTeamViewer } = found;
  const requestCount = await countRequest(key);
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

/** The key, and how to count this request once it is known to authenticate. */
async function lookUpKey(
  deps: ApiKeyDeps,
  parsed: { prefix: string; secret: string },
  windowStart: Date,
): Promise<{ found: FoundApiKey | undefined; countRequest(key: ApiKeyRecord): Promise<number> }> {
  const memory = await apiKeyMemoryOf(deps.database);
  if (memory !== undefined) {
    return {
      found: await memory.find(parsed.prefix),
      countRequest: async (key) => memory.countRequest(key.id, windowStart),
    };
  }
  const counted = await findApiKeyCountingRequest(deps.database.db, {
    prefix: parsed.prefix,
    secretHash: hashApiKeySecret(parsed.secret),
    windowStart,
  });
  return {
    found: counted,
    countRequest: (key) => countedByStatement(deps, key, counted?.requestCount ?? null, windowStart),
  };
}

/** Who the key acts as; undefined when it does not authenticate this request. */
function actorOf(
  found: FoundApiKey,
  secret: string,
  origin: { ip: string | null; userAgent: string | null },
): SessionActor | undefined {
  const { key, actingUser: user } = found;
  if (key.revokedAt !== null || !isMatchingSecret(secret, key.secretHash)) return undefined;
  const actor: SessionActor = {
    organisationId: key.organisationId,
    userId: null,
    role: "admin",
    label: `api-key:${key.prefix}`,
    ...origin,
  };
  if (key.actingUserId === null) return actor;
  if (user === null || user.isDisabled || user.organisationId !== key.organisationId) return undefined;
  return { ...actor, userId: user.id, role: user.role, label: `api-key:${key.prefix} for ${user.email}` };
}

/**
 * The count the look-up statement took. The first request of a window tidies the key's earlier
 * windows, so one row per key remains.
 */
async function countedByStatement(
  deps: ApiKeyDeps,
  key: ApiKeyRecord,
  requestCount: number | null,
  windowStart: Date,
): Promise<number> {
  // The statement counts exactly the requests that pass actorOf's checks.
  if (requestCount === null)
    throw new Error(`API key ${key.prefix} authenticated but its request was not counted`);
  if (requestCount === 1) {
    await deleteApiKeyRateWindowsBefore(deps.database.db, { apiKeyId: key.id, before: windowStart });
  }
  return requestCount;
}
