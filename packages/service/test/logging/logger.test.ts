import { describe, expect, it } from "vitest";
import { isSensitiveKey, sensitiveKeyNames } from "../../src/logging/sensitive-keys.js";
import { captureLogs } from "../support/capture-logs.js";

describe("logger", () => {
  it("redacts authorization, cookies, tokens, client secrets, codes and passwords at any level", () => {
    const { logger, text } = captureLogs();
    logger.info(
      {
        req: { headers: { authorization: "Bearer AT-1", cookie: "__Host-session=S-1" } },
        res: { headers: { "set-cookie": "__Host-session=S-2" } },
        body: { client_secret: "CS-1", code: "CODE-1", refresh_token: "RT-1", access_token: "AT-2" },
        password: "PW-1",
        tokens: { accessToken: "AT-3", refreshToken: "RT-2" },
      },
      "something happened",
    );
    const output = text();
    for (const secret of ["AT-1", "S-1", "S-2", "CS-1", "CODE-1", "RT-1", "AT-2", "PW-1", "AT-3", "RT-2"]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("[redacted]");
    expect(output).toContain("something happened");
  });

  it("treats every redacted log field as sensitive in the audit guard too", () => {
    expect(sensitiveKeyNames.filter((name) => !isSensitiveKey(name))).toEqual([]);
  });

  it("keeps harmless fields that merely resemble secret names", () => {
    for (const name of ["errorCode", "countryCode", "tokenExpiresAt", "passwordChangedAt"]) {
      expect(isSensitiveKey(name)).toBe(false);
    }
  });
});
