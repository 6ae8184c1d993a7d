/**
 * Admins register the helpdesks that may show the ticket widget (issue 23): register (the secret
 * is shown once), rename or change the allowed origins, disable/enable, rotate the secret, delete.
 * Auditors may look. Every change is audited; the secret never reaches the audit log.
 *
 * Rotation replaces the secret at once, unlike webhooks: the host signs a fresh assertion for
 * every page view, so the only assertions lost are those of the next few seconds.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  deleteEmbeddingIntegration,
  type EmbeddingIntegrationChanges,
  type EmbeddingIntegrationRecord,
  findEmbeddingIntegration,
  insertEmbeddingIntegration,
  listEmbeddingIntegrations,
  replaceEmbeddingSecret,
  updateEmbeddingIntegration,
} from "../db/repositories/embedding-integrations.js";
import type { EmbeddingIntegrationKind } from "../db/schema.js";
import type { AppDeps } from "../http/app-deps.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { checkAllowedOrigins } from "./allowed-origins.js";
import { EmbeddingError, type EmbeddingFieldProblem } from "./embedding-error.js";

export type EmbeddingDeps = Pick<AppDeps, "database" | "vault" | "clock" | "logger">;
/** An integration as pages and the API see it (never its secret). */
export type { EmbeddingIntegrationRecord };

export const maxIntegrationNameLength = 100;

export interface EmbeddingIntegrationInput {
  name: string;
  allowedOrigins: readonly string[];
}

export interface IntegrationWithSecret {
  integration: EmbeddingIntegrationRecord;
  /** 32 random bytes as base64url; shown once. The HMAC key is this text's UTF-8 bytes. */
  secret: string;
}

export function generateEmbeddingSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function canReadEmbeddingIntegrations(actor: SessionActor): boolean {
  return actor.role === "admin" || actor.role === "auditor";
}

function assertCanManage(actor: SessionActor): void {
  if (actor.role !== "admin") throw new EmbeddingError("forbidden");
}

/** Checks and normalises the fields given; throws EmbeddingError invalid-input naming each problem. */
export function validateIntegrationInput(input: Partial<EmbeddingIntegrationInput>): {
  name?: string;
  allowedOrigins?: string[];
} {
  const problems: EmbeddingFieldProblem[] = [];
  const result: { name?: string; allowedOrigins?: string[] } = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name === "") problems.push({ field: "name", problem: "name-missing" });
    else if (name.length > maxIntegrationNameLength)
      problems.push({ field: "name", problem: "name-too-long" });
    else result.name = name;
  }
  if (input.allowedOrigins !== undefined) {
    const checked = checkAllowedOrigins(input.allowedOrigins);
    for (const { origin, problem } of checked.problems) {
      problems.push({ field: "allowedOrigins", problem, ...(origin === "" ? {} : { value: origin }) });
    }
    result.allowedOrigins = checked.origins;
  }
  if (problems.length > 0) throw new EmbeddingError("invalid-input", problems);
  return result;
}

export async function listIntegrations(
  deps: EmbeddingDeps,
  actor: SessionActor,
): Promise<EmbeddingIntegrationRecord[]> {
  if (!canReadEmbeddingIntegrations(actor)) throw new EmbeddingError("forbidden");
  return listEmbeddingIntegrations(deps.database.db, actor.organisationId);
}

export async function getIntegration(
  deps: EmbeddingDeps,
  options: { actor: SessionActor; integrationId: string },
): Promise<EmbeddingIntegrationRecord> {
  if (!canReadEmbeddingIntegrations(options.actor)) throw new EmbeddingError("forbidden");
  const found = await findEmbeddingIntegration(
    deps.database.db,
    options.actor.organisationId,
    options.integrationId,
  );
  if (found === undefined) throw new EmbeddingError("integration-not-found");
  return found;
}

export async function registerIntegration(
  deps: EmbeddingDeps,
  options: { actor: SessionActor; input: EmbeddingIntegrationInput; kind?: EmbeddingIntegrationKind },
): Promise<IntegrationWithSecret> {
  const { actor } = options;
  assertCanManage(actor);
  const valid = validateIntegrationInput(options.input);
  const secret = generateEmbeddingSecret();
  const integration = await insertEmbeddingIntegration(deps.database.db, deps.vault, {
    id: randomUUID(),
    organisationId: actor.organisationId,
    name: valid.name ?? "",
    kind: options.kind ?? "hmac",
    allowedOrigins: valid.allowedOrigins ?? [],
    secret,
    createdByUserId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "embedding_integration.created",
    target: { type: "embedding_integration", id: integration.id },
    details: { name: integration.name, allowedOrigins: integration.allowedOrigins },
  });
  return { integration, secret };
}

export async function updateIntegration(
  deps: EmbeddingDeps,
  options: {
    actor: SessionActor;
    integrationId: string;
    input: Partial<EmbeddingIntegrationInput> & { isEnabled?: boolean };
  },
): Promise<EmbeddingIntegrationRecord> {
  const { actor } = options;
  assertCanManage(actor);
  const valid = validateIntegrationInput(options.input);
  const before = await getIntegration(deps, options);
  const { isEnabled } = options.input;
  const changes: EmbeddingIntegrationChanges = {
    ...(valid.name === undefined ? {} : { name: valid.name }),
    ...(valid.allowedOrigins === undefined ? {} : { allowedOrigins: valid.allowedOrigins }),
    ...(isEnabled === undefined || isEnabled === (before.disabledAt === null)
      ? {}
      : { disabledAt: isEnabled ? null : deps.clock.now() }),
  };
  if (Object.keys(changes).length === 0) return before;
  const updated = await updateEmbeddingIntegration(deps.database.db, {
    organisationId: actor.organisationId,
    id: options.integrationId,
    changes,
    now: deps.clock.now(),
  });
  if (updated === undefined) throw new EmbeddingError("integration-not-found");
  await auditSessionAction(deps, actor, {
    action: "embedding_integration.updated",
    target: { type: "embedding_integration", id: updated.id },
    details: {
      name: updated.name,
      fields: Object.keys(changes),
      allowedOrigins: updated.allowedOrigins,
      isEnabled: updated.disabledAt === null,
    },
  });
  return updated;
}

/** Ends every embed session of the integration at once (the foreign keys cascade). */
export async function deleteIntegration(
  deps: EmbeddingDeps,
  options: { actor: SessionActor; integrationId: string },
): Promise<void> {
  const { actor } = options;
  assertCanManage(actor);
  const before = await getIntegration(deps, options);
  const isDeleted = await deleteEmbeddingIntegration(deps.database.db, actor.organisationId, before.id);
  if (!isDeleted) throw new EmbeddingError("integration-not-found");
  await auditSessionAction(deps, actor, {
    action: "embedding_integration.deleted",
    target: { type: "embedding_integration", id: before.id },
    details: { name: before.name },
  });
}

export async function rotateIntegrationSecret(
  deps: EmbeddingDeps,
  options: { actor: SessionActor; integrationId: string },
): Promise<IntegrationWithSecret> {
  const { actor } = options;
  assertCanManage(actor);
  const secret = generateEmbeddingSecret();
  const integration = await replaceEmbeddingSecret(deps.database.db, deps.vault, {
    organisationId: actor.organisationId,
    id: options.integrationId,
    secret,
    now: deps.clock.now(),
  });
  if (integration === undefined) throw new EmbeddingError("integration-not-found");
  await auditSessionAction(deps, actor, {
    action: "embedding_integration.secret_rotated",
    target: { type: "embedding_integration", id: integration.id },
    details: { name: integration.name },
  });
  return { integration, secret };
}
