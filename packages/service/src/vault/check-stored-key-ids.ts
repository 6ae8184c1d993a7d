/**
 * Start-up guard: refuse to run unless the keyring can open every stored secret's key id. Two
 * ways to get it wrong: a key id stored secrets name is missing, or the keyring holds other key
 * material under that id (keyring.json deleted and regenerated, a key pasted from the wrong
 * place). Failing at start-up, naming the key id and where it is used, beats failing later on
 * every decryption, one user at a time.
 */
import type { Db } from "../db/open-database.js";
import {
  bindingFor,
  listSealedSamplesPerKeyId,
  type SealedSample,
} from "../db/repositories/stored-secrets.js";
import { type Keyring, KeyringError } from "./keyring.js";
import { SecretBox, SecretDecryptionError } from "./secret-box.js";

/**
 * @param keyringSource where the keyring came from, for the messages: "ATTENDANT_KEYS" or the
 *   path of the embedded demo's generated keyring file
 */
export async function assertKeyringCoversStoredSecrets(
  db: Db,
  keyring: Keyring,
  keyringSource = "ATTENDANT_KEYS",
): Promise<void> {
  const samples = await listSealedSamplesPerKeyId(db);
  const keyIds = [...new Set(samples.map((sample) => sample.keyId))].sort();
  const missing = keyIds.filter((keyId) => !keyring.has(keyId));
  if (missing.length > 0) {
    const list = missing.map((keyId) => `"${keyId}"`).join(", ");
    throw new KeyringError(
      `Stored secrets are encrypted with key id(s) ${list}, which ${keyringSource} does not contain ` +
        `(it has: ${keyring.keyIds.join(", ")}). Add the missing key(s) back to ${keyringSource}; ` +
        "to retire a key, first make another key primary and run the rewrap job, then remove it.",
    );
  }
  // One value per key id and column: a wrong key opens none of them, while one damaged value
  // next to values that open does not stop the service.
  const vault = new SecretBox(keyring);
  for (const keyId of keyIds) {
    const sealedWithKey = samples.filter((sample) => sample.keyId === keyId);
    if (sealedWithKey.some((sample) => opens(vault, sample))) continue;
    const columns = sealedWithKey.map(({ column, row }) => {
      const binding = bindingFor(column, row.id);
      return `${binding.table}.${binding.column}`;
    });
    throw new KeyringError(
      `The key "${keyId}" in ${keyringSource} cannot decrypt the secrets it sealed (tried ${columns.join(", ")}): ` +
        `the key material under that id is not the one they were sealed with. Put the original key for "${keyId}" ` +
        `back in ${keyringSource} (from where you keep your keys, or a backup of the data folder); a new key ` +
        "needs a new id next to the old one, then the rewrap job.",
    );
  }
}

function opens(vault: SecretBox, { column, row }: SealedSample): boolean {
  try {
    vault.decrypt(row.sealed, bindingFor(column, row.id));
    return true;
  } catch (error) {
    if (error instanceof SecretDecryptionError) return false;
    throw error;
  }
}
