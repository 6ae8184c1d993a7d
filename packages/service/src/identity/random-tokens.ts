/**
 * Bearer secrets (session cookies, one-time login links) are 256 random bits, and only their
 * SHA-256 is stored: a leaked database row cannot be replayed, and with that much entropy a
 * fast unsalted hash is enough (there is nothing to guess, unlike a password).
 */
import { createHash, randomBytes } from "node:crypto";

export function generateSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
