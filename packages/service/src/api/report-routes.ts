/**
 * `/api/v1/reports/connections…` and `/api/v1/tickets/{externalId}/connections` (issue 6): the
 * organisation's connection reports, one report, write-back of notes and billing state, manual
 * attachment to a ticket, streamed exports, and a ticket's connection history. What a key sees
 * follows its role (report-access.ts): organisation-wide keys and admins everything, a key
 * acting for a supporter that supporter's own connections, auditors everything read-only.
 */
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { problemResponse } from "../http/problem.js";
import {
  type ConnectionReportError,
  connectionReportErrorStatus,
} from "../reports/connection-report-error.js";
import { exportConnectionReports, toDownloadResponse } from "../reports/export-connection-reports.js";
import {
  getConnectionReport,
  listConnectionReports,
  listTicketConnections,
  type ReportQuery,
} from "../reports/list-connection-reports.js";
import { toReportJson } from "../reports/report-json.js";
import type { ReportSyncDeps } from "../reports/report-sync-deps.js";
import { attachReportToTicket } from "../reports/unmatched-reports.js";
import { updateConnectionReport } from "../reports/update-connection-report.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import {
  attachReportBodySchema,
  connectionReportSchema,
  endOfFilter,
  exportReportsQuerySchema,
  listReportsQuerySchema,
  reportIdParamsSchema,
  reportPageSchema,
  startOfFilter,
  ticketConnectionsSchema,
  updateReportBodySchema,
} from "./report-schemas.js";
import { problemResponses } from "./route-helpers.js";
import { ticketParamsSchema } from "./session-schemas.js";

type ReportFilterInput = Omit<z.infer<typeof listReportsQuerySchema>, "limit" | "cursor">;

const reportResponse = (description: string) => ({
  200: { content: { "application/json": { schema: connectionReportSchema } }, description },
  ...problemResponses,
});

export function registerReportRoutes(api: OpenAPIHono<ApiEnv>, deps: ReportSyncDeps): void {
  // Before `/reports/connections/{id}`, which would otherwise take "export" for an id.
  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/connections/export",
      summary: "Export connection reports as CSV or JSON Lines (streamed)",
      middleware: [requireScope("reports:read")] as const,
      request: { query: exportReportsQuerySchema },
      responses: {
        200: {
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/jsonl": { schema: { type: "string" } },
          },
          description: "Every matching report, newest first, as an attachment",
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid("query");
      const query = toReportQuery(input);
      const download = await exportConnectionReports(deps, {
        actor: c.get("apiPrincipal").actor,
        query,
        format: input.format,
      });
      return toDownloadResponse(download);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/connections",
      summary: "List connection reports, newest first",
      middleware: [requireScope("reports:read")] as const,
      request: { query: listReportsQuerySchema },
      responses: {
        200: { content: { "application/json": { schema: reportPageSchema } }, description: "One page" },
        ...problemResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid("query");
      const query = toReportQuery(input);
      const page = await listConnectionReports(deps, {
        actor: c.get("apiPrincipal").actor,
        query,
        paging: { limit: input.limit ?? 50, cursor: input.cursor },
      });
      return c.json({ reports: page.reports.map(toReportJson), nextCursor: page.nextCursor ?? null }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/connections/{id}",
      summary: "One connection report",
      middleware: [requireScope("reports:read")] as const,
      request: { params: reportIdParamsSchema },
      responses: reportResponse("The report"),
    }),
    async (c) => {
      const report = await getConnectionReport(deps, {
        actor: c.get("apiPrincipal").actor,
        reportId: c.req.valid("param").id,
      });
      return c.json(toReportJson(report), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/reports/connections/{id}",
      summary: "Change notes and/or billing state (sent to TeamViewer first)",
      description:
        "The local copy changes only when TeamViewer accepted the change. A refusal (4xx problem) changed nothing. 503 `write-back-unconfirmed`: TeamViewer did not confirm, so the change may or may not be saved there; the report shows `writeBackPending` until TeamViewer's values are read back (next sync, or before the next change). 409 `write-back-pending`: another change to this report is being saved right now.",
      middleware: [requireScope("reports:write")] as const,
      request: {
        params: reportIdParamsSchema,
        body: { content: { "application/json": { schema: updateReportBodySchema } }, required: true },
      },
      responses: reportResponse("The changed report"),
    }),
    async (c) => {
      const actor = c.get("apiPrincipal").actor;
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      await updateConnectionReport(deps, {
        actor,
        reportId: id,
        ...(body.notes === undefined ? {} : { notes: body.notes }),
        ...(body.billingState === undefined ? {} : { billingState: body.billingState }),
      });
      return c.json(toReportJson(await getConnectionReport(deps, { actor, reportId: id })), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/reports/connections/{id}/attach",
      summary: "Attach a report to a ticket by hand",
      middleware: [requireScope("reports:write")] as const,
      request: {
        params: reportIdParamsSchema,
        body: { content: { "application/json": { schema: attachReportBodySchema } }, required: true },
      },
      responses: reportResponse("The attached report"),
    }),
    async (c) => {
      const actor = c.get("apiPrincipal").actor;
      const { id } = c.req.valid("param");
      await attachReportToTicket(deps, { actor, reportId: id, ticketExternalId: c.req.valid("json").ticket });
      return c.json(toReportJson(await getConnectionReport(deps, { actor, reportId: id })), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/tickets/{externalId}/connections",
      summary: "A ticket's connection history, newest first",
      middleware: [requireScope("reports:read")] as const,
      request: { params: ticketParamsSchema },
      responses: {
        200: {
          content: { "application/json": { schema: ticketConnectionsSchema } },
          description: "Every connection on the ticket the key may see",
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const reports = await listTicketConnections(deps, {
        actor: c.get("apiPrincipal").actor,
        ticketExternalId: c.req.valid("param").externalId,
      });
      return c.json({ reports: reports.map(toReportJson) }, 200);
    },
  );
}

/** The API's filter names as the use case's query; dates become instants. */
function toReportQuery(input: ReportFilterInput): ReportQuery {
  return {
    supporterUserId: input.supporter,
    group: input.group,
    from: input.from === undefined ? undefined : startOfFilter(input.from),
    to: input.to === undefined ? undefined : endOfFilter(input.to),
    ticketExternalId: input.ticket,
    billingState: input.billingState,
    isMatched: input.matched === undefined ? undefined : input.matched === "true",
  };
}

/**
 * A ConnectionReportError as problem+json with its status, `code` and translated detail (the
 * API's `onError` calls this, as it does for session errors).
 */
export function connectionReportErrorResponse(c: Context<ApiEnv>, error: ConnectionReportError): Response {
  if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
  return problemResponse(c, connectionReportErrorStatus[error.reason], {
    detail: c.get("t").t(error.messageKey),
    extensions: {
      code: error.reason,
      messageKey: error.messageKey,
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    },
  });
}
