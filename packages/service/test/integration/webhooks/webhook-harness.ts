/**
 * The session harness (simulator, fake clock, app) plus what webhook tests need: loopback
 * allowed as a webhook target, a dispatcher on the same clock whose timers never fire by
 * themselves (tests call `tick()`), a short attempt deadline, and an admin to act as.
 */
import { randomUUID } from "node:crypto";
import type { User } from "../../../src/db/repositories/users.js";
import type { WebhookEventType } from "../../../src/db/schema.js";
import type { SessionActor } from "../../../src/sessions/session-actor.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import type { WebhookDeps } from "../../../src/webhooks/webhook-deps.js";
import { createWebhookDispatcher, type WebhookDispatcher } from "../../../src/webhooks/webhook-dispatcher.js";
import type { TestEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness } from "../sessions/session-harness.js";

export const manualTimers = { setInterval: () => 0, clearInterval: () => undefined };

export interface WebhookHarness extends SessionHarness {
  webhookDeps: WebhookDeps;
  admin: User;
  adminActor: SessionActor;
  dispatcher: WebhookDispatcher;
  newDispatcher(deps?: Partial<WebhookDeps>): WebhookDispatcher;
  /** Registers an endpoint as the admin; returns its id and secret. */
  addEndpoint(url: string, eventTypes?: WebhookEventType[]): Promise<{ id: string; secret: string }>;
}

export async function createWebhookHarness(
  engine: TestEngine,
  options: { allowedNetworks?: string; attemptTimeoutMs?: number } = {},
): Promise<WebhookHarness> {
  const h = await createSessionHarness(
    engine,
    {},
    options.allowedNetworks === ""
      ? {}
      : { ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS: options.allowedNetworks ?? "127.0.0.1/32,::1/128" },
  );
  const webhookDeps: WebhookDeps = {
    ...h.deps,
    config: h.config,
    attemptTimeoutMs: options.attemptTimeoutMs ?? 2_000,
  };
  const admin = await h.addUser("admin");
  const adminActor = h.actorOf(admin);
  const newDispatcher = (deps: Partial<WebhookDeps> = {}) =>
    createWebhookDispatcher({
      deps: { ...webhookDeps, ...deps },
      instanceId: randomUUID(),
      timers: manualTimers,
    });
  return {
    ...h,
    webhookDeps,
    admin,
    adminActor,
    dispatcher: newDispatcher(),
    newDispatcher,
    async addEndpoint(url, eventTypes = []) {
      const { endpoint, secret } = await createEndpoint(webhookDeps, {
        actor: adminActor,
        input: { url, description: "test receiver", eventTypes },
      });
      return { id: endpoint.id, secret };
    },
  };
}
