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

export const createIntegrationBodySchema = z
  .object({ name: nameSchema, allowedOrigins: originsSchema })
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
