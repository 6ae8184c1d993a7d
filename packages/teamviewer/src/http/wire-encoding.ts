import { formatTeamViewerDate } from "../dates.js";

/**
 * The one place where our values become TeamViewer's wire format: path segments, query strings and
 * JSON bodies. Dates are written as TeamViewer writes them, booleans as `true`/`false`, lists as
 * comma-separated values (`state=open,closed`), and absent values are left out.
 */

/**
 * Builds a path whose interpolated values are each encoded as one path segment, so an id can never
 * escape its segment (`../`, `?`, `#`). Every path parameter goes through here.
 *
 * @example
 * ```ts
 * encodePath`/sessions/${code}`; // "/sessions/s119-457-589"
 * ```
 */
export function encodePath(template: TemplateStringsArray, ...segments: string[]): string {
  return template.reduce((path, literal, index) => {
    const segment = segments[index - 1];
    return `${path}${segment === undefined ? "" : encodeSegment(segment)}${literal}`;
  });
}

function encodeSegment(segment: string): string {
  // "." and ".." survive encodeURIComponent and would be resolved away by URL parsing.
  if (segment === "" || segment === "." || segment === "..") {
    throw new TypeError(`"${segment}" is not a valid id or code for a TeamViewer path`);
  }
  return encodeURIComponent(segment);
}

/**
 * Turns list filters into a query string, leaving out `undefined` and `null`.
 *
 * @example
 * ```ts
 * encodeQuery({ full_list: true, state: ["open", "closed"] }); // "full_list=true&state=open%2Cclosed"
 * ```
 */
export function encodeQuery(params: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(formatScalar).join(",") : formatScalar(value);
    query.append(name, text);
  }
  return query.toString();
}

function formatScalar(value: unknown): string {
  if (value instanceof Date) return formatTeamViewerDate(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  throw new TypeError(`A ${typeof value} cannot be sent as a TeamViewer query parameter`);
}

/**
 * Serialises a request body as JSON, writing dates as TeamViewer does (whole seconds, `Z`) instead of
 * `Date#toJSON`'s milliseconds.
 *
 * @example
 * ```ts
 * encodeJsonBody({ valid_until: new Date("2026-03-03T09:14:07.123Z") }); // '{"valid_until":"2026-03-03T09:14:07Z"}'
 * ```
 */
export function encodeJsonBody(body: object): string {
  return JSON.stringify(body, function replaceDates(this: Record<string, unknown>, key, value) {
    const original = this[key];
    return original instanceof Date ? formatTeamViewerDate(original) : value;
  });
}
