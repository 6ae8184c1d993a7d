import { randomBytes } from "node:crypto";

/** A fresh `keyId:base64` entry for ATTENDANT_KEYS. */
export function generateKeyEntry(keyId: string): string {
  return `${keyId}:${randomBytes(32).toString("base64")}`;
}
