/**
 * AES-256-GCM encryption for secrets at rest (TeamViewer tokens, client secrets, PKCE
 * verifiers).
 *
 * Ciphertext format (ASCII, safe in a text column):
 *   v1.<keyId>.<iv>.<tag>.<ciphertext>     (iv, tag and ciphertext in base64url)
 * The key id travels with the ciphertext so several keys can be live during a rotation and the
 * start-up check can tell which keys stored data needs.
 *
 * Additional authenticated data binds each ciphertext to the row and column it belongs to:
 * a value copied into another user's row (by SQL injection, a bad restore or a curious admin)
 * fails to decrypt instead of handing one user's TeamViewer account to another.
 * GCM: NIST SP 800-38D; 96-bit random IVs are the recommended size (section 8.2.2).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring.js";

const formatVersion = "v1";
const algorithm = "aes-256-gcm";
const ivLength = 12;
const tagLength = 16;

/** Where a secret lives; becomes part of the additional authenticated data. */
export interface SecretBinding {
  table: string;
  column: string;
  rowId: string;
}

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

export class SecretBox {
  constructor(readonly keyring: Keyring) {}

  /** Encrypts under the primary key, bound to `binding`. */
  encrypt(plaintext: string, binding: SecretBinding): string {
    const keyId = this.keyring.primaryKeyId;
    const key = this.#key(keyId);
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagLength });
    cipher.setAAD(additionalData(keyId, binding));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
    return [formatVersion, keyId, ...parts].join(".");
  }

  /**
   * Decrypts a value produced by {@link encrypt} for the same binding. Throws
   * {@link SecretDecryptionError} when the value was altered, belongs to another row or column,
   * or names a key the keyring lacks. The message never contains the value.
   */
  decrypt(sealed: string, binding: SecretBinding): string {
    const { keyId, iv, tag, ciphertext } = parseSealed(sealed);
    const key = this.#key(keyId);
    try {
      const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagLength });
      decipher.setAAD(additionalData(keyId, binding));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretDecryptionError(
        `cannot decrypt ${binding.table}.${binding.column} of row ${binding.rowId}: the value was altered or belongs to another row`,
      );
    }
  }

  /** True when `sealed` is not yet under the primary key (the rewrap job's work list). */
  isUnderOldKey(sealed: string): boolean {
    return readKeyId(sealed) !== this.keyring.primaryKeyId;
  }

  #key(keyId: string): Buffer {
    const key = this.keyring.get(keyId);
    if (key === undefined) {
      throw new SecretDecryptionError(`the keyring has no key "${keyId}"; add it to ATTENDANT_KEYS`);
    }
    return key;
  }
}

/** The key id a sealed value was encrypted with. */
export function readKeyId(sealed: string): string {
  return parseSealed(sealed).keyId;
}

function additionalData(keyId: string, binding: SecretBinding): Buffer {
  return Buffer.from(`${formatVersion}.${keyId}|${binding.table}:${binding.column}:${binding.rowId}`, "utf8");
}

function parseSealed(sealed: string): { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (
    version !== formatVersion ||
    !keyId ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length > 0
  ) {
    throw new SecretDecryptionError("not a sealed secret in the v1 format");
  }
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== ivLength || tagBytes.length !== tagLength) {
    throw new SecretDecryptionError("not a sealed secret in the v1 format");
  }
  return { keyId, iv: ivBytes, tag: tagBytes, ciphertext: Buffer.from(ciphertext, "base64url") };
}
