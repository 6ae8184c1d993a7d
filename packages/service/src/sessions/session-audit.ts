/**
 * Audit entries of the support-session feature. Never pass a supporter link in `details`: they
 * are credentials (docs/teamviewer-api.md §3); the code and ids identify a session well enough.
 */
import { type AuditAction, type AuditEventInput, recordAuditEvent } from "../audit/audit-events.js";
import type { Db } from "../db/open-database.js";
import type { SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";

export interface SessionAuditAction {
  action: AuditAction;
  target: { type: string; id: string };
  details?: Record<string, unknown>;
}

export async function auditSessionAction(
  deps: Pick<SessionDeps, "database" | "clock">,
  actor: SessionActor,
  event: SessionAuditAction,
  /** The transaction of the change, when the entry must commit (or roll back) with it. */
  db: Db = deps.database.db,
): Promise<void> {
  await recordAuditEvent({ db, clock: deps.clock }, sessionAuditEvent(actor, event));
}

/** The audit entry of `actor`'s action, for statements that store it with the change. */
export function sessionAuditEvent(actor: SessionActor, event: SessionAuditAction): AuditEventInput {
  return {
    organisationId: actor.organisationId,
    actor: actor.userId === null ? { label: actor.label } : { userId: actor.userId, label: actor.label },
    action: event.action,
    target: event.target,
    ip: actor.ip,
    userAgent: actor.userAgent,
    ...(event.details === undefined ? {} : { details: event.details }),
  };
}
