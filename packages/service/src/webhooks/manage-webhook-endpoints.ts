/**
 * Admins register webhook endpoints for their organisation (issue 7): create (the secret is
 * shown once), edit, disable/enable, delete, rotate the secret (the previous one keeps signing
 * for 24 h, so receivers can switch without losing a message). Auditors may look. Every change
 * is audited; secrets never reach the audit log.
 */
import { randomUUID } from "node:crypto";
import { generateWebhookSecret } from "@attendant/webhooks";
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
  type WebhookEndpointChanges,
  type WebhookEndpointRecord,
} from "../db/repositories/webhooks.js";
import { type WebhookEventType, webhookEventTypes } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { previousSecretValidityMs, type WebhookDeps } from "./webhook-deps.js";
import { WebhookError, type WebhookFieldProblem } from "./webhook-error.js";
import { checkWebhookUrl } from "./webhook-target.js";

export const maxDescriptionLength = 500;

export interface WebhookEndpointInput {
  url: string;
  description: string;
  /** Empty: every event type, including ones added later. */
  eventTypes: readonly string[];
}

export interface EndpointWithSecret {
  endpoint: WebhookEndpointRecord;
  /** `whsec_…`: shown once; only its encrypted form is stored. */
  secret: string;
}

export function canReadWebhooks(actor: SessionActor): boolean {
  return actor.role === "admin" || actor.role === "auditor";
}

function assertCanManage(actor: SessionActor): void {
  if (actor.role !== "admin") throw new WebhookError("forbidden");
}

/** Checks and normalises an endpoint's fields; throws WebhookError invalid-input listing each problem. */
export function validateEndpointInput(
  deps: Pick<WebhookDeps, "config">,
  input: Partial<WebhookEndpointInput>,
): { url?: string; description?: string; eventTypes?: WebhookEventType[] } {
  const problems: WebhookFieldProblem[] = [];
  const result: { url?: string; description?: string; eventTypes?: WebhookEventType[] } = {};
  if (input.url !== undefined) {
    const checked = checkWebhookUrl(input.url, deps.config.webhookAllowedPrivateNetworks);
    if (checked.isValid) result.url = checked.url.toString();
    else problems.push({ field: "url", problem: checked.problem });
  }
  if (input.description !== undefined) {
    const description = input.description.trim();
    if (description.length > maxDescriptionLength)
      problems.push({ field: "description", problem: "description-too-long" });
    else result.description = description;
  }
  if (input.eventTypes !== undefined) {
    const known = new Set<string>(webhookEventTypes);
    if (input.eventTypes.some((type) => !known.has(type))) {
      problems.push({ field: "eventTypes", problem: "unknown-event-type" });
    } else {
      // Stored in the catalogue's order, without repeats.
      result.eventTypes = webhookEventTypes.filter((type) => input.eventTypes?.includes(type));
    }
  }
  if (problems.length > 0) throw new WebhookError("invalid-input", problems);
  return result;
}

export async function listEndpoints(
  deps: WebhookDeps,
  actor: SessionActor,
): Promise<WebhookEndpointRecord[]> {
  if (!canReadWebhooks(actor)) throw new WebhookError("forbidden");
  return listWebhookEndpoints(deps.database.db, actor.organisationId);
}

export async function getEndpoint(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string },
): Promise<WebhookEndpointRecord> {
  if (!canReadWebhooks(options.actor)) throw new WebhookError("forbidden");
  const endpoint = await findWebhookEndpoint(
    deps.database.db,
    options.actor.organisationId,
    options.endpointId,
  );
  if (endpoint === undefined) throw new WebhookError("endpoint-not-found");
  return endpoint;
}

export async function createEndpoint(
  deps: WebhookDeps,
  options: { actor: SessionActor; input: WebhookEndpointInput },
): Promise<EndpointWithSecret> {
  const { actor } = options;
  assertCanManage(actor);
  const valid = validateEndpointInput(deps, options.input);
  const secret = generateWebhookSecret();
  const endpoint = await insertWebhookEndpoint(deps.database.db, deps.vault, {
    id: randomUUID(),
    organisationId: actor.organisationId,
    url: valid.url ?? "",
    description: valid.description ?? "",
    eventTypes: valid.eventTypes ?? [],
    secret,
    createdByUserId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "webhook_endpoint.created",
    target: { type: "webhook_endpoint", id: endpoint.id },
    details: { url: endpoint.url, eventTypes: endpoint.eventTypes },
  });
  return { endpoint, secret };
}

export async function updateEndpoint(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string; input: Partial<WebhookEndpointInput> },
): Promise<WebhookEndpointRecord> {
  const { actor } = options;
  assertCanManage(actor);
  const valid = validateEndpointInput(deps, options.input);
  const before = await getEndpoint(deps, options);
  const changes: WebhookEndpointChanges = {
    ...(valid.url === undefined ? {} : { url: valid.url }),
    ...(valid.description === undefined ? {} : { description: valid.description }),
    ...(valid.eventTypes === undefined ? {} : { eventTypes: valid.eventTypes }),
  };
  if (Object.keys(changes).length === 0) return before;
  const updated = await writeChanges(deps, actor, options.endpointId, changes);
  await auditSessionAction(deps, actor, {
    action: "webhook_endpoint.updated",
    target: { type: "webhook_endpoint", id: updated.id },
    details: {
      fields: Object.keys(changes),
      ...(changes.url === undefined ? {} : { from: before.url, to: updated.url }),
    },
  });
  return updated;
}

/** Disabling cancels pending deliveries; enabling clears a 410 too. Repeating either changes nothing. */
export async function setEndpointEnabled(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string; isEnabled: boolean },
): Promise<WebhookEndpointRecord> {
  const { actor } = options;
  assertCanManage(actor);
  const before = await getEndpoint(deps, options);
  if ((before.disabledAt === null) === options.isEnabled) return before;
  const now = deps.clock.now();
  const updated = await writeChanges(
    deps,
    actor,
    options.endpointId,
    options.isEnabled
      ? { disabledAt: null, disabledReason: null }
      : { disabledAt: now, disabledReason: "admin" },
  );
  await auditSessionAction(deps, actor, {
    action: options.isEnabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
    target: { type: "webhook_endpoint", id: updated.id },
    details: { url: updated.url },
  });
  return updated;
}

export async function deleteEndpoint(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string },
): Promise<void> {
  const { actor } = options;
  assertCanManage(actor);
  const before = await getEndpoint(deps, options);
  const isDeleted = await deleteWebhookEndpoint(deps.database.db, actor.organisationId, options.endpointId);
  if (!isDeleted) throw new WebhookError("endpoint-not-found");
  await auditSessionAction(deps, actor, {
    action: "webhook_endpoint.deleted",
    target: { type: "webhook_endpoint", id: before.id },
    details: { url: before.url },
  });
}

/**
 * A new secret signs from now on; the one it replaces keeps signing as a second signature for
 * 24 h (a previous secret still within its 24 h is dropped: at most two sign at once).
 */
export async function rotateEndpointSecret(
  deps: WebhookDeps,
  options: { actor: SessionActor; endpointId: string },
): Promise<EndpointWithSecret> {
  const { actor } = options;
  assertCanManage(actor);
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  const endpoint = await rotateWebhookEndpointSecret(deps.database.db, deps.vault, {
    organisationId: actor.organisationId,
    id: options.endpointId,
    nextSecret: secret,
    previousExpiresAt: new Date(now.getTime() + previousSecretValidityMs),
    now,
  });
  if (endpoint === undefined) throw new WebhookError("endpoint-not-found");
  await auditSessionAction(deps, actor, {
    action: "webhook_endpoint.secret_rotated",
    target: { type: "webhook_endpoint", id: endpoint.id },
    details: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null },
  });
  return { endpoint, secret };
}

async function writeChanges(
  deps: WebhookDeps,
  actor: SessionActor,
  endpointId: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpointRecord> {
  const updated = await updateWebhookEndpoint(deps.database.db, {
    organisationId: actor.organisationId,
    id: endpointId,
    changes,
    now: deps.clock.now(),
  });
  if (updated === undefined) throw new WebhookError("endpoint-not-found");
  return updated;
}
