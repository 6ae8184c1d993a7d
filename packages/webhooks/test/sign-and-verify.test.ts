import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  isWebhookSecret,
  parseWebhookSecret,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
} from "../src/index.js";

const now = new Date("2030-01-01T12:00:00Z");

function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
  return "accepted";
}

describe("signWebhook and verifyWebhook", () => {
  it("round-trips a string body, a byte body and Fetch Headers", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: "session.closed", data: { code: "s1" } });
    const headers = signWebhook({ id: "msg_1", timestamp: now, body, secret });
    expect(verifyWebhook({ body, headers, secret, now }).body).toBe(body);
    expect(verifyWebhook({ body: Buffer.from(body), headers: new Headers(headers), secret, now }).id).toBe(
      "msg_1",
    );
  });

  it("reads header names case-insensitively and joins repeated values as Node does", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_2", timestamp: now, body: "{}", secret });
    const [first, second] = signWebhook({
      id: "msg_2",
      timestamp: now,
      body: "{}",
      secret: [generateWebhookSecret(), secret],
    })["webhook-signature"].split(" ");
    const upper = {
      "Webhook-Id": headers["webhook-id"],
      "WEBHOOK-TIMESTAMP": headers["webhook-timestamp"],
      "webhook-signature": [first ?? "", second ?? ""],
    };
    expect(verifyWebhook({ body: "{}", headers: upper, secret, now }).id).toBe("msg_2");
  });

  it("signs with every secret of a rotation, and either secret verifies", () => {
    const previous = generateWebhookSecret();
    const next = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_3", timestamp: now, body: "x", secret: [next, previous] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(errorCodeOf(() => verifyWebhook({ body: "x", headers, secret: previous, now }))).toBe("accepted");
    expect(errorCodeOf(() => verifyWebhook({ body: "x", headers, secret: next, now }))).toBe("accepted");
    expect(
      errorCodeOf(() => verifyWebhook({ body: "x", headers, secret: generateWebhookSecret(), now })),
    ).toBe("invalid-signature");
  });

  it("honours a custom tolerance on both sides", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_4", timestamp: now, body: "x", secret });
    const later = new Date(now.getTime() + 61_000);
    const earlier = new Date(now.getTime() - 61_000);
    expect(
      errorCodeOf(() => verifyWebhook({ body: "x", headers, secret, now: later, toleranceSeconds: 60 })),
    ).toBe("timestamp-too-old");
    expect(
      errorCodeOf(() => verifyWebhook({ body: "x", headers, secret, now: earlier, toleranceSeconds: 60 })),
    ).toBe("timestamp-too-new");
    expect(errorCodeOf(() => verifyWebhook({ body: "x", headers, secret, now: later }))).toBe("accepted");
  });

  it("refuses a truncated signature of the right version without throwing anything else", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_5", timestamp: now, body: "x", secret });
    const truncated = { ...headers, "webhook-signature": headers["webhook-signature"].slice(0, 20) };
    expect(errorCodeOf(() => verifyWebhook({ body: "x", headers: truncated, secret, now }))).toBe(
      "invalid-signature",
    );
  });

  it("reports a malformed secret even when another secret would match", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_6", timestamp: now, body: "x", secret });
    expect(errorCodeOf(() => verifyWebhook({ body: "x", headers, secret: [secret, "whsec_???"], now }))).toBe(
      "invalid-secret",
    );
  });

  it("refuses bad input to signWebhook with a clear error", () => {
    const secret = generateWebhookSecret();
    expect(() => signWebhook({ id: "m", timestamp: now, body: "x", secret: [] })).toThrow(RangeError);
    expect(() => signWebhook({ id: "m", timestamp: 1.5, body: "x", secret })).toThrow(RangeError);
    expect(
      errorCodeOf(() => signWebhook({ id: "m", timestamp: now, body: "x", secret: "whsec_short" })),
    ).toBe("invalid-secret");
  });
});

describe("webhook secrets", () => {
  it("generates distinct whsec_ secrets of 32 bytes", () => {
    const first = generateWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(parseWebhookSecret(first)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(first);
  });

  it("accepts a secret with or without the prefix and refuses malformed ones", () => {
    expect(isWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(true);
    expect(isWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(true);
    expect(isWebhookSecret("whsec_")).toBe(false);
    expect(isWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")).toBe(false);
    expect(isWebhookSecret(`whsec_${Buffer.alloc(65).toString("base64")}`)).toBe(false);
  });
});
