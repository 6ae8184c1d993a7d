/**
 * Connection reports as the pages, the API and the exports show them (issue 6, "Views, billing
 * and exports"): filtered and keyset-paged lists, one report, a ticket's connection history,
 * each report with its ticket and its billable minutes under the organisation's billing rules.
 * What an actor sees follows report-access.ts.
 */
import {
  type ConnectionReportFilter,
  type ListedReportRow,
  listConnectionReportRows,
} from "../db/repositories/connection-report-search.js";
import type { ReportCursor } from "../db/repositories/connection-reports.js";
import { findTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import { findTicketByExternalId } from "../db/repositories/tickets.js";
import { findUserById } from "../db/repositories/users.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { findVisibleTicket, type TicketDeps } from "../tickets/find-visible-ticket.js";
import { type BillingRules, billableMinutesOf } from "./billable-minutes.js";
import { type ConnectionExtrasView, toConnectionExtrasView } from "./connection-extras-view.js";
import { ConnectionReportError } from "./connection-report-error.js";
import { type ConnectionReportView, toConnectionReportView } from "./connection-report-view.js";
import { getBillingRules } from "./organisation-billing-rules.js";
import { loadReportToView, reportScopeOf } from "./report-access.js";
import { decodeReportCursor, encodeReportCursor } from "./report-cursor.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import type { BillingStateValue } from "./update-connection-report.js";

export type ReportDeps = Pick<ReportSyncDeps, "database" | "vault">;

export interface ListedConnectionReport extends ConnectionReportView {
  ticket: { externalId: string; title: string } | null;
  /**
   * As billed for a `Billed` record, else under the organisation's billing rules; null when the
   * duration is unknown.
   */
  billableMinutes: number | null;
  /** What the connection left behind: chat, summaries, screenshots. */
  extras: ConnectionExtrasView;
}

/** The filters people and API callers give; all optional, all combined with AND. */
export interface ReportQuery {
  /** Our user id of a supporter: their TeamViewer account's connections. */
  supporterUserId?: string | undefined;
  /** A TeamViewer group id (`g123`) or a group's exact name. */
  group?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  ticketExternalId?: string | undefined;
  billingState?: BillingStateValue | undefined;
  isMatched?: boolean | undefined;
}

export interface ReportPage {
  reports: ListedConnectionReport[];
  /** For the next (older) page; absent on the last page. */
  nextCursor?: string;
}

export const maxReportPageSize = 200;

const groupIdPattern = /^g\d+$/;

export function toListedReport(row: ListedReportRow, rules: BillingRules): ListedConnectionReport {
  return {
    ...toConnectionReportView(row),
    ticket:
      row.ticketExternalId === null
        ? null
        : { externalId: row.ticketExternalId, title: row.ticketTitle ?? "" },
    billableMinutes: billableMinutesOf(row, rules),
    extras: toConnectionExtrasView(row.extras),
  };
}

/**
 * The repository filter for an actor's query, or undefined when it can match nothing (an
 * unknown ticket or supporter): callers answer an empty list rather than an error.
 */
export async function resolveReportFilter(
  deps: ReportDeps,
  actor: SessionActor,
  query: ReportQuery,
): Promise<ConnectionReportFilter | undefined> {
  const filter = await reportScopeOf(deps, actor);
  if (query.supporterUserId !== undefined) {
    const supporter = await findUserById(deps.database.db, query.supporterUserId);
    if (supporter === undefined || supporter.organisationId !== actor.organisationId) return undefined;
    const connection = await findTeamViewerConnection(deps.database.db, deps.vault, supporter.id);
    if (connection === undefined) return undefined;
    filter.teamViewerUserId = connection.teamViewerUserId;
  }
  if (query.ticketExternalId !== undefined) {
    const ticket = await findTicketByExternalId(
      deps.database.db,
      actor.organisationId,
      query.ticketExternalId,
    );
    if (ticket === undefined) return undefined;
    filter.ticketId = ticket.id;
  }
  if (query.group !== undefined) {
    filter.group = groupIdPattern.test(query.group) ? { id: query.group } : { name: query.group };
  }
  if (query.from !== undefined) filter.from = query.from;
  if (query.to !== undefined) filter.to = query.to;
  if (query.billingState !== undefined) filter.billingState = query.billingState;
  if (query.isMatched !== undefined) filter.isMatched = query.isMatched;
  return filter;
}

/** @throws ConnectionReportError invalid-cursor */
export async function listConnectionReports(
  deps: ReportDeps,
  options: {
    actor: SessionActor;
    query: ReportQuery;
    paging?: { limit?: number; cursor?: string | undefined };
  },
): Promise<ReportPage> {
  const { actor } = options;
  const limit = Math.min(Math.max(options.paging?.limit ?? 50, 1), maxReportPageSize);
  const cursor = options.paging?.cursor;
  const after = cursor === undefined ? undefined : decodeReportCursor(cursor);
  const filter = await resolveReportFilter(deps, actor, options.query);
  if (filter === undefined) return { reports: [] };
  const [rows, rules] = await Promise.all([
    listConnectionReportRows(deps.database.db, filter, { after, limit: limit + 1 }),
    getBillingRules(deps.database.db, actor.organisationId),
  ]);
  const reports = rows.slice(0, limit).map((row) => toListedReport(row, rules));
  const last = reports.at(-1);
  return rows.length > limit && last !== undefined
    ? { reports, nextCursor: encodeReportCursor(positionOf(last)) }
    : { reports };
}

export function positionOf(report: { endDate: Date | null; id: string }): ReportCursor {
  return { endDate: report.endDate, id: report.id };
}

/** @throws ConnectionReportError report-not-found */
export async function getConnectionReport(
  deps: ReportDeps,
  options: { actor: SessionActor; reportId: string },
): Promise<ListedConnectionReport> {
  const { actor } = options;
  const report = await loadReportToView(deps, actor, options.reportId);
  const [rows, rules] = await Promise.all([
    listConnectionReportRows(
      deps.database.db,
      { organisationId: actor.organisationId, reportId: report.id },
      { limit: 1 },
    ),
    getBillingRules(deps.database.db, actor.organisationId),
  ]);
  const [row] = rows;
  if (row === undefined) throw new ConnectionReportError("report-not-found");
  return toListedReport(row, rules);
}

/**
 * Every connection on a ticket the actor may see (find-visible-ticket.ts), newest first (a ticket's history is short;
 * it is read in pages all the same).
 * @throws ConnectionReportError ticket-not-found
 */
export async function listTicketConnections(
  deps: ReportDeps & TicketDeps,
  options: { actor: SessionActor; ticketExternalId: string },
): Promise<ListedConnectionReport[]> {
  const { actor } = options;
  const ticket = await findVisibleTicket(deps, actor, options.ticketExternalId);
  if (ticket === undefined) throw new ConnectionReportError("ticket-not-found");
  const filter = { ...(await reportScopeOf(deps, actor)), ticketId: ticket.id };
  const rules = await getBillingRules(deps.database.db, actor.organisationId);
  const reports: ListedConnectionReport[] = [];
  let after: ReportCursor | undefined;
  for (;;) {
    const rows = await listConnectionReportRows(deps.database.db, filter, {
      after,
      limit: maxReportPageSize,
    });
    reports.push(...rows.map((row) => toListedReport(row, rules)));
    const last = rows.at(-1);
    if (rows.length < maxReportPageSize || last === undefined) return reports;
    after = positionOf(last);
  }
}
