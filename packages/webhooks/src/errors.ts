/** Why a webhook was refused; stable strings, safe to log and to branch on. */
export type WebhookVerificationErrorCode =
  /** A `webhook-*` header is absent or empty. */
  | "missing-header"
  /** `webhook-timestamp` is not a whole number of seconds. */
  | "invalid-timestamp"
  /** The timestamp is older than the tolerance: possibly a replay. */
  | "timestamp-too-old"
  /** The timestamp is further in the future than the tolerance: a clock problem or a forgery. */
  | "timestamp-too-new"
  /** No `v1` signature in the header matches any of the secrets. */
  | "invalid-signature"
  /** A secret is not `whsec_` followed by base64. */
  | "invalid-secret";

/**
 * Thrown by {@link verifyWebhook} (and by {@link parseWebhookSecret} for a malformed secret).
 * Answer such a request with 400 or 401 and do not act on it.
 *
 * @example
 * ```ts
 * import { verifyWebhook, WebhookVerificationError } from "@attendant/webhooks";
 * try {
 *   verifyWebhook({ body, headers, secret });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) console.warn("refused webhook:", error.code);
 *   else throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";

  constructor(
    readonly code: WebhookVerificationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
