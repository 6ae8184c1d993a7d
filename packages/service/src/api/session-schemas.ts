/**
 * Request and response schemas of the sessions API. The same schemas validate requests and,
 * through @hono/zod-openapi, describe them in the OpenAPI document. Limits follow TeamViewer's
 * (docs/teamviewer-api.md §3): description ≤ 4000, end-customer name ≤ 100, e-mail ≤ 254.
 */
import { z } from "@hono/zod-openapi";
import { isSessionCursor } from "../sessions/list-support-sessions.js";
import { e164PhoneNumber } from "../sessions/sms-invitation.js";
import { ticketTitleMaxLength } from "../tickets/ticket-limits.js";

const text = (max: number) => z.string().trim().min(1).max(max);
const email = z.email().max(254);

export const externalIdSchema = text(200).openapi({
  description: "The helpdesk's own ticket id",
  example: "4711",
});

const ticketSchema = z
  .object({
    externalId: externalIdSchema,
    title: text(ticketTitleMaxLength).optional().openapi({
      example: "Outlook does not start",
      description:
        "Required unless a helpdesk is connected: then, when left out, the title, address and requester are read from the helpdesk's ticket `externalId`",
    }),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    requesterName: text(100).optional(),
    requesterEmail: email.optional(),
  })
  .strict()
  .openapi("TicketReference");

const groupSchema = z
  .union([
    z.object({ id: z.string().regex(/^g\d+$/, "a TeamViewer group id such as g40211") }).strict(),
    z.object({ name: text(100) }).strict(),
  ])
  .openapi("GroupReference", {
    description: "An existing group by id, or a group by name (created if missing)",
    example: { name: "Helpdesk" },
  });

export const createSessionBodySchema = z
  .object({
    ticket: ticketSchema,
    description: z.string().max(4000).optional(),
    waitingMessage: z.string().max(4000).optional(),
    validUntil: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "Default: 24 hours from now" }),
    group: groupSchema,
    endCustomer: z
      .object({ name: text(100).optional(), email: email.optional() })
      .strict()
      .optional(),
    supporterUserId: z.uuid().optional().openapi({
      description: "Required for organisation-wide keys: the supporter whose TeamViewer account is used",
    }),
    smsInviteNumber: z
      .string()
      .regex(
        e164PhoneNumber,
        "an international number in E.164 form: + and the country code, e.g. +4915123456789",
      )
      .optional()
      .openapi({
        description:
          "The end customer's mobile number in E.164 form: TeamViewer texts them the link to join. " +
          "TeamViewer picks the SMS language (it documents no mapping for choosing one).",
        example: "+4915123456789",
      }),
  })
  .strict()
  .openapi("CreateSessionRequest");

export const updateSessionBodySchema = z
  .object({
    description: z.string().max(4000).optional(),
    waitingMessage: z.string().max(4000).optional(),
    assignedUserId: z.uuid().optional().openapi({ description: "Hand the session to this colleague" }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .openapi("UpdateSessionRequest");

export const closeTicketBodySchema = z
  .object({ closeOpenSessions: z.boolean().default(false) })
  .strict()
  .openapi("CloseTicketRequest");

export const sessionIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});

export const ticketParamsSchema = z.object({
  externalId: externalIdSchema.openapi({ param: { name: "externalId", in: "path" } }),
});

const filterSchema = {
  state: z.enum(["open", "closed", "expired"]).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: "Created at or after" }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "Created at or before" }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(200).refine(isSessionCursor, "not a cursor from a previous page").optional(),
};

export const ticketSessionsQuerySchema = z.object(filterSchema);

export const listSessionsQuerySchema = z.object({
  ...filterSchema,
  scope: z
    .enum(["mine", "organisation"])
    .optional()
    .openapi({ description: "Default: mine for a key acting for a supporter, organisation otherwise" }),
});

export const sessionSchema = z
  .object({
    id: z.uuid(),
    ticket: z.object({
      externalId: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      status: z.enum(["open", "closed"]),
    }),
    code: z.string().openapi({ example: "s271-604-113" }),
    endCustomerLink: z.string().openapi({
      description:
        "TeamViewer's own link for the end customer; `joinUrl` is Attendant's page that leads to it",
    }),
    joinUrl: z.string().nullable().openapi({
      description:
        "The join page address for the end customer, with the organisation's explanation and the validity. Only in the answer that made it (creating the session, `POST /sessions/{id}/join-address`); null in every other answer, since Attendant keeps only a hash of its token. Each new address replaces the previous one.",
      example: "https://attendant.example/join/4nF0q…",
    }),
    state: z.enum(["open", "closed"]),
    status: z.enum(["waiting", "customer-online", "expired", "closed"]),
    isExpired: z.boolean(),
    isOnline: z.boolean(),
    validUntil: z.string(),
    description: z.string().nullable(),
    waitingMessage: z.string().nullable(),
    group: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    createdByUserId: z.string().nullable(),
    assignedUserId: z.string().nullable(),
    correlationId: z.string(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    lastRefreshedAt: z.string().nullable(),
    version: z.number().int(),
    supporterLinks: z
      .object({ supporterLink: z.string().nullable(), webClientSupporterLink: z.string().nullable() })
      .optional()
      .openapi({ description: "Credentials; only for the assigned supporter and admins" }),
  })
  .openapi("SupportSession");

export const sessionPageSchema = z
  .object({ sessions: z.array(sessionSchema), nextCursor: z.string().optional() })
  .openapi("SupportSessionPage");

export const closedTicketSchema = z
  .object({
    ticket: z.object({
      externalId: z.string(),
      status: z.enum(["open", "closed"]),
      closedAt: z.string().nullable(),
    }),
    closedSessionIds: z.array(z.string()),
    failedSessions: z.array(z.object({ sessionId: z.string(), reason: z.string() })),
  })
  .openapi("ClosedTicket");

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    requestId: z.string(),
    code: z.string().optional(),
    errors: z.array(z.object({ in: z.string(), field: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");
