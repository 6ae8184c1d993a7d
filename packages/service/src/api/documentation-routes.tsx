/**
 * `GET /api/v1/openapi.json` and `GET /api/v1/reference` (and the same two below
 * `/api/operator/v1`): the API's description, open to anyone
 * (it holds no data), registered before the API-key middleware. Both are operations of the
 * document themselves, so the test that every route is documented holds for them too.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../http/app-deps.js";
import { ApiReferencePage } from "./api-reference-page.js";
import { buildOpenApiDocument, type DocumentOptions, type OpenApiDocument } from "./openapi-document.js";

export function registerDocumentationRoutes<E extends AppEnv>(
  api: OpenAPIHono<E>,
  options: DocumentOptions,
): void {
  // Built on first use, when every route of the app has been registered.
  let document: OpenApiDocument | undefined;
  const documentOf = () => {
    document ??= buildOpenApiDocument(api, options);
    return document;
  };
  const documentPath = `${options.basePath}/openapi.json`;

  api.openapi(
    createRoute({
      method: "get",
      path: "/openapi.json",
      summary: "This API's OpenAPI 3.1 document",
      security: [],
      responses: {
        200: {
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
          description: "The OpenAPI document",
        },
      },
    }),
    (c) => {
      c.header("Cache-Control", "no-cache");
      return c.json(documentOf() as unknown as Record<string, unknown>, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reference",
      summary: "This API's reference page, for people",
      security: [],
      responses: {
        200: { content: { "text/html": { schema: z.string() } }, description: "The reference page" },
      },
    }),
    (c) =>
      c.render(<ApiReferencePage document={documentOf()} documentPath={documentPath} />, {
        title: options.about === undefined ? "API reference" : `${options.about.title} reference`,
      }) as Response,
  );
}
