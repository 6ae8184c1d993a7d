/**
 * The API reference for people, rendered on the server from the OpenAPI document: operations
 * grouped by tag, their parameters, request and response fields and a curl example, then every
 * named schema with its fields or, for an enum, its values; types that name a schema link to
 * it. It needs no
 * script and nothing from another origin, so it works offline and under our CSP; the machine
 * readable document is linked for client generators and API tools.
 */
import type { Child } from "hono/jsx";
import type { OpenApiDocument } from "./openapi-document.js";
import {
  describeType,
  fieldsOf,
  type JsonSchema,
  namedSchemaOf,
  refNameOf,
  resolveSchema,
  type SchemaComponents,
  sampleOf,
} from "./openapi-schema-walk.js";

const methods = ["get", "post", "put", "patch", "delete"] as const;
type Method = (typeof methods)[number];

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface MediaTypes {
  [mediaType: string]: { schema?: JsonSchema } | undefined;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: MediaTypes };
  responses?: Record<string, { description?: string; content?: MediaTypes }>;
}

/** What an operation's key is called, by the document's security scheme (the operator's has its own). */
interface Credential {
  noun: string;
  variable: string;
}

const apiKeyCredential: Credential = { noun: "API key", variable: "ATTENDANT_API_KEY" };
const credentials: Record<string, Credential> = {
  apiKey: apiKeyCredential,
  operatorKey: { noun: "operator key", variable: "ATTENDANT_OPERATOR_KEY" },
};

interface Entry {
  method: Method;
  path: string;
  operation: Operation;
}

export function ApiReferencePage(props: { document: OpenApiDocument; documentPath: string }) {
  const document = props.document as unknown as SchemaComponents & {
    info: { version: string; description?: string };
    servers?: { url: string }[];
    tags?: { name: string; description?: string }[];
    paths?: Record<string, Partial<Record<Method, Operation>>>;
    security?: Record<string, string[]>[];
  };
  const serverUrl = document.servers?.[0]?.url ?? "";
  const credential = credentials[Object.keys(document.security?.[0] ?? {})[0] ?? ""] ?? apiKeyCredential;
  const entries = entriesOf(document.paths ?? {});
  const tags = document.tags ?? [];
  return (
    <>
      <p class="muted">
        Version {document.info.version} · <a href={props.documentPath}>OpenAPI 3.1 document (JSON)</a> ·
        Server <code>{serverUrl}</code>
      </p>
      {(document.info.description ?? "").split("\n\n").map((paragraph) => (
        <p>{withInlineMarkup(paragraph)}</p>
      ))}
      <nav class="card" aria-label="Operations">
        <h2>Operations</h2>
        {tags.map((tag) => (
          <>
            <h3>
              <a href={`#tag-${slug(tag.name)}`}>{tag.name}</a>
            </h3>
            <ul class="plain-list">
              {entries
                .filter((entry) => entry.operation.tags?.includes(tag.name))
                .map((entry) => (
                  <li>
                    <a href={`#${anchorOf(entry)}`}>
                      <code>
                        {entry.method.toUpperCase()} {entry.path}
                      </code>
                    </a>{" "}
                    {entry.operation.summary}
                  </li>
                ))}
            </ul>
          </>
        ))}
        <h3>
          <a href="#schemas">Schemas</a>
        </h3>
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${slug(tag.name)}`}>
          <h2 id={`tag-${slug(tag.name)}`}>{tag.name}</h2>
          {tag.description && <p>{withInlineMarkup(tag.description)}</p>}
          {entries
            .filter((entry) => entry.operation.tags?.includes(tag.name))
            .map((entry) => (
              <OperationCard
                document={document}
                entry={entry}
                serverUrl={serverUrl}
                credential={credential}
              />
            ))}
        </section>
      ))}
      <SchemaSection document={document} />
    </>
  );
}

/** Every named schema of the document, in the order the document lists them. */
function SchemaSection(props: { document: SchemaComponents }) {
  const { document } = props;
  const schemas = Object.entries(document.components?.schemas ?? {}) as [string, JsonSchema][];
  return (
    <section aria-labelledby="schemas">
      <h2 id="schemas">Schemas</h2>
      {schemas.map(([name, schema]) => (
        <article class="card" id={schemaAnchorOf(name)}>
          <h3>
            <code>{name}</code>
          </h3>
          {schema.description && <p>{withInlineMarkup(schema.description)}</p>}
          {schema.enum === undefined ? (
            <SchemaFields document={document} schema={schema} />
          ) : (
            <>
              <p>One of:</p>
              <ul class="plain-list">
                {schema.enum.map((value) => (
                  <li>
                    <code>{JSON.stringify(value)}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  );
}

function schemaAnchorOf(name: string): string {
  return `schema-${name}`;
}

/** A type, linked to its schema's section when it names one. */
function TypeLabel(props: { type: string; schemaName: string | undefined }) {
  const label = <code>{props.type}</code>;
  return props.schemaName === undefined ? (
    label
  ) : (
    <a href={`#${schemaAnchorOf(props.schemaName)}`}>{label}</a>
  );
}

function OperationCard(props: {
  document: SchemaComponents;
  entry: Entry;
  serverUrl: string;
  credential: Credential;
}) {
  const { document, entry, serverUrl, credential } = props;
  const { operation } = entry;
  const parameters = operation.parameters ?? [];
  const body = jsonContentOf(operation.requestBody?.content);
  const isPublic = operation.security !== undefined && operation.security.length === 0;
  const hasScope = (operation.security ?? []).some((requirement) => (requirement.apiKey ?? []).length > 0);
  return (
    <article class="card" id={anchorOf(entry)}>
      <h3>
        <code>
          {entry.method.toUpperCase()} {entry.path}
        </code>
      </h3>
      {operation.summary && <p>{withInlineMarkup(operation.summary)}</p>}
      {operation.description && <p>{withInlineMarkup(operation.description)}</p>}
      {/* A scoped operation says so in its description (openapi-document.ts). */}
      {(isPublic || !hasScope) && (
        <p class="muted">{isPublic ? `No ${credential.noun} needed.` : `Needs an ${credential.noun}.`}</p>
      )}
      {parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <FieldTable
            rows={parameters.map((parameter) => ({
              name: `${parameter.name} (${parameter.in})`,
              type: parameter.schema === undefined ? "string" : describeType(document, parameter.schema),
              isRequired: parameter.required === true,
              description: parameter.description ?? parameter.schema?.description,
              schemaName: parameter.schema === undefined ? undefined : namedSchemaOf(parameter.schema),
            }))}
          />
        </>
      )}
      {body !== undefined && (
        <>
          <h4>
            Request body <code>{body.mediaType}</code>
            {body.schema !== undefined && refNameOf(body.schema) !== undefined && (
              <>
                {" "}
                (<TypeLabel type={refNameOf(body.schema) ?? ""} schemaName={refNameOf(body.schema)} />)
              </>
            )}
          </h4>
          {body.schema !== undefined && <SchemaFields document={document} schema={body.schema} />}
        </>
      )}
      <h4>Responses</h4>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Meaning</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(operation.responses ?? {}).map(([status, response]) => {
              const content = jsonContentOf(response.content) ?? firstContentOf(response.content);
              return (
                <tr>
                  <td>
                    <code>{status}</code>
                  </td>
                  <td>{withInlineMarkup(response.description ?? "")}</td>
                  <td>
                    {content && (
                      <>
                        <code>{content.mediaType}</code>
                        {content.schema && (
                          <>
                            {" "}
                            <TypeLabel
                              type={describeType(document, content.schema)}
                              schemaName={namedSchemaOf(content.schema)}
                            />
                          </>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {successSchemasOf(document, operation).map(({ status, schema }) => (
        <details>
          <summary>
            Fields of the {status} answer (<code>{describeType(document, schema)}</code>)
          </summary>
          <SchemaFields document={document} schema={schema} />
        </details>
      ))}
      <h4>Example</h4>
      <pre class="mail-text">
        <code>{curlOf(document, entry, serverUrl, isPublic, credential.variable)}</code>
      </pre>
    </article>
  );
}

function SchemaFields(props: { document: SchemaComponents; schema: JsonSchema }) {
  const resolved = resolveSchema(props.document, props.schema);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives !== undefined) {
    return (
      <>
        <p>One of:</p>
        {alternatives.map((alternative) => (
          <SchemaFields document={props.document} schema={alternative} />
        ))}
      </>
    );
  }
  const fields = fieldsOf(props.document, props.schema);
  if (fields.length === 0) {
    return (
      <p>
        <code>{describeType(props.document, props.schema)}</code>
      </p>
    );
  }
  return (
    <FieldTable
      rows={fields.map((field) => ({
        name: field.path,
        type: field.type,
        isRequired: field.isRequired,
        description: field.description,
        schemaName: field.schemaName,
      }))}
    />
  );
}

function FieldTable(props: {
  rows: {
    name: string;
    type: string;
    isRequired: boolean;
    description: string | undefined;
    schemaName: string | undefined;
  }[];
}) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>
                <code>{row.name}</code>
              </td>
              <td>
                <TypeLabel type={row.type} schemaName={row.schemaName} />
              </td>
              <td>{row.isRequired ? "yes" : "no"}</td>
              <td>{withInlineMarkup(row.description ?? "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function entriesOf(paths: Record<string, Partial<Record<Method, Operation>>>): Entry[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      return operation === undefined ? [] : [{ method, path, operation }];
    }),
  );
}

function jsonContentOf(content: MediaTypes | undefined) {
  const mediaType = Object.keys(content ?? {}).find((type) => type.includes("json"));
  return mediaType === undefined ? undefined : { mediaType, schema: content?.[mediaType]?.schema };
}

function firstContentOf(content: MediaTypes | undefined) {
  const mediaType = Object.keys(content ?? {})[0];
  return mediaType === undefined ? undefined : { mediaType, schema: content?.[mediaType]?.schema };
}

function successSchemasOf(document: SchemaComponents, operation: Operation) {
  return Object.entries(operation.responses ?? {}).flatMap(([status, response]) => {
    const schema = jsonContentOf(response.content)?.schema;
    return status.startsWith("2") && schema !== undefined && fieldsOf(document, schema).length > 0
      ? [{ status, schema }]
      : [];
  });
}

/** A curl command line for the operation, with example values for required inputs. */
export function curlOf(
  document: SchemaComponents,
  entry: Entry,
  serverUrl: string,
  isPublic: boolean,
  keyVariable = "ATTENDANT_API_KEY",
): string {
  const parameters = entry.operation.parameters ?? [];
  const exampleValue = (parameter: Parameter) =>
    String(parameter.schema === undefined ? "example" : sampleOf(document, parameter.schema));
  let path = entry.path;
  for (const parameter of parameters.filter((p) => p.in === "path")) {
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(exampleValue(parameter)));
  }
  const query = parameters
    .filter((parameter) => parameter.in === "query" && parameter.required === true)
    .map(
      (parameter) => `${encodeURIComponent(parameter.name)}=${encodeURIComponent(exampleValue(parameter))}`,
    );
  const url = `${serverUrl}${path}${query.length === 0 ? "" : `?${query.join("&")}`}`;
  const lines = [`curl -sS${entry.method === "get" ? "" : ` -X ${entry.method.toUpperCase()}`} '${url}'`];
  if (!isPublic) lines.push(`  -H "Authorization: Bearer $${keyVariable}"`);
  const body = jsonContentOf(entry.operation.requestBody?.content);
  if (body?.schema !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(sampleOf(document, body.schema), null, 2).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

function anchorOf(entry: Entry): string {
  return entry.operation.operationId ?? slug(`${entry.method}-${entry.path}`);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** `code` and **bold** as the document's descriptions use them; everything else stays text. */
function withInlineMarkup(text: string): Child[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/).map((part) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1)
      return <code>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**")) return <strong>{part.slice(2, -2)}</strong>;
    if (part.startsWith("*") && part.endsWith("*") && part.length > 1) return <em>{part.slice(1, -1)}</em>;
    return part;
  });
}
