import { timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "./errors.js";
import { webhookHeaderNames } from "./headers.js";
import { parseWebhookSecret } from "./secret.js";
import { computeDigest } from "./sign.js";

/** Five minutes either way, as the Standard Webhooks spec recommends. */
export const defaultToleranceSeconds = 5 * 60;

/**
 * Where the headers come from: a Fetch `Headers` object (Request.headers), or a plain object
 * such as Node's `IncomingMessage.headers` (names in any case; arrays are joined).
 */
export type WebhookHeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received: verify before parsing JSON. */
  body: string | Uint8Array;
  headers: WebhookHeaderSource;
  /** The endpoint's secret, or several while you switch to a rotated one. */
  secret: string | readonly string[];
  /** How far `webhook-timestamp` may be from now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time; for tests. Defaults to the system clock. */
  now?: Date;
}

export interface VerifiedWebhook {
  /** `webhook-id`: store it and skip messages you have seen (delivery is at least once). */
  id: string;
  /** `webhook-timestamp` as a Date. */
  timestamp: Date;
  /** The body as text, ready for `JSON.parse`. */
  body: string;
}

const timestampPattern = /^\d{1,15}$/;

/**
 * Checks a Standard Webhooks request: all three headers present, the timestamp within the
 * tolerance, and at least one `v1` signature made with one of the secrets (compared in
 * constant time). Returns the verified message; throws otherwise.
 *
 * @throws WebhookVerificationError with `code` missing-header, invalid-timestamp,
 *   timestamp-too-old, timestamp-too-new, invalid-signature or invalid-secret
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { verifyWebhook, WebhookVerificationError } from "@attendant/webhooks";
 *
 * createServer(async (request, response) => {
 *   const chunks: Buffer[] = [];
 *   for await (const chunk of request) chunks.push(chunk as Buffer);
 *   try {
 *     const message = verifyWebhook({
 *       body: Buffer.concat(chunks),
 *       headers: request.headers,
 *       secret: process.env.ATTENDANT_WEBHOOK_SECRET!,
 *     });
 *     const event = JSON.parse(message.body) as { type: string; data: unknown };
 *     console.log(message.id, event.type);
 *     response.writeHead(204).end();
 *   } catch (error) {
 *     if (!(error instanceof WebhookVerificationError)) throw error;
 *     response.writeHead(401).end(error.code);
 *   }
 * }).listen(8080);
 * ```
 */
export function verifyWebhook(options: VerifyWebhookOptions): VerifiedWebhook {
  const id = readHeader(options.headers, webhookHeaderNames.id);
  const rawTimestamp = readHeader(options.headers, webhookHeaderNames.timestamp);
  const signatureHeader = readHeader(options.headers, webhookHeaderNames.signature);
  if (!timestampPattern.test(rawTimestamp)) {
    throw new WebhookVerificationError(
      "invalid-timestamp",
      `${webhookHeaderNames.timestamp} must be whole seconds since the Unix epoch.`,
    );
  }
  const timestamp = Number(rawTimestamp);
  const tolerance = options.toleranceSeconds ?? defaultToleranceSeconds;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (timestamp < nowSeconds - tolerance) {
    throw new WebhookVerificationError("timestamp-too-old", "The webhook timestamp is too old.");
  }
  if (timestamp > nowSeconds + tolerance) {
    throw new WebhookVerificationError(
      "timestamp-too-new",
      "The webhook timestamp is too far in the future.",
    );
  }

  const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
  // Parse every secret first, so a misconfigured one is reported even when another matches.
  const keys = secrets.map((secret) => parseWebhookSecret(secret));
  const offered = signatureHeader.split(" ").flatMap((entry) => {
    const [version, encoded] = entry.split(",", 2);
    return version === "v1" && encoded !== undefined && encoded !== ""
      ? [Buffer.from(encoded, "base64")]
      : [];
  });
  const isMatching = keys.some((key) => {
    const expected = computeDigest(key, { id, timestamp, body: options.body });
    return offered.some(
      (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
    );
  });
  if (!isMatching) {
    throw new WebhookVerificationError("invalid-signature", "No webhook signature matches the secret.");
  }
  const body = typeof options.body === "string" ? options.body : Buffer.from(options.body).toString("utf8");
  return { id, timestamp: new Date(timestamp * 1000), body };
}

function readHeader(headers: WebhookHeaderSource, name: string): string {
  let value: string | readonly string[] | null | undefined;
  if (typeof headers.get === "function") {
    value = (headers as { get(name: string): string | null }).get(name);
  } else {
    const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  const text = (typeof value === "string" ? value : (value ?? []).join(" ")).trim();
  if (text === "") throw new WebhookVerificationError("missing-header", `The ${name} header is missing.`);
  return text;
}
