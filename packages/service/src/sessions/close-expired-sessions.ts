/**
 * Closes sessions at TeamViewer once their validity has passed, for organisations whose admins
 * asked for it on /settings/sessions (issue 24, "Expiry and clean-up";
 * docs/adr/0052-closing-expired-sessions.md). TeamViewer keeps an expired session open until
 * someone closes it, so without this it lingers in the supporter's TeamViewer list.
 *
 * Each session is closed as any close is (close-support-session.ts): TeamViewer first, then our
 * record, with `session.closed` and an audit entry whose actor is Attendant itself. Its
 * `session.expired` is recorded first (once per session, so the webhook dispatcher's sweep adds
 * no second one), so its time is never later than the close's and receivers that order by the
 * events' times read that it expired before it closed.
 *
 * A close TeamViewer refuses (the owner's connection lapsed, a timeout) is logged and tried
 * again at the next sweep, for as long as the expiry is within the look-back.
 */
import { pagesOfSessionsExpiredBetween } from "../db/repositories/support-sessions.js";
import { transaction } from "../db/transaction.js";
import { recordSessionExpired } from "../events/session-events.js";
import { closeSupportSession } from "./close-support-session.js";
import type { SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";

/** Older expiries are left alone: a week of failed closes means nobody can close them. */
export const expiredCloseLookBackMs = 7 * 24 * 3600_000;

/** Sessions read per query; the sweep pages through all of them. */
const pageSize = 100;

/** The audit log's name for the clean-up. */
export const expiryActorLabel = "attendant:expiry";

export interface ExpiredCloseSummary {
  closed: number;
  /** TeamViewer refused or could not be reached; tried again at the next sweep. */
  failed: number;
}

export async function closeExpiredSessions(deps: SessionDeps): Promise<ExpiredCloseSummary> {
  const now = deps.clock.now();
  const summary: ExpiredCloseSummary = { closed: 0, failed: 0 };
  const pages = pagesOfSessionsExpiredBetween(deps.database.db, {
    from: new Date(now.getTime() - expiredCloseLookBackMs),
    to: now,
    limit: pageSize,
    onlyWhereClosedAtTeamViewer: true,
  });
  for await (const sessions of pages) {
    for (const session of sessions) {
      await transaction(deps.database.db, (tx) => recordSessionExpired(tx, session, now));
      try {
        await closeSupportSession(deps, {
          actor: expiryActor(session.organisationId),
          sessionId: session.id,
        });
        summary.closed += 1;
      } catch (error) {
        deps.logger.warn(
          { err: error, sessionId: session.id, code: session.code },
          "could not close an expired session at TeamViewer; trying again at the next sweep",
        );
        summary.failed += 1;
      }
    }
  }
  return summary;
}

/** Acts for the whole organisation, as the helpdesk's ticket watch does. */
function expiryActor(organisationId: string): SessionActor {
  return { organisationId, userId: null, role: "admin", label: expiryActorLabel, ip: null, userAgent: null };
}
