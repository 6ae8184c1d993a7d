/**
 * Start-up guard: refuse to run when stored secrets were encrypted with a key the keyring no
 * longer holds. Failing at start-up with the list of missing ids beats failing later, one user
 * at a time, on the first token refresh.
 */
import type { Db } from "../db/open-database.js";
import { listKeyIdsInUse } from "../db/repositories/stored-secrets.js";
import { type Keyring, KeyringError } from "./keyring.js";

export async function assertKeyringCoversStoredSecrets(db: Db, keyring: Keyring): Promise<void> {
  const missing = (await listKeyIdsInUse(db)).filter((keyId) => !keyring.has(keyId));
  if (missing.length === 0) return;
  const list = missing.map((keyId) => `"${keyId}"`).join(", ");
  throw new KeyringError(
    `Stored secrets are encrypted with key id(s) ${list}, which ATTENDANT_KEYS does not contain ` +
      `(it has: ${keyring.keyIds.join(", ")}). Add the missing key(s) back to ATTENDANT_KEYS; ` +
      "to retire a key, first make another key primary and run the rewrap job, then remove it.",
  );
}
