/** Edits the description and the end customer's waiting message (docs/teamviewer-api.md §3, partial PUT). */

import { callTeamViewer, createOwnerClient, loadSessionFor, writeSessionChanges } from "./load-session.js";
import type { SessionActor } from "./session-actor.js";
import { auditSessionAction } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { type SupportSession, toSupportSession } from "./support-session-view.js";

export interface SupportSessionEdits {
  description?: string | undefined;
  waitingMessage?: string | undefined;
}

/**
 * Sends only the fields given; stored only after TeamViewer accepted them.
 * @throws SupportSessionError session-not-found, forbidden, session-closed, and TeamViewer failures
 */
export async function updateSupportSession(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string; changes: SupportSessionEdits },
): Promise<SupportSession> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "change");
  if (record.state === "closed") throw new SupportSessionError("session-closed");
  const { description, waitingMessage } = options.changes;
  if (description === undefined && waitingMessage === undefined) {
    return toSupportSession(record, deps.clock.now());
  }
  const client = await createOwnerClient(deps, record);
  await callTeamViewer(() =>
    client.sessions.update(record.code, { description, waiting_message: waitingMessage }),
  );
  const updated = await writeSessionChanges(deps, record, {
    ...(description === undefined ? {} : { description }),
    ...(waitingMessage === undefined ? {} : { waitingMessage }),
  });
  await auditSessionAction(deps, options.actor, {
    action: "support_session.updated",
    target: { type: "support_session", id: record.id },
    details: {
      sessionCode: record.code,
      fields: Object.entries(options.changes).flatMap(([field, value]) =>
        value === undefined ? [] : [field],
      ),
    },
  });
  return toSupportSession(updated, deps.clock.now());
}
