/**
 * The API is camelCase throughout (sessions, reports, webhooks). A test that parsed a body asks
 * for every key that is not, at any depth, and expects none: one renamed field would otherwise
 * slip through assertions that name only a few fields.
 */
const camelCase = /^[a-z][a-zA-Z0-9]*$/;

/** Every key of `value` (objects and arrays, recursively) that is not camelCase, as a path. */
export function nonCamelCaseKeysOf(value: unknown, path = ""): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonCamelCaseKeysOf(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(camelCase.test(key) ? [] : [`${path}.${key}`]),
    ...nonCamelCaseKeysOf(child, `${path}.${key}`),
  ]);
}
