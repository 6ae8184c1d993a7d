/**
 * The set of AES-256 keys the vault may use: several keys (so old ciphertexts stay readable
 * during a rotation) and one primary that encrypts everything new.
 */
import { randomBytes } from "node:crypto";

/** 32 bytes = AES-256. */
export const keyLength = 32;

/**
 * Key ids appear inside every ciphertext, separated by dots, and in SQL (`split_part`), so they
 * are limited to characters that need no escaping anywhere.
 */
const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export class KeyringError extends Error {
  override name = "KeyringError";
}

export class Keyring {
  readonly primaryKeyId: string;
  readonly #keys: ReadonlyMap<string, Buffer>;

  /** Prefer {@link parseKeyring}; this constructor trusts that the rules were already checked. */
  constructor(keys: ReadonlyMap<string, Buffer>, primaryKeyId: string) {
    if (!keys.has(primaryKeyId))
      throw new KeyringError(`primary key "${primaryKeyId}" is not in the keyring`);
    this.#keys = new Map(keys);
    this.primaryKeyId = primaryKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** The key bytes for `keyId`, or undefined when the keyring does not hold it. */
  get(keyId: string): Buffer | undefined {
    return this.#keys.get(keyId);
  }

  /** Keeps key material out of logs and error reports that serialise the config. */
  toJSON(): { primaryKeyId: string; keyIds: string[] } {
    return { primaryKeyId: this.primaryKeyId, keyIds: this.keyIds };
  }
}

export interface KeyringSpec {
  /** Comma-separated `keyId:base64` entries, the format of ATTENDANT_KEYS. */
  keys: string;
  /** Which key encrypts new secrets; may be omitted when there is exactly one key. */
  primaryKeyId?: string | undefined;
}

/** Names used in error messages, so they point at wherever the spec came from. */
export interface KeyringSpecLabels {
  keys: string;
  primaryKeyId: string;
}

const environmentLabels: KeyringSpecLabels = {
  keys: "ATTENDANT_KEYS",
  primaryKeyId: "ATTENDANT_PRIMARY_KEY",
};

/**
 * Parses and checks a keyring spec. Every broken rule is reported (not just the first), each
 * as a sentence that names the setting, what is wrong and how to fix it. Key material never
 * appears in a message.
 *
 * Rules: each key decodes to exactly 32 bytes; ids are unique; no two ids share key material
 * (a copy-paste slip that would make "rotation" a no-op); the primary exists.
 */
export function parseKeyring(spec: KeyringSpec, labels: KeyringSpecLabels = environmentLabels): Keyring {
  const problems: string[] = [];
  const keys = new Map<string, Buffer>();
  const idsByMaterial = new Map<string, string>();
  const generateHint = "generate one with `openssl rand -base64 32`";

  const entries = spec.keys
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    problems.push(`${labels.keys} must list at least one key as keyId:base64, ${generateHint}`);
  }
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(":");
    const keyId = separator === -1 ? "" : entry.slice(0, separator).trim();
    const encoded = separator === -1 ? "" : entry.slice(separator + 1).trim();
    if (separator === -1 || !keyIdPattern.test(keyId)) {
      problems.push(
        `${labels.keys} entry ${index + 1} must look like keyId:base64 with a key id of letters, digits, "-" or "_" (at most 64)`,
      );
      continue;
    }
    const material = decodeBase64Strict(encoded);
    if (material?.length !== keyLength) {
      const got = material === undefined ? "not valid base64" : `${material.length} bytes`;
      problems.push(
        `${labels.keys} key "${keyId}" must be exactly ${keyLength} bytes of base64, got ${got}; ${generateHint}`,
      );
      continue;
    }
    if (keys.has(keyId)) {
      problems.push(`${labels.keys} lists key id "${keyId}" more than once; give each key its own id`);
      continue;
    }
    const fingerprint = material.toString("hex");
    const twin = idsByMaterial.get(fingerprint);
    if (twin !== undefined) {
      problems.push(
        `${labels.keys} keys "${twin}" and "${keyId}" have the same key material; every key id needs its own freshly generated key`,
      );
      continue;
    }
    idsByMaterial.set(fingerprint, keyId);
    keys.set(keyId, material);
  }

  const primaryKeyId = spec.primaryKeyId?.trim() || (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (problems.length === 0) {
    if (primaryKeyId === undefined) {
      problems.push(
        `${labels.primaryKeyId} must name the key that encrypts new secrets when ${labels.keys} has several keys (one of: ${[...keys.keys()].join(", ")})`,
      );
    } else if (!keys.has(primaryKeyId)) {
      problems.push(
        `${labels.primaryKeyId} names key "${primaryKeyId}", which is not in ${labels.keys} (known: ${[...keys.keys()].join(", ")}); add that key or pick one of the known ids`,
      );
    }
  }
  if (problems.length > 0 || primaryKeyId === undefined) throw new KeyringError(problems.join("\n"));
  return new Keyring(keys, primaryKeyId);
}

/**
 * A fresh single-key spec, used for the embedded demo's generated keyring file. The id carries
 * random hex besides the date, so a keyring generated after the file was lost never takes the
 * id of the key that sealed the stored secrets: start-up then says that key is missing.
 */
export function generateKeyringSpec(): Required<KeyringSpec> {
  const keyId = `generated-${new Date().toISOString().slice(0, 10)}-${randomBytes(8).toString("hex")}`;
  return { keys: `${keyId}:${randomBytes(keyLength).toString("base64")}`, primaryKeyId: keyId };
}

/** Buffer.from(…, "base64") silently skips junk; round-tripping proves the text was base64. */
function decodeBase64Strict(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64").replace(/=+$/, "") === text.replace(/=+$/, "") ? bytes : undefined;
}
