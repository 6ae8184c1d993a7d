/**
 * Who asks for a support-session use case, and what they may do (issue 5, "Supporter view"):
 * supporters see and act on the sessions assigned to them; admins on every session of their
 * organisation; auditors read everything and change nothing. The supporter links are
 * credentials: only the assigned supporter and admins get them.
 */
import type { UserRole } from "../db/schema.js";

export interface SessionActor {
  organisationId: string;
  /**
   * The signed-in user, or the supporter an API key acts for, authenticated for this request (an
   * enabled user of `organisationId`, with `role`). Null for an organisation-wide API key, which
   * acts with the admin role but owns no sessions of its own.
   */
  userId: string | null;
  role: UserRole;
  /** For the audit log: an e-mail address, or `api-key:<prefix>`. */
  label: string;
  ip: string | null;
  userAgent: string | null;
  /** The browser sign-in this request belongs to (pages only; absent for API keys). */
  webSessionId?: string;
}

interface SessionOwnership {
  organisationId: string;
  assignedUserId: string | null;
}

function isAssignedTo(actor: SessionActor, session: SessionOwnership): boolean {
  return actor.userId !== null && session.assignedUserId === actor.userId;
}

export function canViewSession(actor: SessionActor, session: SessionOwnership): boolean {
  if (session.organisationId !== actor.organisationId) return false;
  return actor.role === "admin" || actor.role === "auditor" || isAssignedTo(actor, session);
}

export function canChangeSession(actor: SessionActor, session: SessionOwnership): boolean {
  if (session.organisationId !== actor.organisationId) return false;
  return actor.role === "admin" || (actor.role === "supporter" && isAssignedTo(actor, session));
}

/** Whoever may act on the session may open it as the supporter; auditors may not. */
export const canSeeSupporterLinks = canChangeSession;

/** Anyone but an auditor may open sessions. */
export function canCreateSessions(actor: SessionActor): boolean {
  return actor.role === "admin" || actor.role === "supporter";
}
