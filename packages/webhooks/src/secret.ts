import { randomBytes } from "node:crypto";
import { WebhookVerificationError } from "./errors.js";

/**
 * The prefix of a Standard Webhooks secret; the rest is the key, base64-encoded.
 *
 * @example
 * ```ts
 * import { webhookSecretPrefix } from "@attendant/webhooks";
 * secret.startsWith(webhookSecretPrefix); // true for "whsec_MfKQ9r8G…"
 * ```
 */
export const webhookSecretPrefix = "whsec_";

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The spec asks for keys of 24 to 64 bytes; shorter ones are refused as too weak. */
const minimumKeyBytes = 24;
const maximumKeyBytes = 64;

/**
 * A new random secret: `whsec_` and 32 random bytes in base64.
 *
 * @example
 * ```ts
 * import { generateWebhookSecret } from "@attendant/webhooks";
 * const secret = generateWebhookSecret(); // "whsec_q0n6…="
 * ```
 */
export function generateWebhookSecret(): string {
  return `${webhookSecretPrefix}${randomBytes(32).toString("base64")}`;
}

/**
 * The key bytes of a `whsec_<base64>` secret (the prefix may be left off).
 *
 * @throws WebhookVerificationError `invalid-secret` when the rest is not base64 of 24–64 bytes
 * @example
 * ```ts
 * import { parseWebhookSecret } from "@attendant/webhooks";
 * parseWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").length; // 24
 * ```
 */
export function parseWebhookSecret(secret: string): Uint8Array {
  const encoded = secret.startsWith(webhookSecretPrefix) ? secret.slice(webhookSecretPrefix.length) : secret;
  const key = base64Pattern.test(encoded) ? Buffer.from(encoded, "base64") : undefined;
  if (key === undefined || key.length < minimumKeyBytes || key.length > maximumKeyBytes) {
    throw new WebhookVerificationError(
      "invalid-secret",
      `A webhook secret must be "${webhookSecretPrefix}" followed by base64 of ${minimumKeyBytes} to ${maximumKeyBytes} bytes.`,
    );
  }
  return key;
}

/**
 * Whether `value` is a well-formed secret (see {@link parseWebhookSecret}).
 *
 * @example
 * ```ts
 * import { isWebhookSecret } from "@attendant/webhooks";
 * isWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"); // true
 * isWebhookSecret("hunter2"); // false
 * ```
 */
export function isWebhookSecret(value: string): boolean {
  try {
    parseWebhookSecret(value);
    return true;
  } catch {
    return false;
  }
}
