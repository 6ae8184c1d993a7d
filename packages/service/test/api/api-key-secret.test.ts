import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../src/api/idempotency.js";
import { generateApiKey, isMatchingSecret, parseApiKey } from "../../src/api-keys/api-key-secret.js";

describe("API key secrets", () => {
  it("round-trips a generated key and stores only a hash of its secret", () => {
    const key = generateApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed?.prefix).toBe(key.prefix);
    expect(key.secretHash).not.toContain(parsed?.secret);
    expect(isMatchingSecret(parsed?.secret ?? "", key.secretHash)).toBe(true);
    expect(isMatchingSecret(`${parsed?.secret.slice(0, -1)}x`, key.secretHash)).toBe(false);
  });

  it("never reads an operator key as an organisation's API key, nor an API key as an operator key", () => {
    const operatorKey = generateApiKey("atdop");
    const apiKey = generateApiKey();
    expect(operatorKey.token).toMatch(/^atdop_[0-9a-f]{8}_/);
    expect(parseApiKey(operatorKey.token, "atdop")?.prefix).toBe(operatorKey.prefix);
    expect(parseApiKey(operatorKey.token)).toBeUndefined();
    expect(parseApiKey(apiKey.token, "atdop")).toBeUndefined();
  });

  it("refuses anything that is not atd_<prefix>_<secret>", () => {
    const { token } = generateApiKey();
    for (const bad of ["", "atd_", token.replace("atd_", "xyz_"), `${token}x`, token.toUpperCase()]) {
      expect(parseApiKey(bad)).toBeUndefined();
    }
  });
});

describe("request fingerprints for Idempotency-Key", () => {
  it("ignores JSON spacing and key order but not values, paths or methods", () => {
    const base = fingerprintOf("POST", "/api/v1/sessions", '{"a":1,"b":{"c":2}}');
    expect(fingerprintOf("POST", "/api/v1/sessions", '{ "b": {"c": 2}, "a": 1 }')).toBe(base);
    expect(fingerprintOf("POST", "/api/v1/sessions", '{"a":2,"b":{"c":2}}')).not.toBe(base);
    expect(fingerprintOf("POST", "/api/v1/other", '{"a":1,"b":{"c":2}}')).not.toBe(base);
    expect(fingerprintOf("PUT", "/api/v1/sessions", '{"a":1,"b":{"c":2}}')).not.toBe(base);
  });
});
