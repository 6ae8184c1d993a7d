/**
 * `/api/v1/embedding-integrations/…` (issue 23): the helpdesks that may show the ticket widget,
 * for admins' keys (`embedding:read` to look, auditors too; `embedding:write` to change), and
 * `POST /api/v1/embed/assertions`, the server-to-server mint (`embedding:mint`).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { requireScope } from "../../api/api-auth.js";
import type { ApiEnv } from "../../api/api-env.js";
import { problemResponses } from "../../api/route-helpers.js";
import { problemResponse } from "../../http/problem.js";
import type { OriginProblem } from "../allowed-origins.js";
import type { EmbeddingError, EmbeddingErrorReason, EmbeddingInputProblem } from "../embedding-error.js";
import type { EmbeddingIntegrationRecord } from "../manage-embedding-integrations.js";
import {
  deleteIntegration,
  type EmbeddingDeps,
  getIntegration,
  listIntegrations,
  registerIntegration,
  registerPlatformIntegration,
  rotateIntegrationSecret,
  updateIntegration,
} from "../manage-embedding-integrations.js";
import { mintAssertion } from "../mint-assertion.js";
import { agentsAsText, type PlatformConfigProblem } from "../platform/platform-trust-input.js";
import { forgeConfigOf, zendeskConfigOf } from "../platform/stored-platform-config.js";
import {
  createIntegrationBodySchema,
  type ForgeConfigBody,
  integrationListSchema,
  integrationParamsSchema,
  integrationSchema,
  integrationWithSecretSchema,
  mintBodySchema,
  mintedSchema,
  registeredIntegrationSchema,
  updateIntegrationBodySchema,
  type ZendeskConfigBody,
} from "./embedding-schemas.js";

const json = <S>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const embeddingProblemResponses = {
  400: problemResponses[400],
  401: problemResponses[401],
  403: problemResponses[403],
  404: { ...problemResponses[404], description: "No such embedding integration" },
  429: problemResponses[429],
} as const;

const errorStatus: Record<EmbeddingErrorReason, ContentfulStatusCode> = {
  forbidden: 403,
  "integration-not-found": 404,
  "integration-disabled": 409,
  "unknown-agent": 422,
  "platform-signed": 409,
  "invalid-input": 400,
};

const errorDetail: Record<Exclude<EmbeddingErrorReason, "invalid-input">, string> = {
  forbidden:
    "Your role does not allow this: admins manage embedding integrations (auditors may look); a key acting for a supporter mints only for that supporter.",
  "integration-not-found": "There is no such embedding integration in your organisation.",
  "integration-disabled": "The embedding integration is disabled; enable it before minting.",
  "unknown-agent":
    "agentEmail is not an enabled Attendant user of your organisation. Add the user, or enable them.",
  "platform-signed":
    "This is a Zendesk or Forge integration: the platform signs with its own keys, so there is no secret to rotate or mint with. Change its keys with PATCH instead.",
};

const originMessages: Record<OriginProblem, string> = {
  "origins-missing": "must list at least one origin",
  "too-many-origins": "lists too many origins",
  "origin-not-a-url": "is not an origin such as https://rt.example.com",
  "origin-not-https": "must use https (plain http only on loopback)",
  "origin-has-path": "must be an origin only, without a path, query or trailing slash",
  "origin-has-credentials": "must not contain a user name or password",
};

const platformConfigMessages: Record<PlatformConfigProblem, string> = {
  "url-invalid": "is not an https address without a path, such as https://acme.zendesk.com",
  "installation-id-invalid":
    "is not an installation id: Zendesk's is a number (GET /api/v2/apps/installations.json), Forge's is ari:cloud:ecosystem::installation/<uuid> (forge install list)",
  "app-id-invalid": "is not a Forge app id such as ari:cloud:ecosystem::app/<uuid> (from the app's manifest)",
  "public-key-invalid":
    "is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----): paste the app's key from GET /api/v2/apps/<app id>/public_key.pem as it is",
  "jwks-not-json": "is not JSON: paste the JSON Web Key Set as Atlassian publishes it",
  "jwks-without-keys": 'has no keys: a JSON Web Key Set is {"keys": [ … ]} with at least one key',
  "jwks-key-invalid": "is not an RSA public key (key number given first)",
  "jwks-private-key": "is a private key (key number given first): paste only Atlassian's public keys",
  "agents-line-invalid":
    "is not `platform user id = e-mail` (Zendesk user ids are numbers, Atlassian account ids have no spaces)",
  "agents-duplicate-id": "is mapped twice: map each platform user once",
  "too-long": "is too long",
};

const problemMessages: Record<EmbeddingInputProblem, string> = {
  ...originMessages,
  ...platformConfigMessages,
  "config-missing": "must be given for an integration of this kind",
  "config-of-other-kind":
    "belongs to another kind of integration: send only the configuration of the integration's kind",
  "name-missing": "must not be empty",
  "name-too-long": "is too long",
};

/** An EmbeddingError as problem+json; the API's error handler calls it (see api/create-api-routes.ts). */
export function embeddingErrorResponse(c: Context<ApiEnv>, error: EmbeddingError): Response {
  if (error.reason !== "invalid-input") {
    return problemResponse(c, errorStatus[error.reason], {
      detail: errorDetail[error.reason],
      extensions: { code: error.reason },
    });
  }
  const errors = error.problems.map((entry) => ({
    in: "body",
    field: entry.field,
    message:
      entry.value === undefined
        ? problemMessages[entry.problem]
        : `${entry.value} ${problemMessages[entry.problem]}`,
  }));
  return problemResponse(c, 400, {
    detail: `The request has invalid values: ${[...new Set(errors.map((entry) => entry.field))].join(", ")}.`,
    extensions: { code: "invalid-request", errors },
  });
}

/** The API sends the agents as a map and the keys as JSON; the pages' text is what gets checked. */
function configInput(body: { zendesk?: ZendeskConfigBody | undefined; forge?: ForgeConfigBody | undefined }) {
  const { zendesk, forge } = body;
  return {
    ...(zendesk === undefined ? {} : { zendesk: { ...zendesk, agents: agentsAsText(zendesk.agents) } }),
    ...(forge === undefined
      ? {}
      : { forge: { ...forge, jwks: JSON.stringify(forge.jwks), agents: agentsAsText(forge.agents) } }),
  };
}

function toIntegrationJson(integration: EmbeddingIntegrationRecord) {
  const zendesk = zendeskConfigOf(integration);
  const forge = forgeConfigOf(integration);
  return {
    id: integration.id,
    name: integration.name,
    kind: integration.kind,
    allowedOrigins: integration.allowedOrigins,
    ...(zendesk === undefined ? {} : { zendesk }),
    // The key set came from JSON and is stored as jsonb; jose's JWK type just does not say so.
    ...(forge === undefined ? {} : { forge: { ...forge, jwks: forge.jwks as ForgeConfigBody["jwks"] } }),
    enabled: integration.disabledAt === null,
    disabledAt: integration.disabledAt?.toISOString() ?? null,
    createdAt: integration.createdAt.toISOString(),
    updatedAt: integration.updatedAt.toISOString(),
  };
}

export function registerEmbeddingRoutes(
  api: OpenAPIHono<ApiEnv>,
  deps: EmbeddingDeps & { publicUrl: string },
): void {
  const actorOf = (c: Context<ApiEnv>) => c.get("apiPrincipal").actor;
  const tags = ["Embedding"];

  api.openapi(
    createRoute({
      method: "get",
      path: "/embedding-integrations",
      summary: "List the helpdesks registered for the ticket widget",
      tags,
      middleware: [requireScope("embedding:read")] as const,
      responses: {
        200: json(integrationListSchema, "Every integration of the organisation"),
        ...embeddingProblemResponses,
      },
    }),
    async (c) => {
      const integrations = await listIntegrations(deps, actorOf(c));
      return c.json({ integrations: integrations.map(toIntegrationJson) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/embedding-integrations",
      summary:
        "Register a helpdesk for the ticket widget; for kind hmac the answer carries its signing secret, once",
      tags,
      middleware: [requireScope("embedding:write")] as const,
      request: {
        body: { content: { "application/json": { schema: createIntegrationBodySchema } }, required: true },
      },
      responses: { 201: json(registeredIntegrationSchema, "Registered"), ...embeddingProblemResponses },
    }),
    async (c) => {
      const { kind, name, allowedOrigins, ...configs } = c.req.valid("json");
      const input = { name, allowedOrigins, ...configInput(configs) };
      if (kind !== "hmac") {
        const created = await registerPlatformIntegration(deps, { actor: actorOf(c), kind, input });
        return c.json({ integration: toIntegrationJson(created) }, 201);
      }
      const created = await registerIntegration(deps, { actor: actorOf(c), input });
      return c.json({ integration: toIntegrationJson(created.integration), secret: created.secret }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/embedding-integrations/{integrationId}",
      summary: "Retrieve an embedding integration",
      tags,
      middleware: [requireScope("embedding:read")] as const,
      request: { params: integrationParamsSchema },
      responses: { 200: json(integrationSchema, "The integration"), ...embeddingProblemResponses },
    }),
    async (c) => {
      const integration = await getIntegration(deps, {
        actor: actorOf(c),
        integrationId: c.req.valid("param").integrationId,
      });
      return c.json(toIntegrationJson(integration), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/embedding-integrations/{integrationId}",
      summary:
        "Rename an integration, change its allowed origins or its Zendesk/Forge configuration, or disable/enable it",
      tags,
      middleware: [requireScope("embedding:write")] as const,
      request: {
        params: integrationParamsSchema,
        body: { content: { "application/json": { schema: updateIntegrationBodySchema } }, required: true },
      },
      responses: { 200: json(integrationSchema, "The changed integration"), ...embeddingProblemResponses },
    }),
    async (c) => {
      const { enabled, ...input } = c.req.valid("json");
      const integration = await updateIntegration(deps, {
        actor: actorOf(c),
        integrationId: c.req.valid("param").integrationId,
        input: {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.allowedOrigins === undefined ? {} : { allowedOrigins: input.allowedOrigins }),
          ...configInput(input),
          ...(enabled === undefined ? {} : { isEnabled: enabled }),
        },
      });
      return c.json(toIntegrationJson(integration), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/embedding-integrations/{integrationId}",
      summary: "Delete an integration; every widget it opened ends at once",
      tags,
      middleware: [requireScope("embedding:write")] as const,
      request: { params: integrationParamsSchema },
      responses: { 204: { description: "Deleted" }, ...embeddingProblemResponses },
    }),
    async (c) => {
      await deleteIntegration(deps, { actor: actorOf(c), integrationId: c.req.valid("param").integrationId });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/embedding-integrations/{integrationId}/rotate-secret",
      summary:
        "Replace the signing secret at once; assertions signed with the old one are refused from now on",
      tags,
      middleware: [requireScope("embedding:write")] as const,
      request: { params: integrationParamsSchema },
      responses: {
        200: json(integrationWithSecretSchema, "The new secret, shown once"),
        ...embeddingProblemResponses,
      },
    }),
    async (c) => {
      const rotated = await rotateIntegrationSecret(deps, {
        actor: actorOf(c),
        integrationId: c.req.valid("param").integrationId,
      });
      return c.json({ integration: toIntegrationJson(rotated.integration), secret: rotated.secret }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/embed/assertions",
      summary:
        "Sign a one-time ticket widget address for an agent, for helpdesks that cannot sign themselves",
      tags,
      middleware: [requireScope("embedding:mint")] as const,
      request: { body: { content: { "application/json": { schema: mintBodySchema } }, required: true } },
      responses: {
        201: json(mintedSchema, "The address to open in the helpdesk's iframe"),
        ...embeddingProblemResponses,
        409: { ...problemResponses[409], description: "The integration is disabled" },
        422: {
          ...problemResponses[422],
          description: "agentEmail is not an enabled user of the organisation",
        },
      },
    }),
    async (c) => {
      const minted = await mintAssertion(deps, { actor: actorOf(c), request: c.req.valid("json") });
      return c.json({ widgetUrl: minted.widgetUrl, expiresAt: minted.expiresAt.toISOString() }, 201);
    },
  );
}
