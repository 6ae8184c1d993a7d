/**
 * Request and response schemas of the embedding API (issue 23): the integrations admins register,
 * and the server-to-server mint. The ticket's limits are those of a ticket created through the
 * sessions API (src/api/session-schemas.ts), so an assertion the mint signs is never refused.
 */
import { z } from "@hono/zod-openapi";
import { externalIdSchema } from "../../api/session-schemas.js";
import { embeddingIntegrationKinds } from "../../db/schema.js";
import { ticketTitleMaxLength } from "../../tickets/ticket-limits.js";
import { maxAllowedOrigins } from "../allowed-origins.js";
import { maxIntegrationNameLength } from "../manage-embedding-integrations.js";

const iso = z.iso.datetime();

const nameSchema = z.string().max(maxIntegrationNameLength).openapi({ example: "Request Tracker" });

const originsSchema = z
  .array(z.string().max(300))
  .max(maxAllowedOrigins)
  .openapi({
    description:
      "The exact origins allowed to frame the widget: `https://host[:port]`, or plain http on loopback; no path",
    example: ["https://rt.example.com"],
  });

const agentsSchema = z.record(z.string().max(200), z.string().max(254)).openapi({
  description:
    "The platform's user id → the Attendant user's e-mail. The platform signs its user id, never an e-mail, so the widget opens only for the users mapped here",
  example: { "98765": "agent@example.com" },
});

const zendeskConfigSchema = z
  .object({
    accountUrl: z.string().max(300).openapi({ example: "https://acme.zendesk.com" }),
    installationId: z
      .string()
      .max(20)
      .openapi({ description: "The app's installation in the account", example: "360001" }),
    publicKeyPem: z.string().max(65_536).openapi({
      description: "The app's public key, PEM as `GET /api/v2/apps/{app_id}/public_key.pem` gives it",
    }),
    agents: agentsSchema,
  })
  .strict()
  .openapi("ZendeskEmbeddingConfig", {
    description: "Only for kind `zendesk`: Zendesk's signed URLs are checked against this",
  });

const forgeConfigSchema = z
  .object({
    appId: z
      .string()
      .max(200)
      .openapi({ example: "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d" }),
    installationId: z.string().max(200).openapi({
      example: "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a",
    }),
    siteUrl: z.string().max(300).openapi({ example: "https://acme.atlassian.net" }),
    jwks: z.looseObject({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi({
      description: "Atlassian's published Forge keys (a JSON Web Key Set), never fetched by Attendant",
    }),
    agents: agentsSchema,
  })
  .strict()
  .openapi("ForgeEmbeddingConfig", {
    description: "Only for kind `forge`: Forge Invocation Tokens are checked against this",
  });

export type ZendeskConfigBody = z.infer<typeof zendeskConfigSchema>;
export type ForgeConfigBody = z.infer<typeof forgeConfigSchema>;

export const createIntegrationBodySchema = z
  .object({
    name: nameSchema,
    allowedOrigins: originsSchema,
    kind: z.enum(embeddingIntegrationKinds).default("hmac").openapi({
      description:
        "`hmac` (the default): the host signs with a secret Attendant generates. `zendesk`, `forge`: the platform signs; give its configuration, no secret is generated",
    }),
    zendesk: zendeskConfigSchema.optional(),
    forge: forgeConfigSchema.optional(),
  })
  .strict()
  .openapi("CreateEmbeddingIntegrationRequest");

export const updateIntegrationBodySchema = z
  .object({
    name: nameSchema.optional(),
    allowedOrigins: originsSchema.optional(),
    enabled: z
      .boolean()
      .optional()
      .openapi({ description: "false disables the integration and ends its widgets" }),
    zendesk: zendeskConfigSchema.optional().openapi({ description: "Replaces the whole configuration" }),
    forge: forgeConfigSchema.optional().openapi({ description: "Replaces the whole configuration" }),
  })
  .strict()
  .openapi("UpdateEmbeddingIntegrationRequest");

export const integrationParamsSchema = z.object({
  integrationId: z.uuid().openapi({ param: { name: "integrationId", in: "path" } }),
});

export const integrationSchema = z
  .object({
    id: z.uuid().openapi({ description: "The `iss` of every assertion signed for this integration" }),
    name: z.string(),
    kind: z.enum(embeddingIntegrationKinds),
    allowedOrigins: z.array(z.string()),
    zendesk: zendeskConfigSchema.optional(),
    forge: forgeConfigSchema.optional(),
    enabled: z.boolean(),
    disabledAt: iso.nullable(),
    createdAt: iso,
    updatedAt: iso,
  })
  .openapi("EmbeddingIntegration");

export const integrationListSchema = z
  .object({ integrations: z.array(integrationSchema) })
  .openapi("EmbeddingIntegrationList");

export const integrationWithSecretSchema = z
  .object({
    integration: integrationSchema,
    secret: z.string().openapi({
      description:
        "Shown once. 32 random bytes as base64url; the HMAC-SHA256 key is this text's UTF-8 bytes exactly as shown",
    }),
  })
  .openapi("EmbeddingIntegrationWithSecret");

export const registeredIntegrationSchema = z
  .object({
    integration: integrationSchema,
    secret: z.string().optional().openapi({
      description:
        "Kind `hmac` only, shown once: 32 random bytes as base64url; the HMAC-SHA256 key is this text's UTF-8 bytes exactly as shown",
    }),
  })
  .openapi("RegisteredEmbeddingIntegration");

const text = (max: number) => z.string().trim().min(1).max(max);

export const mintBodySchema = z
  .object({
    integrationId: z.uuid(),
    agentEmail: z.email().max(254).openapi({ description: "An enabled Attendant user of the organisation" }),
    ticket: z
      .object({
        externalId: externalIdSchema,
        title: text(ticketTitleMaxLength),
        url: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
        requesterName: text(100).optional(),
        requesterEmail: z.email().max(254).optional(),
      })
      .strict()
      .openapi("EmbedTicket"),
    theme: z.enum(["light", "dark"]).optional(),
    lang: z.enum(["en", "de", "ja"]).optional(),
  })
  .strict()
  .openapi("MintEmbedAssertionRequest");

export const mintedSchema = z
  .object({
    widgetUrl: z
      .url()
      .openapi({ description: "Open it in the helpdesk's iframe; it works once, until `expiresAt`" }),
    expiresAt: iso,
  })
  .openapi("MintedEmbedAssertion");
