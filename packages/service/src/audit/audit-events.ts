/**
 * The audit trail: who did what, to what, when (UTC) and from where. Append-only (a database
 * trigger refuses changes) and free of secrets (details pass through redactDetails).
 * Viewable by admins and auditors of the organisation; exportable as JSON lines for a SIEM.
 */
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import {
  type AuditLogFilter,
  type AuditLogRow,
  insertAuditLogRow,
  type NewAuditLogRow,
  selectAuditLogRows,
} from "../db/repositories/audit-log.js";
import { redactDetails } from "./redact-details.js";

/** Every action the service records. Extend this list when adding an audited feature. */
export const auditActions = [
  "login.succeeded",
  "login.failed",
  "logout",
  "user.created",
  "user.updated",
  "teamviewer_app.updated",
  "teamviewer.connected",
  "teamviewer.disconnected",
  "teamviewer.token_refresh_failed",
  "script_token.saved",
  "script_token.deleted",
  "keyring.rewrapped",
  "support_session.created",
  "support_session.adopted",
  "support_session.updated",
  "support_session.reassigned",
  "support_session.closed",
  "support_session.links_revealed",
  "join_link.issued",
  "session_invitation.sent",
  "session_invitation.failed",
  "invitation_template.updated",
  "invitation_template.reset",
  "organisation_brand.updated",
  "session_policy.updated",
  "ticket.closed",
  "api_key.created",
  "api_key.revoked",
  "connection_report.attached",
  "connection_report.updated",
  "webhook_endpoint.created",
  "webhook_endpoint.updated",
  "webhook_endpoint.disabled",
  "webhook_endpoint.enabled",
  "webhook_endpoint.deleted",
  "webhook_endpoint.secret_rotated",
  "webhook_delivery.resent",
  "billing_rules.updated",
  "helpdesk_connection.saved",
  "helpdesk_connection.removed",
  "helpdesk_write.resent",
  "helpdesk_template.updated",
  "helpdesk_template.reset",
  "connection_reports.exported",
  "embedding_integration.created",
  "embedding_integration.updated",
  "embedding_integration.deleted",
  "embedding_integration.secret_rotated",
  "embed_session.opened",
  "organisation.created",
  "organisation.renamed",
  "organisation.disabled",
  "organisation.enabled",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditActor {
  /** Absent for the system itself and for unauthenticated callers (e.g. a failed login). */
  userId?: string;
  /** Human-readable: an e-mail address, "system" or "anonymous". */
  label: string;
}

export interface AuditTarget {
  type: string;
  id?: string;
}

export interface AuditEventInput {
  organisationId: string | null;
  actor: AuditActor;
  action: AuditAction;
  target?: AuditTarget;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: number;
  occurredAt: Date;
  organisationId: string | null;
  actor: AuditActor;
  action: string;
  target: AuditTarget | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

// A user agent is attacker-controlled text; keep it to a readable size.
const maxUserAgentLength = 512;

export async function recordAuditEvent(
  deps: { db: Db; clock: Clock },
  event: AuditEventInput,
): Promise<AuditEvent> {
  const row = await insertAuditLogRow(deps.db, toAuditLogRow(event, deps.clock.now()));
  return toAuditEvent(row);
}

/** The row an event is stored as, for statements that insert it together with other rows. */
export function toAuditLogRow(event: AuditEventInput, occurredAt: Date): NewAuditLogRow {
  return {
    occurredAt,
    organisationId: event.organisationId,
    actorUserId: event.actor.userId ?? null,
    actorLabel: event.actor.label,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, maxUserAgentLength) ?? null,
    details: redactDetails(event.details ?? {}),
  };
}

export interface AuditEventPage {
  events: AuditEvent[];
  /** Pass as `beforeId` for the next (older) page; absent on the last page. */
  nextBeforeId?: number;
}

/** Newest first, `limit` at a time (1–500, default 50). */
export async function listAuditEvents(
  db: Db,
  filter: AuditLogFilter,
  page: { beforeId?: number; limit?: number } = {},
): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  // One extra row tells whether another page exists without a COUNT query.
  const rows = await selectAuditLogRows(db, filter, {
    order: "newest-first",
    limit: limit + 1,
    ...(page.beforeId === undefined ? {} : { beforeId: page.beforeId }),
  });
  const events = rows.slice(0, limit).map(toAuditEvent);
  const last = events.at(-1);
  return rows.length > limit && last !== undefined ? { events, nextBeforeId: last.id } : { events };
}

/**
 * All matching events, oldest first, one JSON object per line (https://jsonlines.org), read
 * from the database a page at a time as the consumer pulls, so any size streams in flat memory.
 */
export function exportAuditEventsAsJsonLines(
  db: Db,
  filter: AuditLogFilter,
  options: { pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const pageSize = options.pageSize ?? 500;
  const encoder = new TextEncoder();
  let afterId: number | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await selectAuditLogRows(db, filter, {
        order: "oldest-first",
        limit: pageSize,
        ...(afterId === undefined ? {} : { afterId }),
      });
      if (rows.length > 0) {
        afterId = rows.at(-1)?.id;
        const lines = rows.map((row) => `${JSON.stringify(toAuditEvent(row))}\n`).join("");
        controller.enqueue(encoder.encode(lines));
      }
      if (rows.length < pageSize) controller.close();
    },
  });
}

function toAuditEvent(row: AuditLogRow): AuditEvent {
  const actor: AuditActor =
    row.actorUserId === null ? { label: row.actorLabel } : { userId: row.actorUserId, label: row.actorLabel };
  const target: AuditTarget | null =
    row.targetType === null
      ? null
      : row.targetId === null
        ? { type: row.targetType }
        : { type: row.targetType, id: row.targetId };
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    organisationId: row.organisationId,
    actor,
    action: row.action,
    target,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  };
}
