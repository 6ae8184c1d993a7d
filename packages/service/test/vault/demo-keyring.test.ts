import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { resolveKeyring } from "../../src/vault/demo-keyring.js";
import { KeyringError } from "../../src/vault/keyring.js";
import { captureLogs } from "../support/capture-logs.js";
import { generateKeyEntry } from "../support/keys.js";

function setUp(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-keyring-"));
  const { logger, text } = captureLogs();
  return { dataDir, config: loadConfig({ env: { ATTENDANT_DATA_DIR: dataDir, ...env } }), logger, text };
}

describe("resolveKeyring", () => {
  it("generates a keyring file readable only by its owner, and warns loudly", () => {
    const { dataDir, config, logger, text } = setUp();
    const keyring = resolveKeyring(config, logger);
    const file = path.join(dataDir, "keyring.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyring.keyIds).toHaveLength(1);
    expect(text()).toContain("NO ENCRYPTION KEYS CONFIGURED");
    const material = keyring.get(keyring.primaryKeyId)?.toString("base64") ?? "";
    expect(material).toHaveLength(44);
    expect(text()).not.toContain(material);
  });

  it("reuses the generated keyring on the next start", () => {
    const { config, logger } = setUp();
    const first = resolveKeyring(config, logger);
    const second = resolveKeyring(config, logger);
    expect(second.primaryKeyId).toBe(first.primaryKeyId);
    expect(second.get(second.primaryKeyId)?.equals(first.get(first.primaryKeyId) ?? Buffer.alloc(0))).toBe(
      true,
    );
  });

  it("uses configured keys and writes no file", () => {
    const { dataDir, config, logger, text } = setUp({ ATTENDANT_KEYS: generateKeyEntry("prod") });
    expect(resolveKeyring(config, logger).primaryKeyId).toBe("prod");
    expect(() => statSync(path.join(dataDir, "keyring.json"))).toThrow();
    expect(text()).toBe("");
  });

  it("explains a damaged keyring file", () => {
    const { dataDir, config, logger } = setUp();
    writeFileSync(path.join(dataDir, "keyring.json"), JSON.stringify({ keys: "k:short" }));
    expect(() => resolveKeyring(config, logger)).toThrow(
      /"keys" in .*keyring\.json key "k" must be exactly 32 bytes/,
    );
  });

  it.each([
    ["not JSON", "{ keys: oops"],
    ["JSON of the wrong shape", JSON.stringify(["k:abc"])],
    ["empty", ""],
  ])("refuses a keyring file that is %s, naming the file and how to restore it", (_kind, content) => {
    const { dataDir, config, logger } = setUp();
    const file = path.join(dataDir, "keyring.json");
    writeFileSync(file, content);
    expect(() => resolveKeyring(config, logger)).toThrow(KeyringError);
    expect(() => resolveKeyring(config, logger)).toThrow(file);
    expect(() => resolveKeyring(config, logger)).toThrow(/restore it from a backup/);
  });

  it("gives every generated keyring its own key id, so a regenerated one never claims the id of one that sealed data", () => {
    const first = setUp();
    const second = setUp();
    const firstId = resolveKeyring(first.config, first.logger).primaryKeyId;
    const secondId = resolveKeyring(second.config, second.logger).primaryKeyId;
    expect(firstId).toMatch(/^generated-\d{4}-\d{2}-\d{2}-[0-9a-f]{16}$/);
    expect(secondId).not.toBe(firstId);
  });
});
