import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  computeWebhookSignature,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
} from "../src/index.js";

interface SignatureVector {
  name: string;
  secret: string;
  id: string;
  timestamp: number;
  body: string;
  signature: string;
}
interface VerificationVector {
  name: string;
  secrets: string[];
  headers: Record<string, string>;
  body: string;
  now: number;
  error?: WebhookVerificationErrorCode;
}
const vectors = JSON.parse(readFileSync(new URL("../test-vectors.json", import.meta.url), "utf8")) as {
  signatures: SignatureVector[];
  valid: VerificationVector[];
  invalid: (VerificationVector & { error: WebhookVerificationErrorCode })[];
};

function verificationError(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error;
    throw error;
  }
  throw new Error("expected a WebhookVerificationError");
}

describe("published test vectors", () => {
  it("covers signatures, accepted and refused messages", () => {
    expect(vectors.signatures.length).toBeGreaterThanOrEqual(3);
    expect(vectors.valid.length).toBeGreaterThanOrEqual(5);
    expect(vectors.invalid.length).toBeGreaterThanOrEqual(10);
  });

  it.each(vectors.signatures)("computes the published signature: $name", (vector) => {
    expect(computeWebhookSignature(vector)).toBe(vector.signature);
    const headers = signWebhook({ ...vector, secret: vector.secret });
    expect(headers).toEqual({
      "webhook-id": vector.id,
      "webhook-timestamp": String(vector.timestamp),
      "webhook-signature": vector.signature,
    });
  });

  it.each(vectors.valid)("accepts: $name", (vector) => {
    const verified = verifyWebhook({
      body: vector.body,
      headers: vector.headers,
      secret: vector.secrets,
      now: new Date(vector.now * 1000),
    });
    expect(verified.id).toBe(vector.headers["webhook-id"]);
    expect(verified.body).toBe(vector.body);
    expect(verified.timestamp.getTime()).toBe(Number(vector.headers["webhook-timestamp"]) * 1000);
  });

  it.each(vectors.invalid)("refuses with $error: $name", (vector) => {
    const error = verificationError(() =>
      verifyWebhook({
        body: vector.body,
        headers: vector.headers,
        secret: vector.secrets,
        now: new Date(vector.now * 1000),
      }),
    );
    expect(error.code).toBe(vector.error);
  });
});
