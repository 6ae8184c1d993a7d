/** What the webhook use cases and the dispatcher need; built from AppDeps. */
import type { AppDeps } from "../http/app-deps.js";
import type { ResolveHost } from "./send-webhook-request.js";

export type WebhookDeps = Pick<AppDeps, "database" | "vault" | "clock" | "logger" | "config"> & {
  /** DNS for webhook targets; tests pass their own to simulate a name changing its address. */
  resolveHost?: ResolveHost;
  /** Overrides webhookAttemptTimeoutMs; tests use a short one for a receiver that never answers. */
  attemptTimeoutMs?: number;
};

/** How long one attempt may take, connect to last byte. */
export const webhookAttemptTimeoutMs = 10_000;

/** How long the previous secret keeps signing after a rotation. */
export const previousSecretValidityMs = 24 * 3600 * 1000;
