/**
 * Checking answers against the OpenAPI document: the status must be one the operation documents
 * and the body must match the schema documented for that status and media type (JSON Schema
 * 2020-12 through Ajv, the dialect OpenAPI 3.1 uses).
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonSchema } from "../../../src/api/openapi-schema-walk.js";

// ajv-formats is CommonJS: under NodeNext its plugin is the module's `default` property.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface DocumentedOperation {
  method: Method;
  path: string;
  operation: {
    operationId?: string;
    security?: unknown[];
    parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  };
}

export interface OpenApiShape {
  paths: Record<string, Partial<Record<Method, DocumentedOperation["operation"]>>>;
  components?: { schemas?: Record<string, unknown> };
}

const methods: Method[] = ["get", "post", "put", "patch", "delete"];

export function operationsOf(document: OpenApiShape): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      return operation === undefined ? [] : [{ method, path, operation }];
    }),
  );
}

/** `/api/v1/sessions/{id}` → `/api/v1/sessions/:id`, as hono writes route paths. */
export function honoPathOf(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ":$1");
}

export function createContractChecker(document: OpenApiShape) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Component references become local `$defs` so each response schema compiles on its own.
  const definitions = JSON.parse(
    JSON.stringify(document.components?.schemas ?? {}).replaceAll("#/components/schemas/", "#/$defs/"),
  ) as Record<string, unknown>;
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: JsonSchema) => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      const local = JSON.parse(JSON.stringify(schema).replaceAll("#/components/schemas/", "#/$defs/"));
      validate = ajv.compile({ ...local, $defs: definitions });
      compiled.set(key, validate);
    }
    return validate;
  };

  return {
    /** Empty when the answer is what the document promises; otherwise what differs. */
    async problemsWith(entry: DocumentedOperation, response: Response): Promise<string[]> {
      const where = `${entry.method.toUpperCase()} ${entry.path} → ${response.status}`;
      const documented = entry.operation.responses[String(response.status)];
      if (documented === undefined) {
        return [`${where}: status not documented (${await response.clone().text()})`];
      }
      const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      const content = documented.content;
      if (content === undefined || Object.keys(content).length === 0) return [];
      const media = content[mediaType];
      if (media === undefined) {
        return [`${where}: content type ${mediaType} not documented (${Object.keys(content).join(", ")})`];
      }
      if (media.schema === undefined || !mediaType.includes("json")) return [];
      const body: unknown = await response.clone().json();
      const validate = validatorFor(
        `${entry.method} ${entry.path} ${response.status} ${mediaType}`,
        media.schema,
      );
      if (validate(body)) return [];
      return [
        `${where}: body does not match the schema: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`,
      ];
    },
  };
}
