/**
 * Request and response schemas of the connection reports API (issue 6). Wire names are
 * camelCase, like the sessions API; the same schemas validate requests and describe them in the OpenAPI document.
 */
import { z } from "@hono/zod-openapi";
import { isReportCursor } from "../reports/report-cursor.js";
import { exportFormats } from "../reports/report-export-format.js";
import { billingStates } from "../reports/update-connection-report.js";
import { externalIdSchema } from "./session-schemas.js";

/** `2026-03-02` (a whole UTC day) or an ISO date-time with offset. */
const dateOrDateTime = (description: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "an ISO date (2026-03-02) or date-time with offset (2026-03-02T09:00:00Z)",
    })
    .optional()
    .openapi({ description, example: "2026-03-02" });

export const reportFilterSchema = {
  supporter: z.uuid().optional().openapi({ description: "A supporter's user id: their connections" }),
  group: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "A TeamViewer group id (g123) or a group's exact name" }),
  from: dateOrDateTime("Connections that started at or after this (a date: from 00:00 UTC)"),
  to: dateOrDateTime("Connections that started at or before this (a date: until its end, UTC)"),
  ticket: externalIdSchema.optional().openapi({ description: "The ticket's helpdesk id" }),
  billingState: z.enum(billingStates).optional(),
  matched: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: attached to a ticket; false: the unmatched ones" }),
};

const isDateOnly = (value: string) => /^\d{4}-\d\d-\d\d$/.test(value);
/** The first instant a `from` value means: 00:00 UTC for a date alone. */
export const startOfFilter = (value: string) =>
  new Date(isDateOnly(value) ? `${value}T00:00:00.000Z` : value);
/** The last instant a `to` value means: the end of the UTC day for a date alone. */
export const endOfFilter = (value: string) => new Date(isDateOnly(value) ? `${value}T23:59:59.999Z` : value);

const rangeIsOrdered = (query: { from?: string | undefined; to?: string | undefined }) =>
  query.from === undefined || query.to === undefined || startOfFilter(query.from) <= endOfFilter(query.to);
const rangeError = { message: "must not be before from", path: ["to"] };

export const listReportsQuerySchema = z
  .object({
    ...reportFilterSchema,
    limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: "Default 50" }),
    cursor: z
      .string()
      .max(200)
      .refine(isReportCursor, "not a cursor from a previous page")
      .optional()
      .openapi({ description: "`nextCursor` of the previous page" }),
  })
  // Strict: a misspelt filter (or the old snake_case `billing_state`) must not silently list or
  // export every report.
  .strict()
  .refine(rangeIsOrdered, rangeError);

export const exportReportsQuerySchema = z
  .object({
    ...reportFilterSchema,
    format: z.enum(exportFormats).openapi({ description: "csv (UTF-8 with BOM, RFC 4180) or jsonl" }),
  })
  .strict()
  .refine(rangeIsOrdered, rangeError);

export const reportIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});

export const updateReportBodySchema = z
  .object({
    notes: z.string().max(4000).optional(),
    billingState: z.enum(billingStates).optional(),
  })
  .strict()
  .refine((body) => body.notes !== undefined || body.billingState !== undefined, {
    message: "give notes and/or billingState",
  })
  .openapi("UpdateConnectionReportRequest");

export const attachReportBodySchema = z
  .object({ ticket: externalIdSchema })
  .strict()
  .openapi("AttachConnectionReportRequest");

const nullableString = z.string().nullable();

/** One kind of what a connection left behind: `pending` until fetched, then for good. */
const connectionExtraSchema = <T extends z.ZodType>(content: T) =>
  z.object({
    state: z.enum(["pending", "available", "not_available"]).openapi({
      description: "not_available: TeamViewer has none for this connection, or the licence lacks them",
    }),
    content: content.nullable(),
  });

const connectionExtrasSchema = z
  .object({
    chatTranscript: connectionExtraSchema(
      z.array(
        z.object({
          sender: nullableString,
          isFromSupporter: z.boolean().nullable(),
          writtenAt: nullableString,
          content: z.string(),
        }),
      ),
    ),
    aiSummary: connectionExtraSchema(
      z.object({
        summary: nullableString,
        title: nullableString,
        issueTypes: z.array(z.string()),
        applications: z.array(z.string()),
        steps: z.array(
          z.object({ application: nullableString, action: nullableString, commands: z.array(z.string()) }),
        ),
      }),
    ),
    augmentedSessionSummary: connectionExtraSchema(
      z.object({ summary: nullableString, title: nullableString }),
    ),
    screenshots: connectionExtraSchema(
      z.array(
        z.object({
          screenshotId: z.string(),
          fileName: nullableString,
          mimeType: nullableString,
          takenAt: nullableString,
        }),
      ),
    ),
  })
  .openapi("ConnectionExtras", {
    description:
      "What the connection left behind at TeamViewer (chat, summaries, screenshots), fetched once for reports on a ticket",
  });

export const connectionReportSchema = z
  .object({
    id: z.uuid(),
    teamViewerReportId: z.string(),
    ticket: z.object({ externalId: z.string(), title: z.string() }).nullable(),
    supporter: z.object({ teamViewerUserId: nullableString, name: nullableString }),
    device: z.object({ id: nullableString, name: nullableString }),
    group: z.object({ id: nullableString, name: nullableString }),
    supportSessionType: z.number().int().nullable(),
    startDate: nullableString,
    endDate: nullableString,
    durationSeconds: z.number().int().nullable(),
    billableMinutes: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The duration under the organisation's billing rules" }),
    billingState: nullableString,
    fee: z.number().nullable(),
    currency: nullableString,
    notes: nullableString,
    sessionCode: nullableString,
    endCustomer: z.object({ name: nullableString, email: nullableString }),
    feedback: z.object({ rating: z.number().int().nullable(), comment: nullableString }),
    sessionNote: nullableString.openapi({
      description:
        "The supporter's own comment written at the end of the session (TeamViewer's session_note)",
    }),
    extras: connectionExtrasSchema,
    match: z.object({
      supportSessionId: nullableString,
      ticketId: nullableString,
      by: z.enum(["custom_api", "session_code", "manual"]).nullable(),
      at: nullableString,
    }),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    writeBackPending: z
      .object({
        since: z.string(),
        notes: nullableString.openapi({ description: "The notes being saved; null when not changed" }),
        billingState: nullableString.openapi({
          description: "The billing state being saved; null when not changed",
        }),
      })
      .nullable()
      .openapi({
        description:
          "A change being saved to TeamViewer, or one whose outcome TeamViewer did not confirm; notes and billingState are the last confirmed values until it settles (at the next sync, or before the next change)",
      }),
  })
  .openapi("ConnectionReport");

export const reportPageSchema = z
  .object({
    reports: z.array(connectionReportSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page" }),
  })
  .openapi("ConnectionReportPage");

export const ticketConnectionsSchema = z
  .object({ reports: z.array(connectionReportSchema) })
  .openapi("TicketConnectionHistory");
