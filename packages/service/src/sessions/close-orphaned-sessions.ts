/**
 * Orphans: sessions TeamViewer holds with a correlation id we issued (`custom_api:
 * "attendant:<id>"`) that were never stored here, because the process that created them died
 * before storing them (ADR 0020). Nobody sees such a session, so nobody would ever close it.
 *
 * "We issued" is proven by an Idempotency-Key claim with that id (the claim's id is the create's
 * correlation id): a session with our prefix and no such claim may belong to another Attendant
 * installation sharing the TeamViewer account, and is left alone. One whose claim is still
 * unsettled is left too: its owner may be at work, or the repeat of the request will adopt it
 * (src/api/idempotency.ts). One whose claim ended (settled to another session, or expired
 * without a repeat) is closed, once older than a create can take.
 *
 * An unsettled create (a web form's create whose outcome nobody could learn, ADR 0033) proves it
 * ours too. Its supporter may still repeat it and adopt the session, so it is closed only once
 * older than the grace; the record of it is forgotten a day later.
 */
import { parseTeamViewerDate, type Session } from "@attendant/teamviewer";
import { listConnectedSupporters } from "../db/repositories/colleagues.js";
import { findIdempotencyClaimFate } from "../db/repositories/idempotency-keys.js";
import { findStoredSessionCodes } from "../db/repositories/support-sessions.js";
import {
  deleteUnsettledCreatesBefore,
  findUnsettledCreateTime,
} from "../db/repositories/unsettled-session-creates.js";
import { customApiPrefix } from "./find-session-by-correlation.js";
import type { SessionDeps } from "./session-deps.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Far longer than a create takes, TeamViewer's slowest answer included. */
export const orphanGraceMs = 10 * 60_000;

/** Long after the sweep, which runs every few minutes, has closed an unsettled create's session. */
const unsettledCreateMemoryMs = 24 * 3600_000;

export interface OrphanSweepSummary {
  closed: number;
  /** Left for the repeat of their unsettled Idempotency-Key to adopt. */
  awaitingRepeat: number;
  /** With our prefix but no claim of ours: perhaps another installation's, left alone. */
  notOurs: number;
  /** Supporters whose sessions could not be listed this time (e.g. a connection to renew). */
  unreachable: number;
}

export async function closeOrphanedSessions(deps: SessionDeps): Promise<OrphanSweepSummary> {
  const summary: OrphanSweepSummary = { closed: 0, awaitingRepeat: 0, notOurs: 0, unreachable: 0 };
  for (const supporter of await listConnectedSupporters(deps.database.db)) {
    try {
      const client = await deps.teamViewer.createTeamViewerClientFor(supporter);
      const ours: Session[] = [];
      for await (const session of client.sessions.list({ full_list: true, state: "open" })) {
        if (session.custom_api?.startsWith(customApiPrefix)) ours.push(session);
      }
      const stored = await findStoredSessionCodes(
        deps.database.db,
        ours.map((session) => session.code),
      );
      for (const session of ours.filter((candidate) => !stored.has(candidate.code))) {
        const outcome = await settleOrphan(deps, session);
        if (outcome === "closed") {
          await client.sessions.close(session.code);
          deps.logger.warn(
            { code: session.code, customApi: session.custom_api },
            "closed a TeamViewer session Attendant created but never stored",
          );
          summary.closed += 1;
        } else if (outcome === "awaiting-repeat") {
          summary.awaitingRepeat += 1;
        } else if (outcome === "not-ours") {
          summary.notOurs += 1;
        }
      }
    } catch (error) {
      deps.logger.warn({ err: error, userId: supporter.userId }, "could not look for orphaned sessions");
      summary.unreachable += 1;
    }
  }
  await deleteUnsettledCreatesBefore(
    deps.database.db,
    new Date(deps.clock.now().getTime() - unsettledCreateMemoryMs),
  );
  return summary;
}

async function settleOrphan(
  deps: SessionDeps,
  session: Session,
): Promise<"closed" | "awaiting-repeat" | "not-ours" | "too-young"> {
  const now = deps.clock.now();
  const correlationId = (session.custom_api ?? "").slice(customApiPrefix.length);
  const fate = uuidPattern.test(correlationId) ? await findFate(deps, correlationId, now) : undefined;
  if (fate === undefined) return "not-ours";
  if (fate === "unsettled") return "awaiting-repeat";
  const createdAt = typeof session.created_at === "string" ? parseTeamViewerDate(session.created_at) : now;
  return now.getTime() - createdAt.getTime() >= orphanGraceMs ? "closed" : "too-young";
}

/** What became of the create with `correlationId`, if it was ours. */
async function findFate(deps: SessionDeps, correlationId: string, now: Date) {
  const claimFate = await findIdempotencyClaimFate(deps.database.db, correlationId, now);
  if (claimFate !== undefined) return claimFate;
  return (await findUnsettledCreateTime(deps.database.db, correlationId)) === undefined ? undefined : "ended";
}
