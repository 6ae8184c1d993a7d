import type { Hono } from "hono";
import { authorize, type Principal } from "../http/principal.js";
import {
  BILLING_STATES,
  type BillingState,
  type ConnectionReport,
  presentReport,
  type ReportEdit,
  SUPPORT_SESSION_TYPE_NAMES,
  type SupportSessionTypeNumber,
} from "../reports/connection-report.js";
import { writeReportPage } from "../reports/report-page-json.js";
import { NO_GROUP, type ReportQuery } from "../reports/report-query.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { badRequest, jsonBytesResponse, jsonResponse, notFound } from "../wire/errors.js";
import {
  DEVICE_ID,
  GROUP_ID,
  optionalString,
  parseBooleanParam,
  parseDateParam,
  readJsonObject,
  requireMatch,
  SESSION_CODE,
  USER_ID,
  UUID,
} from "../wire/params.js";

const EDITABLE_FIELDS = new Set(["notes", "billing_state"]);

/** Connection reports (docs/teamviewer-api.md §4). */
export function registerReportRoutes(app: Hono, state: SimulatorState): void {
  app.get("/api/v1/reports/connections", (c) => {
    const principal = authorize(state, c.req.raw, "connection_reporting");
    const params = c.req.query();
    const query = parseReportQuery(params, principal);
    const offsetId =
      params.offset_id === undefined ? undefined : requireMatch("offset_id", params.offset_id, UUID);
    const empty = { rows: [], remaining: 0, nextOffset: undefined };
    // A user token sees only its user's connections (docs/teamviewer-api.md §4).
    const isOtherUser = !principal.seesWholeCompany && query.userid !== principal.userid;
    const page = isOtherUser ? empty : state.reports.page(query, offsetId, state.settings.reportPageSize);
    if (!page) throw badRequest("Parameter offset_id names no connection report.");
    return jsonBytesResponse(writeReportPage(page, state.reports.batch, state.settings.quirks.absentFields));
  });

  app.get("/api/v1/reports/connections/:id", (c) => {
    const principal = authorize(state, c.req.raw, "connection_reporting");
    const record = findReport(state, principal, c.req.param("id"));
    return jsonResponse(presentReport(record, state.settings.quirks.absentFields));
  });

  app.put("/api/v1/reports/connections/:id", async (c) => {
    const principal = authorize(state, c.req.raw, "connection_reporting");
    const record = findReport(state, principal, c.req.param("id"));
    const edit = parseReportEdit(await readJsonObject(c.req.raw));
    state.reports.edit(record.id, principal.companyId, edit);
    return new Response(null, { status: 204 });
  });

  app.delete("/api/v1/reports/connections/:id", (c) => {
    const principal = authorize(state, c.req.raw, "connection_reporting");
    const record = findReport(state, principal, c.req.param("id"));
    state.reports.delete(record.id, principal.companyId);
    const status = state.settings.quirks.reportDeleteStatus;
    return status === 200 ? jsonResponse({}) : new Response(null, { status });
  });
}

export function findReport(state: SimulatorState, principal: Principal, id: string): ConnectionReport {
  const record = UUID.test(id) ? state.reports.find(id, principal.companyId) : undefined;
  if (!record || (!principal.seesWholeCompany && record.userid !== principal.userid)) {
    throw notFound(`Connection report ${id} was not found.`);
  }
  return record;
}

/** Every filter of docs/teamviewer-api.md §4, validated. A user token is pinned to its own user. */
function parseReportQuery(params: Record<string, string>, principal: Principal): ReportQuery {
  const query: ReportQuery = { companyId: principal.companyId };
  if (params.userid !== undefined) query.userid = requireMatch("userid", params.userid, USER_ID);
  else if (!principal.seesWholeCompany) query.userid = principal.userid;
  if (params.username !== undefined) query.username = params.username;
  if (params.groupid !== undefined && params.groupid !== NO_GROUP)
    requireMatch("groupid", params.groupid, GROUP_ID);
  if (params.groupid !== undefined) query.groupid = params.groupid;
  if (params.devicename !== undefined) query.devicename = params.devicename;
  if (params.deviceid !== undefined) query.deviceid = requireMatch("deviceid", params.deviceid, DEVICE_ID);
  if (params.has_code !== undefined) query.hasCode = parseBooleanParam("has_code", params.has_code);
  if (params.session_code !== undefined) {
    query.sessionCode = requireMatch("session_code", params.session_code.toLowerCase(), SESSION_CODE);
  }
  if (params.support_session_type !== undefined) {
    query.supportSessionType = parseSupportSessionType(params.support_session_type);
  }
  if (params.from_date !== undefined) query.fromMs = parseDateParam("from_date", params.from_date);
  if (params.to_date !== undefined) query.toMs = parseDateParam("to_date", params.to_date);
  return query;
}

/** 0 (the schema's unnamed value), 1/2/3 or the names (docs/teamviewer-api.md §4). */
function parseSupportSessionType(value: string): SupportSessionTypeNumber {
  const byName = SUPPORT_SESSION_TYPE_NAMES[value.toLowerCase()];
  if (byName !== undefined) return byName;
  if (/^[0-3]$/.test(value)) return Number(value) as SupportSessionTypeNumber;
  throw badRequest("Parameter support_session_type must be 0, 1, 2, 3 or a type name.");
}

/** Only `notes` and `billing_state` can change (docs/teamviewer-api.md §4). */
function parseReportEdit(body: Record<string, unknown>): ReportEdit {
  const unknown = Object.keys(body).filter((key) => !EDITABLE_FIELDS.has(key));
  if (unknown.length > 0)
    throw badRequest(`Only notes and billing_state can be changed, not ${unknown.join(", ")}.`);
  const edit: ReportEdit = {};
  const notes = optionalString(body, "notes");
  if (notes !== undefined) edit.notes = notes;
  const billingState = optionalString(body, "billing_state");
  if (billingState !== undefined) {
    if (!BILLING_STATES.includes(billingState as BillingState)) {
      throw badRequest("Parameter billing_state must be Bill, Billed or DoNotBill.");
    }
    edit.billing_state = billingState as BillingState;
  }
  return edit;
}
