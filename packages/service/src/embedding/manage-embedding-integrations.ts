/**
 * Admins register the helpdesks that may show the ticket widget (issue 23): register (the secret
 * of an `hmac` integration is shown once; a Zendesk or Forge integration gets none, it trusts the
 * platform's keys instead), rename or change the allowed origins or the platform configuration,
 * disable/enable, rotate the secret, delete. Auditors may look. Every change is audited; the
 * secret never reaches the audit log.
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
import type { AppDeps } from "../http/app-deps.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { checkAllowedOrigins } from "./allowed-origins.js";
import { EmbeddingError, type EmbeddingFieldProblem } from "./embedding-error.js";
import {
  checkForgeConfig,
  checkZendeskConfig,
  type ForgeConfigInput,
  type PlatformConfigFieldProblem,
  type ZendeskConfigInput,
} from "./platform/platform-trust-input.js";

export type EmbeddingDeps = Pick<AppDeps, "database" | "vault" | "clock" | "logger">;
/** An integration as pages and the API see it (never its secret). */
export type { EmbeddingIntegrationRecord };

export const maxIntegrationNameLength = 100;

export interface EmbeddingIntegrationInput {
  name: string;
  allowedOrigins: readonly string[];
  /** Only for an integration of kind `zendesk`: required when registering, replaced whole on update. */
  zendesk?: ZendeskConfigInput;
  /** Only for an integration of kind `forge`, likewise. */
  forge?: ForgeConfigInput;
}

/** The kinds whose hosts send the platform's own signed token (ADR 0041). */
export type PlatformKind = "zendesk" | "forge";

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

/**
 * Checks the configuration of a Zendesk or Forge integration: the one its kind needs, none of the
 * other kind's. `isRequired` when registering; on update a missing configuration is kept as it is.
 */
async function validatePlatformConfig(
  kind: EmbeddingIntegrationRecord["kind"],
  input: Partial<EmbeddingIntegrationInput>,
  isRequired: boolean,
): Promise<{ problems: EmbeddingFieldProblem[]; config?: Record<string, unknown> }> {
  const problems: EmbeddingFieldProblem[] = [];
  for (const other of ["zendesk", "forge"] as const) {
    if (other !== kind && input[other] !== undefined) {
      problems.push({ field: other, problem: "config-of-other-kind" });
    }
  }
  if (kind === "hmac") return { problems };
  const checked =
    kind === "zendesk"
      ? input.zendesk && (await checkZendeskConfig(input.zendesk))
      : input.forge && (await checkForgeConfig(input.forge));
  if (checked === undefined) {
    if (isRequired) problems.push({ field: kind, problem: "config-missing" });
    return { problems };
  }
  const named = (entry: PlatformConfigFieldProblem): EmbeddingFieldProblem => ({
    ...entry,
    field: `${kind}.${entry.field}`,
  });
  problems.push(...checked.problems.map(named));
  return checked.config === undefined ? { problems } : { problems, config: { ...checked.config } };
}

/** Name, origins and configuration together, so one answer names every problem at once. */
async function validateAll(
  kind: EmbeddingIntegrationRecord["kind"],
  input: Partial<EmbeddingIntegrationInput>,
  isRequired: boolean,
): Promise<ReturnType<typeof validateIntegrationInput> & { platformConfig?: Record<string, unknown> }> {
  const platform = await validatePlatformConfig(kind, input, isRequired);
  let valid: ReturnType<typeof validateIntegrationInput> = {};
  try {
    valid = validateIntegrationInput(input);
  } catch (error) {
    if (!(error instanceof EmbeddingError)) throw error;
    platform.problems.unshift(...error.problems);
  }
  if (platform.problems.length > 0) throw new EmbeddingError("invalid-input", platform.problems);
  return platform.config === undefined ? valid : { ...valid, platformConfig: platform.config };
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
  options: { actor: SessionActor; input: EmbeddingIntegrationInput },
): Promise<IntegrationWithSecret> {
  assertCanManage(options.actor);
  const valid = await validateAll("hmac", options.input, true);
  const secret = generateEmbeddingSecret();
  const integration = await insertIntegration(deps, options.actor, {
    kind: "hmac",
    valid,
    secret,
    platformConfig: null,
  });
  return { integration, secret };
}

/** A Zendesk or Forge integration: no secret is generated, the platform's keys are trusted instead. */
export async function registerPlatformIntegration(
  deps: EmbeddingDeps,
  options: { actor: SessionActor; kind: PlatformKind; input: EmbeddingIntegrationInput },
): Promise<EmbeddingIntegrationRecord> {
  assertCanManage(options.actor);
  const valid = await validateAll(options.kind, options.input, true);
  return insertIntegration(deps, options.actor, {
    kind: options.kind,
    valid,
    secret: null,
    platformConfig: valid.platformConfig ?? null,
  });
}

async function insertIntegration(
  deps: EmbeddingDeps,
  actor: SessionActor,
  values: {
    kind: EmbeddingIntegrationRecord["kind"];
    valid: ReturnType<typeof validateIntegrationInput>;
    secret: string | null;
    platformConfig: Record<string, unknown> | null;
  },
): Promise<EmbeddingIntegrationRecord> {
  const integration = await insertEmbeddingIntegration(deps.database.db, deps.vault, {
    id: randomUUID(),
    organisationId: actor.organisationId,
    name: values.valid.name ?? "",
    kind: values.kind,
    allowedOrigins: values.valid.allowedOrigins ?? [],
    secret: values.secret,
    platformConfig: values.platformConfig,
    createdByUserId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "embedding_integration.created",
    target: { type: "embedding_integration", id: integration.id },
    details: { name: integration.name, kind: integration.kind, allowedOrigins: integration.allowedOrigins },
  });
  return integration;
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
  // Name and origins are checked before the integration is looked up, as pages expect (their
  // problems are shown even for an integration deleted meanwhile); the configuration needs its kind.
  validateIntegrationInput(options.input);
  const before = await getIntegration(deps, options);
  const valid = await validateAll(before.kind, options.input, false);
  const { isEnabled } = options.input;
  const changes: EmbeddingIntegrationChanges = {
    ...(valid.name === undefined ? {} : { name: valid.name }),
    ...(valid.allowedOrigins === undefined ? {} : { allowedOrigins: valid.allowedOrigins }),
    ...(valid.platformConfig === undefined ? {} : { platformConfig: valid.platformConfig }),
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
  const before = await getIntegration(deps, options);
  if (before.kind !== "hmac") throw new EmbeddingError("platform-signed");
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
