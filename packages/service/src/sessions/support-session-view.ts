/**
 * The support session as use cases return it: camelCase, no encrypted columns, and a status a
 * person understands. TeamViewer lists a session past `valid_until` as still open
 * (docs/teamviewer-api.md §3), so "expired" is ours to derive.
 */
import type { SupporterLinks, SupportSessionRecord } from "../db/repositories/support-sessions.js";
import type { SupportSessionState, TicketStatus } from "../db/schema.js";

export type { SupporterLinks };

/** waiting → customer-online → closed, or expired when nobody closed it in time. */
export type SupportSessionStatus = "waiting" | "customer-online" | "expired" | "closed";

export interface SupportSession {
  id: string;
  ticket: { externalId: string; title: string; url: string | null; status: TicketStatus };
  /** TeamViewer's session code, `s123-456-789`. */
  code: string;
  /** The only link meant for the end customer. */
  endCustomerLink: string;
  state: SupportSessionState;
  status: SupportSessionStatus;
  isExpired: boolean;
  /** Whether the end customer was waiting when TeamViewer was last asked. */
  isOnline: boolean;
  /** Since when the customer waits; null unless the status is customer-online. */
  customerWaitingSince: Date | null;
  validUntil: Date;
  description: string | null;
  waitingMessage: string | null;
  group: { id: string | null; name: string | null };
  createdByUserId: string | null;
  assignedUserId: string | null;
  correlationId: string;
  createdAt: Date;
  closedAt: Date | null;
  lastRefreshedAt: Date | null;
  /** Bumped on every change (optimistic concurrency). */
  version: number;
}

/** What a view is made of: a stored session with its ticket, or one about to be stored. */
export type SessionViewSource = Omit<SupportSessionRecord, "ticketId" | "ticket"> & {
  ticket: Omit<SupportSessionRecord["ticket"], "id">;
};

export function toSupportSession(record: SessionViewSource, now: Date): SupportSession {
  const isExpired = record.state === "open" && record.validUntil.getTime() <= now.getTime();
  const status = statusOf(record, isExpired);
  return {
    id: record.id,
    ticket: {
      externalId: record.ticket.externalId,
      title: record.ticket.title,
      url: record.ticket.url,
      status: record.ticket.status,
    },
    code: record.code,
    endCustomerLink: record.endCustomerLink,
    state: record.state,
    status,
    isExpired,
    isOnline: record.isOnline,
    customerWaitingSince: status === "customer-online" ? record.customerWaitingSince : null,
    validUntil: record.validUntil,
    description: record.description,
    waitingMessage: record.waitingMessage,
    group: { id: record.groupId, name: record.groupName },
    createdByUserId: record.createdByUserId,
    assignedUserId: record.assignedUserId,
    correlationId: record.correlationId,
    createdAt: record.createdAt,
    closedAt: record.closedAt,
    lastRefreshedAt: record.lastRefreshedAt,
    version: record.version,
  };
}

function statusOf(record: SessionViewSource, isExpired: boolean): SupportSessionStatus {
  if (record.state === "closed") return "closed";
  if (isExpired) return "expired";
  return record.isOnline ? "customer-online" : "waiting";
}
