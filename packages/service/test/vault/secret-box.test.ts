import { describe, expect, it } from "vitest";
import { parseKeyring } from "../../src/vault/keyring.js";
import {
  readKeyId,
  type SecretBinding,
  SecretBox,
  SecretDecryptionError,
} from "../../src/vault/secret-box.js";
import { generateKeyEntry } from "../support/keys.js";

const binding: SecretBinding = {
  table: "teamviewer_connections",
  column: "access_token_encrypted",
  rowId: "row-1",
};
const box = new SecretBox(parseKeyring({ keys: generateKeyEntry("k1") }));

describe("SecretBox", () => {
  it("decrypts what it encrypted", () => {
    const sealed = box.encrypt("access-token-💡", binding);
    expect(sealed).not.toContain("access-token");
    expect(box.decrypt(sealed, binding)).toBe("access-token-💡");
  });

  it("uses a fresh IV each time, so equal secrets do not look equal", () => {
    expect(box.encrypt("same", binding)).not.toBe(box.encrypt("same", binding));
  });

  it("names the key id in the ciphertext", () => {
    const sealed = box.encrypt("secret", binding);
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(readKeyId(sealed)).toBe("k1");
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = box.encrypt("secret", binding);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => box.decrypt(parts.join("."), binding)).toThrow(SecretDecryptionError);
  });

  it("refuses a ciphertext moved to another row or column (additional data binds it)", () => {
    const sealed = box.encrypt("secret", binding);
    expect(() => box.decrypt(sealed, { ...binding, rowId: "row-2" })).toThrow(SecretDecryptionError);
    expect(() => box.decrypt(sealed, { ...binding, column: "refresh_token_encrypted" })).toThrow(
      SecretDecryptionError,
    );
  });

  it("refuses a ciphertext whose key id was swapped for another key", () => {
    const twoKeys = new SecretBox(
      parseKeyring({ keys: `${generateKeyEntry("k1")},${generateKeyEntry("k2")}`, primaryKeyId: "k1" }),
    );
    const sealed = twoKeys.encrypt("secret", binding);
    expect(() => twoKeys.decrypt(sealed.replace("v1.k1.", "v1.k2."), binding)).toThrow(SecretDecryptionError);
  });

  it("explains a ciphertext under a key the keyring lacks, without revealing the value", () => {
    const other = new SecretBox(parseKeyring({ keys: generateKeyEntry("gone") }));
    const sealed = other.encrypt("secret", binding);
    expect(() => box.decrypt(sealed, binding)).toThrow(
      'the keyring has no key "gone"; add it to ATTENDANT_KEYS',
    );
  });

  it("rejects values that are not in the sealed format", () => {
    expect(() => box.decrypt("plain-text-token", binding)).toThrow("not a sealed secret in the v1 format");
  });

  it("never exposes key material when the keyring is serialised", () => {
    const entry = generateKeyEntry("k9");
    const keyring = parseKeyring({ keys: entry });
    expect(JSON.stringify({ keyring })).toBe('{"keyring":{"primaryKeyId":"k9","keyIds":["k9"]}}');
  });
});
