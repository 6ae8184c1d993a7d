/**
 * Asks TeamViewer how a session is doing (`GET /sessions/{code}`, docs/teamviewer-api.md §3) and
 * stores its state and whether the end customer is waiting (`online`).
 */

import { parseTeamViewerDate } from "@attendant/teamviewer";
import { callTeamViewer, createOwnerClient, loadSessionFor, writeSessionChanges } from "./load-session.js";
import type { SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";
import { type SupportSession, toSupportSession } from "./support-session-view.js";

/** @throws SupportSessionError session-not-found, and TeamViewer failures (needs-reconnect, unreachable, …) */
export async function refreshSupportSessionStatus(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string },
): Promise<SupportSession> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "view");
  const client = await createOwnerClient(deps, record);
  const remote = await callTeamViewer(() => client.sessions.retrieve(record.code));
  const isClosed = remote.state === "Closed";
  const now = deps.clock.now();
  const updated = await writeSessionChanges(deps, record, {
    state: isClosed ? "closed" : "open",
    isOnline: !isClosed && remote.online === true,
    closedAt: isClosed ? (parseTeamViewerDate(remote.closed_at) ?? record.closedAt ?? now) : null,
    lastRefreshedAt: now,
  });
  return toSupportSession(updated, now);
}
