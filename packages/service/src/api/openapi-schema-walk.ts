/**
 * Reading the JSON Schemas inside our OpenAPI document: following `$ref`s into
 * `components/schemas`, naming a schema's type for people, and building a small example value
 * that the schema accepts. The reference page uses these for its field tables and curl examples;
 * the contract tests use the same examples as request bodies.
 */

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it); only the keywords we read are typed. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface SchemaComponents {
  components?: { schemas?: Record<string, unknown> };
}

const refPrefix = "#/components/schemas/";

/** The component name of a `$ref` schema, e.g. `SupportSession`; undefined for inline schemas. */
export function refNameOf(schema: JsonSchema): string | undefined {
  return schema.$ref?.startsWith(refPrefix) ? schema.$ref.slice(refPrefix.length) : undefined;
}

/** Follows `$ref`s (also chains of them) to the schema they name. */
export function resolveSchema(document: SchemaComponents, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const name = refNameOf(current);
    if (name === undefined) return current;
    const target = document.components?.schemas?.[name] as JsonSchema | undefined;
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

/**
 * `string (uuid)`, `integer`, `"open" | "closed"`, `SupportSession[]`, `string | null`… A named
 * enum shows its values too (`InvitationLocale: "en" | "de" | "ja"`): a reader should not have
 * to look them up.
 */
export function describeType(document: SchemaComponents, schema: JsonSchema): string {
  const name = refNameOf(schema);
  if (name !== undefined) {
    const values = resolveSchema(document, schema).enum;
    return values === undefined ? name : `${name}: ${enumValues(values)}`;
  }
  if (schema.enum !== undefined) return enumValues(schema.enum);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) {
    return alternatives.map((alternative) => describeType(document, alternative)).join(" | ");
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const labels = types.map((type) => {
    if (type === "array" && schema.items !== undefined) return `${describeType(document, schema.items)}[]`;
    if (type === "string" && schema.format !== undefined) return `string (${schema.format})`;
    return type;
  });
  return labels.length === 0 ? "any" : labels.join(" | ");
}

function enumValues(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(" | ");
}

/** The named schema a field's type is, or is an array of: what the reference page links to. */
export function namedSchemaOf(schema: JsonSchema): string | undefined {
  return refNameOf(schema) ?? (schema.items === undefined ? undefined : refNameOf(schema.items));
}

export interface SchemaField {
  /** Dotted path, e.g. `ticket.externalId`; `[]` marks array items. */
  path: string;
  type: string;
  isRequired: boolean;
  description: string | undefined;
  /** The component schema the type names, if any. */
  schemaName: string | undefined;
}

/** Every field of an object schema, nested objects flattened with dotted paths. */
export function fieldsOf(
  document: SchemaComponents,
  schema: JsonSchema,
  prefix = "",
  depth = 0,
): SchemaField[] {
  const resolved = resolveSchema(document, schema);
  if (depth > 4 || resolved.properties === undefined) return [];
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const target = resolveSchema(document, property);
    const nested =
      target.type === "array" && target.items !== undefined
        ? fieldsOf(document, target.items, `${path}[].`, depth + 1)
        : fieldsOf(document, property, `${path}.`, depth + 1);
    return [
      {
        path,
        type: describeType(document, property),
        isRequired: required.has(name),
        description: property.description ?? target.description,
        schemaName: namedSchemaOf(property),
      },
      ...nested,
    ];
  });
}

const formatSamples: Record<string, unknown> = {
  uuid: "3f2b6c1e-8d4a-4f0e-9b7a-2c5d8e1f4a6b",
  "date-time": "2026-03-02T09:00:00Z",
  date: "2026-03-02",
  email: "erika@example.org",
  uri: "https://helpdesk.example/tickets/4711",
  url: "https://helpdesk.example/tickets/4711",
};

/**
 * A small value the schema accepts: its example or default where it has one, otherwise built
 * from the type, with only the required properties of objects (and those that have examples).
 */
export function sampleOf(document: SchemaComponents, schema: JsonSchema, depth = 0): unknown {
  const resolved = resolveSchema(document, schema);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.examples?.[0] !== undefined) return resolved.examples[0];
  if (resolved.default !== undefined) return resolved.default;
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.[0] !== undefined) return resolved.enum[0];
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives?.[0] !== undefined) return sampleOf(document, alternatives[0], depth + 1);
  const type = Array.isArray(resolved.type)
    ? (resolved.type.find((candidate) => candidate !== "null") ?? "null")
    : resolved.type;
  switch (type) {
    case "object": {
      if (depth > 6) return {};
      const required = new Set(resolved.required ?? []);
      const entries = Object.entries(resolved.properties ?? {})
        .filter(([name, property]) => required.has(name) || hasExample(document, property))
        .map(([name, property]) => [name, sampleOf(document, property, depth + 1)]);
      return Object.fromEntries(entries);
    }
    case "array":
      return resolved.items === undefined || (resolved.minItems ?? 0) === 0
        ? []
        : [sampleOf(document, resolved.items, depth + 1)];
    case "string":
      return (resolved.format === undefined ? undefined : formatSamples[resolved.format]) ?? "example";
    case "integer":
    case "number":
      return Math.max(resolved.minimum ?? 1, (resolved.exclusiveMinimum ?? 0) + 1);
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
}

function hasExample(document: SchemaComponents, schema: JsonSchema): boolean {
  const resolved = resolveSchema(document, schema);
  return resolved.example !== undefined || resolved.examples !== undefined;
}
