import { UnexpectedResponseError } from "./errors.js";

/** A JSON object as it came off the wire: every key kept, values not yet trusted. */
export type JsonObject = { [key: string]: unknown };

/**
 * True for a plain JSON object (not an array, not `null`).
 *
 * @example
 * ```ts
 * if (isJsonObject(body) && typeof body.error === "string") console.log(body.error);
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses a body as JSON, or returns `undefined` when it is not JSON (TeamViewer sometimes answers
 * errors in plain text).
 *
 * @example
 * ```ts
 * parseJsonOrUndefined('{"a":1}'); // { a: 1 }
 * parseJsonOrUndefined("license limitations"); // undefined
 * ```
 */
export function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Narrows a decoded body to an object, failing with a message that names what was expected.
 *
 * @example
 * ```ts
 * const session = expectObject(body, "a session", "GET /sessions/s119-457-589");
 * ```
 */
export function expectObject(value: unknown, expected: string, requestLabel: string): JsonObject {
  if (isJsonObject(value)) return value;
  throw new UnexpectedResponseError(
    `TeamViewer answered ${requestLabel} with something that is not ${expected}. ` +
      "The API may have changed; please report this to the maintainers of @attendant/teamviewer.",
  );
}

/**
 * Reads a field as a string, or `null` when it is missing, `null` or not a string.
 *
 * @example
 * ```ts
 * readString({ error: "not_found" }, "error"); // "not_found"
 * ```
 */
export function readString(object: JsonObject, key: string): string | null {
  const value = object[key];
  return typeof value === "string" ? value : null;
}

/**
 * Reads a field as a finite number, accepting numeric strings (`"12.50"`) as well, since some
 * TeamViewer payloads have been seen with numbers as strings. Anything else gives `null`.
 *
 * @example
 * ```ts
 * readNumber({ fee: "12.50" }, "fee"); // 12.5
 * ```
 */
export function readNumber(object: JsonObject, key: string): number | null {
  const value = object[key];
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}

/**
 * Narrows a decoded item to an object whose `idKey` is a string: the one field a caller cannot do
 * without. Every other field is tolerated missing or `null`, and unknown fields are kept.
 *
 * @example
 * ```ts
 * const raw = expectObjectWithId(body, "code", "a session", "GET /sessions/s119-457-589");
 * ```
 */
export function expectObjectWithId(
  value: unknown,
  idKey: string,
  expected: string,
  requestLabel: string,
): JsonObject {
  const object = expectObject(value, expected, requestLabel);
  if (typeof object[idKey] === "string") return object;
  throw new UnexpectedResponseError(
    `TeamViewer answered ${requestLabel} with ${expected} that has no "${idKey}". ` +
      "The API may have changed; please report this to the maintainers of @attendant/teamviewer.",
  );
}

/**
 * For calls whose answer means nothing beyond its success status: TeamViewer answers 204, old
 * manuals say 200 with a body, and any 2xx is accepted.
 *
 * @example
 * ```ts
 * return transport.request({ method: "DELETE", path }).then(ignoreBody);
 * ```
 */
export function ignoreBody(): void {}
