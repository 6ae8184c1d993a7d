import { parseWireDate } from "./dates.js";
import { badRequest } from "./errors.js";

/** Wire id shapes (docs/teamviewer-api.md, "Conventions on the wire" and §3). */
export const USER_ID = /^u\d+$/;
export const GROUP_ID = /^g\d+$/;
export const SESSION_CODE = /^s\d{2,3}-\d{3}-\d{3}$/;
export const DEVICE_ID = /^\d+$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SMS_NUMBER = /^\+?[\d ()/-]+$/;

/** Booleans may arrive as `True` or `true` (docs/teamviewer-api.md §4). */
export function parseBooleanParam(name: string, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  throw badRequest(`Parameter ${name} must be true or false.`);
}

export function parseDateParam(name: string, value: string): number {
  const epochMs = parseWireDate(value);
  if (epochMs === undefined) throw badRequest(`Parameter ${name} is not a valid date.`);
  return epochMs;
}

export function requireMatch(name: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw badRequest(`Parameter ${name} is malformed.`);
  return value;
}

/** Reads a JSON object body; anything else is a 400, never a crash. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw badRequest("The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** An optional string field with a length cap; `null` counts as absent. */
export function optionalString(
  body: Record<string, unknown>,
  name: string,
  maxLength?: number,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`Parameter ${name} must be a string.`);
  if (maxLength !== undefined && value.length > maxLength) {
    throw badRequest(`Parameter ${name} is longer than ${maxLength} characters.`);
  }
  return value;
}
