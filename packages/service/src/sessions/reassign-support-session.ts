/**
 * Hands a session to a colleague: `PUT /sessions/{code}` with their TeamViewer user id
 * (`assigned_userid`, docs/teamviewer-api.md §3), taken from their own TeamViewer connection.
 */
import { findTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import { findUserById } from "../db/repositories/users.js";
import { callTeamViewer, createOwnerClient, loadSessionFor, writeSessionChanges } from "./load-session.js";
import type { SessionActor } from "./session-actor.js";
import { auditSessionAction } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { type SupportSession, toSupportSession } from "./support-session-view.js";

/**
 * The assigned supporter or an admin may reassign. The colleague must be an active supporter or
 * admin of the organisation with a working TeamViewer connection.
 * @throws SupportSessionError session-not-found, forbidden, session-closed, assignee-unavailable, and TeamViewer failures
 */
export async function reassignSupportSession(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string; assigneeUserId: string },
): Promise<SupportSession> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "change");
  if (record.state === "closed") throw new SupportSessionError("session-closed");
  if (record.assignedUserId === options.assigneeUserId) return toSupportSession(record, deps.clock.now());
  const teamViewerUserId = await findAssigneeTeamViewerId(deps, options.actor, options.assigneeUserId);
  const client = await createOwnerClient(deps, record);
  await callTeamViewer(() => client.sessions.update(record.code, { assigned_userid: teamViewerUserId }));
  const updated = await writeSessionChanges(deps, record, { assignedUserId: options.assigneeUserId });
  await auditSessionAction(deps, options.actor, {
    action: "support_session.reassigned",
    target: { type: "support_session", id: record.id },
    details: { sessionCode: record.code, from: record.assignedUserId, to: options.assigneeUserId },
  });
  return toSupportSession(updated, deps.clock.now());
}

async function findAssigneeTeamViewerId(
  deps: SessionDeps,
  actor: SessionActor,
  userId: string,
): Promise<string> {
  const user = await findUserById(deps.database.db, userId);
  const isEligible =
    user !== undefined &&
    user.organisationId === actor.organisationId &&
    !user.isDisabled &&
    user.role !== "auditor";
  const connection = isEligible
    ? await findTeamViewerConnection(deps.database.db, deps.vault, userId)
    : undefined;
  if (connection === undefined || connection.status !== "connected") {
    throw new SupportSessionError("assignee-unavailable");
  }
  return connection.teamViewerUserId;
}
