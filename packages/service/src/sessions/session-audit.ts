/**
 * Audit entries of the support-session feature. Never pass a supporter link in `details`: they
 * are credentials (teamviewer-api.md §3); the code and ids identify a session well enough.
 */
import { type AuditAction, recordAuditEvent } from "../audit/audit-events.js";
import type { Db } from "../db/open-database.js";
import type { SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";

export async function auditSessionAction(
  deps: Pick<SessionDeps, "database" | "clock">,
  actor: SessionActor,
  event: { action: AuditAction; target: { type: string; id: string }; details?: Record<string, unknown> },
  /** The transaction of the change, when the entry must commit (or roll back) with it. */
  db: Db = deps.database.db,
): Promise<void> {
  await recordAuditEvent(
    { db, clock: deps.clock },
    {
      organisationId: actor.organisationId,
      actor: actor.userId === null ? { label: actor.label } : { userId: actor.userId, label: actor.label },
      action: event.action,
      target: event.target,
      ip: actor.ip,
      userAgent: actor.userAgent,
      ...(event.details === undefined ? {} : { details: event.details }),
    },
  );
}
