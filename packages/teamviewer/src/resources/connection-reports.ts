import type { RequestOptions } from "../http/api-transport.js";
import { encodePath } from "../http/wire-encoding.js";
import { listPages, type PagePromise } from "../pagination.js";
import { expectObjectWithId, ignoreBody, type JsonObject, readNumber, readString } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * The named `support_session_type` codes of connection reports (docs/teamviewer-api.md,
 * §4). The schema's enum also has an unnamed 0, which records and filters accept.
 *
 * @example
 * ```ts
 * const isServiceCase = report.support_session_type === CONNECTION_SUPPORT_SESSION_TYPES.RemoteSupportActive;
 * ```
 */
export const CONNECTION_SUPPORT_SESSION_TYPES = {
  RemoteConnection: 1,
  RemoteSupportActive: 2,
  RemoteSupportActiveSdk: 3,
} as const;

/**
 * `Bill`, `Billed` or `DoNotBill`.
 *
 * @example
 * ```ts
 * const unbilled = page.items.filter((report) => report.billing_state === "Bill");
 * ```
 */
export type BillingState = "Bill" | "Billed" | "DoNotBill" | (string & {});

/**
 * One ended connection. Optional fields may be missing or `null`; unknown fields are kept. Dates are
 * ISO strings as sent (see `parseTeamViewerDate`); there is no duration field: compute it from
 * `start_date` and `end_date`.
 *
 * @example
 * ```ts
 * const report = await client.reports.connections.retrieve(id);
 * const minutes = (parseTeamViewerDate(report.end_date) - parseTeamViewerDate(report.start_date)) / 60_000;
 * ```
 */
export interface ConnectionReport {
  /** A UUID. */
  id: string;
  userid?: string | null;
  username?: string | null;
  deviceid?: string | null;
  devicename?: string | null;
  groupid?: string | null;
  groupname?: string | null;
  /**
   * 1 = RemoteConnection, 2 = RemoteSupportActive, 3 = RemoteSupportActiveSdk; the schema also
   * allows an unnamed 0. Known names and digit strings are turned into these numbers; an unknown
   * name is kept as the string TeamViewer sent.
   */
  support_session_type?: number | string | null;
  start_date?: string | null;
  end_date?: string | null;
  /** Always a number here, even when TeamViewer sent a string. */
  fee?: number | null;
  currency?: string | null;
  billing_state?: BillingState | null;
  notes?: string | null;
  contact_id?: string | null;
  session_code?: string | null;
  session_created_at?: string | null;
  valid_until?: string | null;
  assigned_userid?: string | null;
  assigned_at?: string | null;
  end_customer?: { name?: string | null; email?: string | null; [extra: string]: unknown } | null;
  feedback?: {
    session_rating?: number | null;
    user_comment?: string | null;
    [extra: string]: unknown;
  } | null;
  /**
   * The supporter's own comment written at the end of the session (`notes` is the report's
   * editable note). Often missing; anything but a string reads as `null`.
   */
  session_note?: string | null;
  [extra: string]: unknown;
}

/**
 * Filters of `client.reports.connections.list`; all optional.
 *
 * @example
 * ```ts
 * const params: ConnectionReportListParams = { has_code: true, from_date: new Date("2026-03-01T00:00:00Z") };
 * ```
 */
export interface ConnectionReportListParams {
  username?: string | undefined;
  userid?: string | undefined;
  /** `"0"` means devices in no group. */
  groupid?: string | undefined;
  /** `"unnamed_device"` means devices without a name. */
  devicename?: string | undefined;
  deviceid?: string | undefined;
  /** `true`: only connections made with a session code; `false`: only without. */
  has_code?: boolean | undefined;
  session_code?: string | undefined;
  /** 0 (the schema's unnamed value), 1, 2, 3 or their names (`RemoteSupportActive`). */
  support_session_type?: number | keyof typeof CONNECTION_SUPPORT_SESSION_TYPES | undefined;
  /**
   * Inclusive. The schema says it bounds the connection's start, older texts its end
   * (docs/teamviewer-api.md §4): a connection that started before it and ended after it may be
   * left out. An incremental sync should not page by it; walk from the top instead.
   */
  from_date?: string | Date | undefined;
  /** Exclusive. The schema says it bounds the connection's end, an old manual its start (§4). */
  to_date?: string | Date | undefined;
  /** Start after this report id (the previous page's `next_offset`); paging does this for you. */
  offset_id?: string | undefined;
}

/**
 * What `client.reports.connections.update` may change; nothing else can.
 *
 * @example
 * ```ts
 * await client.reports.connections.update(id, { billing_state: "Billed", notes: "Invoice 2026-031" });
 * ```
 */
export interface ConnectionReportUpdateParams {
  notes?: string | undefined;
  billing_state?: "Bill" | "Billed" | "DoNotBill" | undefined;
}

/**
 * `client.reports.connections`: one record per ended connection.
 *
 * @example
 * ```ts
 * for await (const report of client.reports.connections.list({ has_code: true })) console.log(report.session_code);
 * ```
 */
export class ConnectionReportsResource extends ApiResource {
  /**
   * Lists connection reports, newest `end_date` first, up to 1000 per page; await it for one page,
   * `for await` it for every record, or walk `.pages()` to save a cursor per page.
   *
   * @example
   * ```ts
   * for await (const report of client.reports.connections.list({ from_date: "2026-03-01" })) await save(report);
   * ```
   */
  list(params: ConnectionReportListParams = {}, options?: RequestOptions): PagePromise<ConnectionReport> {
    return listPages(
      this.transport,
      {
        path: "/reports/connections",
        query: params,
        cursorParam: "offset_id",
        itemsKey: "records",
        remainingKey: "records_remaining",
        toItem: toConnectionReport,
      },
      options,
    );
  }

  /**
   * Fetches one report by its id.
   *
   * @example
   * ```ts
   * const report = await client.reports.connections.retrieve("6f1c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77");
   * ```
   */
  retrieve(id: string, options?: RequestOptions): Promise<ConnectionReport> {
    const path = encodePath`/reports/connections/${id}`;
    return this.transport
      .request({ method: "GET", path }, options)
      .then((response) => toConnectionReport(response.body, `GET ${path}`));
  }

  /**
   * Sets `notes` and/or `billing_state`.
   *
   * @example
   * ```ts
   * await client.reports.connections.update(id, { notes: "Reinstalled Outlook" });
   * ```
   */
  update(id: string, params: ConnectionReportUpdateParams, options?: RequestOptions): Promise<void> {
    return this.transport
      .request({ method: "PUT", path: encodePath`/reports/connections/${id}`, body: params }, options)
      .then(ignoreBody);
  }

  /**
   * Deletes a report.
   *
   * @example
   * ```ts
   * await client.reports.connections.delete(id);
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.transport
      .request({ method: "DELETE", path: encodePath`/reports/connections/${id}` }, options)
      .then(ignoreBody);
  }
}

function toConnectionReport(raw: unknown, label: string): ConnectionReport {
  const report = expectObjectWithId(raw, "id", "a connection report", label);
  const normalized: JsonObject = { ...report };
  // One old client typed `fee` as a string (docs/teamviewer-api.md §4); callers always get a number.
  if ("fee" in report) normalized.fee = readNumber(report, "fee");
  if ("session_note" in report) normalized.session_note = readString(report, "session_note");
  if ("support_session_type" in report) {
    normalized.support_session_type = readSupportSessionType(report.support_session_type);
  }
  return normalized as ConnectionReport;
}

/** Reports carry integers, the generated schema and some payloads names: both become the number. */
function readSupportSessionType(value: unknown): number | string | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  if (/^\d+$/.test(value)) return Number(value);
  return Object.hasOwn(CONNECTION_SUPPORT_SESSION_TYPES, value)
    ? CONNECTION_SUPPORT_SESSION_TYPES[value as keyof typeof CONNECTION_SUPPORT_SESSION_TYPES]
    : value;
}
