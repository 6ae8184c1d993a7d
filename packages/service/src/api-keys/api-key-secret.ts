/**
 * The shape of API keys: `atd_<prefix>_<secret>`, and of the operator's keys:
 * `atdop_<prefix>_<secret>` (docs/adr/0046-operator-api-and-keys.md). The prefix (8 hex digits)
 * finds the row and names the key in lists; the secret (256 random bits, base64url) is stored
 * only as its SHA-256. A fast hash is enough here, unlike for passwords: the secret is random,
 * not guessable. The two kinds never parse as each other, so neither opens the other's routes.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const tokenPatterns = {
  atd: /^atd_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/,
  atdop: /^atdop_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/,
} as const;

/** `atd`: an organisation's API key; `atdop`: an operator key. */
export type KeyKind = keyof typeof tokenPatterns;

export interface GeneratedApiKey {
  /** The whole key, shown once to the admin who created it. */
  token: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(kind: KeyKind = "atd"): GeneratedApiKey {
  const prefix = randomBytes(4).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { token: `${kind}_${prefix}_${secret}`, prefix, secretHash: hashApiKeySecret(secret) };
}

export function parseApiKey(
  token: string,
  kind: KeyKind = "atd",
): { prefix: string; secret: string } | undefined {
  const match = tokenPatterns[kind].exec(token);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { prefix: match[1], secret: match[2] };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time, so response timing reveals nothing about how much of a guess was right. */
export function isMatchingSecret(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeySecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
