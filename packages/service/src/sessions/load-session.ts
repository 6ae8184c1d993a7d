/**
 * The shared first and last steps of every use case on an existing session: load it within the
 * actor's organisation and check what they may do, and write a change back after TeamViewer
 * accepted it. A session the actor may not see is reported as not found, so ids of other
 * people's sessions reveal nothing.
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import {
  findSupportSession,
  type SupportSessionChanges,
  type SupportSessionRecord,
  updateSupportSessionRecord,
} from "../db/repositories/support-sessions.js";
import { transaction } from "../db/transaction.js";
import { recordSessionTransitions } from "../events/session-events.js";
import { canChangeSession, canViewSession, type SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { toSupportSessionError } from "./teamviewer-failures.js";

/** Attempts to write a change TeamViewer already accepted when others write at the same time. */
const maxWriteAttempts = 3;

export async function loadSessionFor(
  deps: SessionDeps,
  actor: SessionActor,
  sessionId: string,
  access: "view" | "change",
): Promise<SupportSessionRecord> {
  const record = await findSupportSession(deps.database.db, actor.organisationId, sessionId);
  if (record === undefined || !canViewSession(actor, record))
    throw new SupportSessionError("session-not-found");
  if (access === "change" && !canChangeSession(actor, record)) throw new SupportSessionError("forbidden");
  return record;
}

/**
 * A client of the TeamViewer account that created the session: it always sees the session
 * there, even after a reassignment (docs/teamviewer-api.md §3).
 */
export async function createOwnerClient(
  deps: SessionDeps,
  record: SupportSessionRecord,
): Promise<TeamViewerClient> {
  const ownerId = record.createdByUserId ?? record.assignedUserId;
  if (ownerId === null) throw new SupportSessionError("not-connected");
  return deps.teamViewer
    .createTeamViewerClientFor({ userId: ownerId, organisationId: record.organisationId })
    .catch((error: unknown) => {
      throw toSupportSessionError(error);
    });
}

/** Runs a TeamViewer call, translating its failures. */
export function callTeamViewer<T>(call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    throw toSupportSessionError(error);
  });
}

/**
 * Stores what TeamViewer now holds. TeamViewer is the source of truth, so a concurrent local
 * write does not cancel this one: re-read the version and write again.
 */
export async function writeSessionChanges(
  deps: SessionDeps,
  record: SupportSessionRecord,
  changes: SupportSessionChanges,
): Promise<SupportSessionRecord> {
  let current = record;
  for (let attempt = 0; attempt < maxWriteAttempts; attempt++) {
    const isWritten = await writeSessionChangesOnce(deps, current, changes);
    const reread = await findSupportSession(deps.database.db, current.organisationId, current.id);
    if (reread === undefined) throw new SupportSessionError("session-not-found");
    if (isWritten) return reread;
    current = reread;
  }
  throw new SupportSessionError("changed-concurrently");
}

/**
 * Applies `changes` if the session is still at `record`'s version, with the webhook events they
 * cause in the same transaction (src/webhooks/); false when someone wrote in between.
 */
export async function writeSessionChangesOnce(
  deps: Pick<SessionDeps, "database" | "clock">,
  record: SupportSessionRecord,
  changes: SupportSessionChanges,
): Promise<boolean> {
  const now = deps.clock.now();
  return transaction(deps.database.db, async (tx) => {
    const isUpdated = await updateSupportSessionRecord(tx, {
      id: record.id,
      expectedVersion: record.version,
      changes,
      now,
    });
    if (isUpdated) await recordSessionTransitions(tx, { before: record, changes, now });
    return isUpdated;
  });
}
