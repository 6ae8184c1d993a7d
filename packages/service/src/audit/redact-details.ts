/**
 * The audit log must never hold a secret, whatever a caller passes in `details`. Values under
 * secret-looking keys (see logging/sensitive-keys.ts) are replaced, at any depth.
 */
import { isSensitiveKey } from "../logging/sensitive-keys.js";

export const redactedValue = "[redacted]";

export function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return redactObject(details);
}

function redactObject(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      isSensitiveKey(key) ? redactedValue : redactValue(entry),
    ]),
  );
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return redactObject(value);
  return value;
}
