/** Ends a service case the way integrations do: `PUT /sessions/{code}` `{state: "closed"}` (docs/teamviewer-api.md §3). */

import { callTeamViewer, createOwnerClient, loadSessionFor, writeSessionChanges } from "./load-session.js";
import type { SessionActor } from "./session-actor.js";
import { auditSessionAction } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { type SupportSession, toSupportSession } from "./support-session-view.js";

/**
 * Closing a closed session changes nothing and calls nobody. Stored as closed only after
 * TeamViewer accepted.
 * @throws SupportSessionError session-not-found, forbidden, and TeamViewer failures
 */
export async function closeSupportSession(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string },
): Promise<SupportSession> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "change");
  if (record.state === "closed") return toSupportSession(record, deps.clock.now());
  const client = await createOwnerClient(deps, record);
  await callTeamViewer(() => client.sessions.close(record.code));
  const now = deps.clock.now();
  const updated = await writeSessionChanges(deps, record, {
    state: "closed",
    isOnline: false,
    closedAt: now,
  });
  await auditSessionAction(deps, options.actor, {
    action: "support_session.closed",
    target: { type: "support_session", id: record.id },
    details: { sessionCode: record.code },
  });
  return toSupportSession(updated, now);
}
