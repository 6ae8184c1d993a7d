/** Failures of the embedding-integration use cases; pages and the API map each to their answer. */
import type { OriginProblem } from "./allowed-origins.js";

export type EmbeddingErrorReason =
  | "forbidden"
  | "integration-not-found"
  | "integration-disabled"
  | "unknown-agent"
  | "invalid-input";

export type EmbeddingInputProblem = OriginProblem | "name-missing" | "name-too-long";

export interface EmbeddingFieldProblem {
  field: "name" | "allowedOrigins";
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
