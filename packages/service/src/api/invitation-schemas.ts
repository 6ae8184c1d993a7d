/**
 * Request and response schemas of a session's e-mail invitations in the REST API: what the
 * session page's invitation form sends and lists. Never a supporter link, a token or the sealed
 * e-mail: only who was invited, in which language, and how delivery went.
 */
import { z } from "@hono/zod-openapi";
import { invitationStatuses } from "../db/schema.js";
import { supportedLocales } from "../i18n/index.js";
import { sessionIdParamsSchema } from "./session-schemas.js";

const localeSchema = z.enum(supportedLocales).openapi("InvitationLocale", {
  description: "The language of the e-mail: English, German or Japanese",
});

const statusSchema = z.enum(invitationStatuses).openapi("InvitationStatus", {
  description:
    "`sent`: the mail server accepted it; `captured`: kept in the demo outbox; `failed`: refused (see `error`); `sending`: another request is delivering it right now",
});

export const sendInvitationBodySchema = z
  .object({
    email: z.email().max(254).openapi({ example: "erika@example.org" }),
    name: z.string().trim().min(1).max(100).optional().openapi({
      description: "The customer's name for the greeting; without it the greeting does without a name",
      example: "Erika Mustermann",
    }),
    locale: localeSchema,
  })
  .strict()
  .openapi("SendInvitationRequest");

export const invitationParamsSchema = sessionIdParamsSchema.extend({
  invitationId: z.uuid().openapi({ param: { name: "invitationId", in: "path" } }),
});

const invitationFields = {
  id: z.uuid(),
  sessionId: z.uuid(),
  recipientEmail: z.string(),
  recipientName: z.string().nullable(),
  locale: localeSchema,
  status: statusSchema,
  error: z.string().nullable().openapi({ description: "Why delivery failed, as the mail server said it" }),
  sentByUserId: z.uuid().nullable().openapi({ description: "Null when an organisation-wide key sent it" }),
  sentAt: z.string().openapi({ description: "When it was sent or last attempted (ISO 8601, UTC)" }),
};

export const invitationSchema = z.object(invitationFields).openapi("Invitation");

// Spelled out rather than extended, so the document lists its fields instead of an `allOf`.
export const sentInvitationSchema = z
  .object({
    ...invitationFields,
    joinUrl: z.string().nullable().openapi({
      description:
        "The join page address the e-mail carries, now the session's only valid one; null when this request was answered before (Attendant keeps only a hash of the token)",
    }),
  })
  .openapi("SentInvitation");

export const invitationListSchema = z
  .object({ invitations: z.array(invitationSchema).openapi({ description: "Newest first" }) })
  .openapi("InvitationList");
