import { describe, expect, it } from "vitest";
import {
  defaultScryptParameters,
  hashPassword,
  needsRehash,
  type ScryptParameters,
  verifyPassword,
} from "../../src/identity/passwords.js";

// Cheap parameters keep the suite fast; one test below checks the production defaults.
const fast: ScryptParameters = { logN: 10, r: 8, p: 1 };

describe("passwords", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const encoded = await hashPassword("correct horse battery staple", fast);
    expect(await verifyPassword("correct horse battery staple", encoded)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", encoded)).toBe(false);
  });

  it("encodes the production parameters and a salt, so they can be raised later", async () => {
    const encoded = await hashPassword("secret");
    expect(encoded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(defaultScryptParameters).toEqual({ logN: 17, r: 8, p: 1 });
  });

  it("salts every hash, so equal passwords give different hashes", async () => {
    expect(await hashPassword("same", fast)).not.toBe(await hashPassword("same", fast));
  });

  it("still verifies hashes made with older, cheaper parameters and flags them for rehashing", async () => {
    const old = await hashPassword("secret", fast);
    expect(await verifyPassword("secret", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, fast)).toBe(false);
  });

  it("treats the same text in different Unicode forms as one password", async () => {
    const encoded = await hashPassword("Caf\u00e9", fast);
    expect(await verifyPassword("Cafe\u0301", encoded)).toBe(true);
  });

  it("rejects malformed hashes and hashes demanding absurd resources", async () => {
    expect(await verifyPassword("secret", "plain-text")).toBe(false);
    const greedy = (await hashPassword("secret", fast)).replace("ln=10", "ln=30");
    expect(await verifyPassword("secret", greedy)).toBe(false);
  });
});
