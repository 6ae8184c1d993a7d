/**
 * Standard Webhooks (https://www.standardwebhooks.com) signatures, with nothing but node:crypto:
 *
 * - headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`;
 * - the signed content is `${id}.${timestamp}.${body}` with the raw body bytes;
 * - HMAC-SHA256 under the secret's bytes (`whsec_<base64>`), sent as `v1,<base64>`;
 * - several space-separated signatures, so a sender can sign with an old and a new secret while
 *   a receiver switches over.
 *
 * Attendant signs its webhooks with {@link signWebhook}; receivers check them with
 * {@link verifyWebhook}.
 */

export { WebhookVerificationError, type WebhookVerificationErrorCode } from "./errors.js";
export { webhookHeaderNames } from "./headers.js";
export {
  generateWebhookSecret,
  isWebhookSecret,
  parseWebhookSecret,
  webhookSecretPrefix,
} from "./secret.js";
export {
  computeWebhookSignature,
  type SignWebhookOptions,
  signWebhook,
  type WebhookHeaders,
} from "./sign.js";
export {
  defaultToleranceSeconds,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaderSource,
} from "./verify.js";
