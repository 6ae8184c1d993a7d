/**
 * The three headers of a Standard Webhooks message.
 *
 * @example
 * ```ts
 * import { webhookHeaderNames } from "@attendant/webhooks";
 * const id = request.headers.get(webhookHeaderNames.id); // "msg_…", the same on every retry
 * ```
 */
export const webhookHeaderNames = {
  /** The message id; identical on every retry, so receivers can drop duplicates. */
  id: "webhook-id",
  /** When this attempt was signed, in whole seconds since the Unix epoch. */
  timestamp: "webhook-timestamp",
  /** One or more space-separated `v1,<base64 HMAC-SHA256>` signatures. */
  signature: "webhook-signature",
} as const;
