/** Failures of the embedding-integration use cases; pages and the API map each to their answer. */
import type { OriginProblem } from "./allowed-origins.js";
import type { PlatformConfigField, PlatformConfigProblem } from "./platform/platform-trust-input.js";

export type EmbeddingErrorReason =
  | "forbidden"
  | "integration-not-found"
  | "integration-disabled"
  | "unknown-agent"
  /** Rotating or minting for a Zendesk or Forge integration: the platform signs, there is no secret. */
  | "platform-signed"
  | "invalid-input";

export type EmbeddingInputProblem =
  | OriginProblem
  | PlatformConfigProblem
  | "name-missing"
  | "name-too-long"
  /** A Zendesk or Forge integration registered without its configuration. */
  | "config-missing"
  /** Configuration given for another kind than the integration's. */
  | "config-of-other-kind";

export interface EmbeddingFieldProblem {
  /** Configuration fields are named `zendesk.<field>` or `forge.<field>`. */
  field: "name" | "allowedOrigins" | "zendesk" | "forge" | `${"zendesk" | "forge"}.${PlatformConfigField}`;
  problem: EmbeddingInputProblem;
  /** The entry the problem is about, for origins. */
  value?: string;
}

export class EmbeddingError extends Error {
  override readonly name = "EmbeddingError";

  constructor(
    readonly reason: EmbeddingErrorReason,
    readonly problems: readonly EmbeddingFieldProblem[] = [],
  ) {
    super(
      reason === "invalid-input"
        ? `invalid embedding integration: ${problems.map((entry) => `${entry.field} (${entry.problem})`).join(", ")}`
        : reason,
    );
  }
}
