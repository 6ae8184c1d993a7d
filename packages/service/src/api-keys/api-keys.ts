/**
 * Admins manage the organisation's API keys (issue 7, "API keys"): create (the key is shown
 * once), list (prefix, name, scopes, last use; never the secret) and revoke. A key acts either
 * for a named supporter (their sessions, their TeamViewer account) or for the whole organisation.
 */
import {
  type ApiKeyRecord,
  insertApiKey,
  listApiKeyRecords,
  markApiKeyRevoked,
} from "../db/repositories/api-keys.js";
import { findUserById } from "../db/repositories/users.js";
import type { ApiKeyScope } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import { generateApiKey } from "./api-key-secret.js";

export type ApiKeyDeps = Pick<SessionDeps, "database" | "clock">;

export interface ApiKeySummary {
  id: string;
  name: string;
  /** Shown in lists as `atd_<prefix>_…` so people can tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  /** Null for an organisation-wide key. */
  actingUserId: string | null;
  createdByUserId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function requireAdmin(actor: SessionActor): void {
  if (actor.role !== "admin" || actor.userId === null) throw new SupportSessionError("forbidden");
}

function toSummary(record: ApiKeyRecord): ApiKeySummary {
  const { organisationId: _organisation, secretHash: _hash, ...summary } = record;
  return summary;
}

/**
 * @returns the key's summary and the whole key, which cannot be shown again.
 * @throws SupportSessionError forbidden (not an admin), assignee-unavailable (acting user not a supporter here)
 */
export async function createApiKey(
  deps: ApiKeyDeps,
  options: { actor: SessionActor; name: string; scopes: ApiKeyScope[]; actingUserId: string | null },
): Promise<{ apiKey: ApiKeySummary; token: string }> {
  const { actor } = options;
  requireAdmin(actor);
  if (options.actingUserId !== null) {
    const user = await findUserById(deps.database.db, options.actingUserId);
    if (user === undefined || user.organisationId !== actor.organisationId || user.role === "auditor") {
      throw new SupportSessionError("assignee-unavailable");
    }
  }
  const generated = generateApiKey();
  const record = await insertApiKey(deps.database.db, {
    organisationId: actor.organisationId,
    name: options.name,
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    scopes: [...new Set(options.scopes)],
    actingUserId: options.actingUserId,
    createdByUserId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "api_key.created",
    target: { type: "api_key", id: record.id },
    details: {
      name: record.name,
      prefix: record.prefix,
      scopes: record.scopes,
      actingUserId: record.actingUserId,
    },
  });
  return { apiKey: toSummary(record), token: generated.token };
}

/** @throws SupportSessionError forbidden */
export async function listApiKeys(
  deps: ApiKeyDeps,
  options: { actor: SessionActor },
): Promise<ApiKeySummary[]> {
  requireAdmin(options.actor);
  return (await listApiKeyRecords(deps.database.db, options.actor.organisationId)).map(toSummary);
}

/**
 * Takes effect on the key's next request.
 * @returns false when there is no such live key in the organisation.
 * @throws SupportSessionError forbidden
 */
export async function revokeApiKey(
  deps: ApiKeyDeps,
  options: { actor: SessionActor; apiKeyId: string },
): Promise<boolean> {
  requireAdmin(options.actor);
  const revoked = await markApiKeyRevoked(deps.database.db, {
    organisationId: options.actor.organisationId,
    id: options.apiKeyId,
    now: deps.clock.now(),
  });
  if (revoked === undefined) return false;
  await auditSessionAction(deps, options.actor, {
    action: "api_key.revoked",
    target: { type: "api_key", id: revoked.id },
    details: { prefix: revoked.prefix },
  });
  return true;
}
