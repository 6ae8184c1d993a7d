import { createHmac } from "node:crypto";
import { webhookHeaderNames } from "./headers.js";
import { parseWebhookSecret } from "./secret.js";

/** The headers to send with a signed webhook, keyed by their lower-case names. */
// A type alias, not an interface, so it can be passed wherever a header record is expected.
export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export interface SignWebhookOptions {
  /** The message id (`msg_…`); keep it the same on every retry of one message. */
  id: string;
  /** When this attempt is sent; a Date, or whole seconds since the Unix epoch. */
  timestamp: Date | number;
  /** The exact bytes that will be sent as the request body. */
  body: string | Uint8Array;
  /** One secret, or several (during a rotation) that each add a signature. */
  secret: string | readonly string[];
}

/** Whole seconds since the epoch, as the header carries them. */
export function toUnixSeconds(timestamp: Date | number): number {
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new RangeError(
      `A webhook timestamp must be whole seconds since the epoch, got ${String(timestamp)}`,
    );
  }
  return seconds;
}

/**
 * One `v1,<base64>` signature: HMAC-SHA256 of `${id}.${timestamp}.${body}` under the secret.
 *
 * @throws WebhookVerificationError `invalid-secret` for a malformed secret
 * @example
 * ```ts
 * import { computeWebhookSignature } from "@attendant/webhooks";
 * computeWebhookSignature({
 *   secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
 *   id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
 *   timestamp: 1614265330,
 *   body: '{"test": 2432232314}',
 * }); // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 * ```
 */
export function computeWebhookSignature(options: {
  secret: string;
  id: string;
  timestamp: Date | number;
  body: string | Uint8Array;
}): string {
  return `v1,${computeDigest(parseWebhookSecret(options.secret), options).toString("base64")}`;
}

/** The raw HMAC; shared with verification, which compares digests rather than strings. */
export function computeDigest(
  key: Uint8Array,
  message: { id: string; timestamp: Date | number; body: string | Uint8Array },
): Buffer {
  return createHmac("sha256", key)
    .update(`${message.id}.${toUnixSeconds(message.timestamp)}.`)
    .update(message.body)
    .digest();
}

/**
 * The three Standard Webhooks headers for one delivery attempt. With several secrets the
 * signature header carries one signature per secret, separated by spaces; a receiver that knows
 * any one of them accepts the message.
 *
 * @throws WebhookVerificationError `invalid-secret` for a malformed secret; RangeError for a bad
 *   timestamp or an empty secret list
 * @example
 * ```ts
 * import { signWebhook } from "@attendant/webhooks";
 * const body = JSON.stringify({ type: "session.created", timestamp: new Date().toISOString(), data: {} });
 * const headers = signWebhook({ id: "msg_2x5TqUu8", timestamp: new Date(), body, secret: process.env.WEBHOOK_SECRET! });
 * await fetch("https://receiver.example.com/hooks", {
 *   method: "POST",
 *   headers: { "content-type": "application/json", ...headers },
 *   body,
 * });
 * ```
 */
export function signWebhook(options: SignWebhookOptions): WebhookHeaders {
  const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
  if (secrets.length === 0) throw new RangeError("signWebhook needs at least one secret");
  const timestamp = toUnixSeconds(options.timestamp);
  const signatures = secrets.map((secret) =>
    computeWebhookSignature({ secret, id: options.id, timestamp, body: options.body }),
  );
  return {
    [webhookHeaderNames.id]: options.id,
    [webhookHeaderNames.timestamp]: String(timestamp),
    [webhookHeaderNames.signature]: signatures.join(" "),
  };
}
