import { describe, expect, it } from "vitest";
import { redactDetails } from "../../src/audit/redact-details.js";

describe("redactDetails", () => {
  it("strips secret-looking keys at any depth, in arrays too, and keeps the rest", () => {
    expect(
      redactDetails({
        email: "ann@example.com",
        password: "hunter2",
        oauth: { code: "abc", code_verifier: "v", errorCode: "invalid_grant" },
        grants: [{ refreshToken: "rt", scope: "sessions" }],
        clientSecret: "cs",
        at: new Date("2030-01-01T00:00:00Z"),
      }),
    ).toEqual({
      email: "ann@example.com",
      password: "[redacted]",
      oauth: { code: "[redacted]", code_verifier: "[redacted]", errorCode: "invalid_grant" },
      grants: [{ refreshToken: "[redacted]", scope: "sessions" }],
      clientSecret: "[redacted]",
      at: "2030-01-01T00:00:00.000Z",
    });
  });
});
