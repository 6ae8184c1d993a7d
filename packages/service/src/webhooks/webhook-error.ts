/** Failures of the webhook use cases; each surface (pages, API) maps the reason to its answer. */
import type { WebhookUrlProblem } from "./webhook-target.js";

export type WebhookErrorReason =
  | "forbidden"
  | "endpoint-not-found"
  | "delivery-not-found"
  | "endpoint-disabled"
  | "invalid-input";

export type WebhookInputProblem =
  | WebhookUrlProblem
  | "description-too-long"
  | "unknown-event-type"
  | "invalid-cursor";

export interface WebhookFieldProblem {
  field: "url" | "description" | "eventTypes" | "cursor";
  problem: WebhookInputProblem;
}

export class WebhookError extends Error {
  override readonly name = "WebhookError";

  constructor(
    readonly reason: WebhookErrorReason,
    readonly problems: readonly WebhookFieldProblem[] = [],
  ) {
    super(
      reason === "invalid-input"
        ? `invalid webhook input: ${problems.map((entry) => `${entry.field} (${entry.problem})`).join(", ")}`
        : reason,
    );
  }
}
