/**
 * Who asks for a TeamViewer use case, and from where: what every audit entry of this feature
 * needs: who, what, when and from where.
 */
import { type AuditEventInput, recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";

export interface ActingUser {
  userId: string;
  organisationId: string;
  /** The user's e-mail address, for the audit log. */
  label: string;
  ip: string | null;
  userAgent: string | null;
}

/** Records an event done by `actor` in their organisation. */
export function auditAs(
  deps: { database: { db: Db }; clock: Clock },
  actor: ActingUser,
  event: Pick<AuditEventInput, "action" | "target" | "details">,
): Promise<unknown> {
  return recordAuditEvent(
    { db: deps.database.db, clock: deps.clock },
    {
      ...event,
      organisationId: actor.organisationId,
      actor: { userId: actor.userId, label: actor.label },
      ip: actor.ip,
      userAgent: actor.userAgent,
    },
  );
}
