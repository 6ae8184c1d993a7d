/**
 * The embedded demo must start with zero configuration, yet secrets must still be encrypted.
 * So when no keys are configured and the database is the embedded one, a keyring is generated
 * once into the data folder (mode 0600) and reused on every later start. Production sets
 * ATTENDANT_KEYS; with DATABASE_URL, configuration parsing already refuses missing keys.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Config } from "../config/config-schema.js";
import type { Logger } from "../logging/logger.js";
import { generateKeyringSpec, type Keyring, KeyringError, parseKeyring } from "./keyring.js";

export const demoKeyringFileName = "keyring.json";

/** The keyring to run with: the configured one, or the data folder's generated one. */
export function resolveKeyring(config: Config, logger: Logger): Keyring {
  if (config.keyring !== undefined) return config.keyring;
  if (config.databaseUrl !== undefined) {
    throw new KeyringError("ATTENDANT_KEYS must be set when DATABASE_URL is set");
  }
  const filePath = path.join(config.dataDir, demoKeyringFileName);
  const keyring = readOrCreateKeyringFile(filePath);
  logger.warn(
    { keyringFile: filePath },
    `!!! NO ENCRYPTION KEYS CONFIGURED: secrets are encrypted with a key generated into ${filePath}. ` +
      "Anyone who can read the data folder can read the stored TeamViewer tokens. Fine for a demo; " +
      "for real use set ATTENDANT_KEYS and ATTENDANT_PRIMARY_KEY (see packages/service/README.md). !!!",
  );
  return keyring;
}

function readOrCreateKeyringFile(filePath: string): Keyring {
  const labels = { keys: `"keys" in ${filePath}`, primaryKeyId: `"primaryKeyId" in ${filePath}` };
  const spec = generateKeyringSpec();
  try {
    // "wx" fails if the file exists: we never overwrite a key that encrypted stored data.
    writeFileSync(filePath, `${JSON.stringify(spec, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return parseKeyring(spec, labels);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  }
  const stored = readJson(filePath);
  if (
    typeof stored !== "object" ||
    stored === null ||
    Array.isArray(stored) ||
    !("keys" in stored) ||
    typeof stored.keys !== "string" ||
    ("primaryKeyId" in stored && typeof stored.primaryKeyId !== "string")
  ) {
    throw new KeyringError(
      `${filePath} must hold {"keys": "keyId:base64", "primaryKeyId": "keyId"}; ${restoreHint(filePath)}`,
    );
  }
  const primaryKeyId = "primaryKeyId" in stored ? String(stored.primaryKeyId) : undefined;
  return parseKeyring({ keys: stored.keys, primaryKeyId }, labels);
}

function readJson(filePath: string): unknown {
  try {
    return JSON.parse(readFileSync(filePath, "utf8"));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new KeyringError(`${filePath} is not valid JSON (${error.message}); ${restoreHint(filePath)}`);
  }
}

/** Never a fresh keyring in its place: the stored secrets are sealed with the key it held. */
function restoreHint(filePath: string): string {
  return (
    `restore it from a backup of the data folder. Do not delete it to get a new one: the secrets ` +
    `stored in ${path.dirname(filePath)} can only be opened with the key it held`
  );
}

/** Where the keyring `resolveKeyring` returns comes from, for messages about its keys. */
export function keyringSourceOf(config: Pick<Config, "keyring" | "dataDir">): string {
  return config.keyring === undefined ? path.join(config.dataDir, demoKeyringFileName) : "ATTENDANT_KEYS";
}
