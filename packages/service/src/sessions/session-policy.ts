/**
 * The organisation's rules for its sessions, set by admins on /settings/sessions (issue 24,
 * "Expiry and clean-up"): whether sessions past their validity are closed at TeamViewer
 * (close-expired-sessions.ts).
 */
import { findOrganisationById, setClosesExpiredSessions } from "../db/repositories/organisations.js";
import type { SessionActor } from "./session-actor.js";
import { auditSessionAction } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";

export interface SessionPolicy {
  closesExpiredSessions: boolean;
}

type PolicyDeps = Pick<SessionDeps, "database" | "clock">;

/** @throws SupportSessionError forbidden unless the actor is an admin */
export async function loadSessionPolicy(deps: PolicyDeps, actor: SessionActor): Promise<SessionPolicy> {
  requireAdmin(actor);
  const organisation = await findOrganisationById(deps.database.db, actor.organisationId);
  if (organisation === undefined) throw new Error(`organisation ${actor.organisationId} is missing`);
  return { closesExpiredSessions: organisation.closesExpiredSessions };
}

/**
 * Saving what is saved already changes nothing and writes no audit entry.
 * @throws SupportSessionError forbidden unless the actor is an admin
 */
export async function saveSessionPolicy(
  deps: PolicyDeps,
  actor: SessionActor,
  policy: SessionPolicy,
): Promise<void> {
  const before = await loadSessionPolicy(deps, actor);
  if (before.closesExpiredSessions === policy.closesExpiredSessions) return;
  await setClosesExpiredSessions(deps.database.db, actor.organisationId, policy.closesExpiredSessions);
  await auditSessionAction(deps, actor, {
    action: "session_policy.updated",
    target: { type: "organisation", id: actor.organisationId },
    details: { closesExpiredSessions: policy.closesExpiredSessions },
  });
}

function requireAdmin(actor: SessionActor): void {
  if (actor.role !== "admin") throw new SupportSessionError("forbidden");
}
