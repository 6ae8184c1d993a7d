/**
 * What the widget's event stream compares between two looks (issue 23): the statuses of the
 * ticket's sessions this user may see and how many connection reports the ticket has. Like the
 * live desk's snapshots (src/live/desk-snapshot.ts) it carries no supporter link and no ticket
 * text: a change only tells the widget to fetch its panel again through the authorised route.
 */
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import type { SupportSessionStatus } from "../sessions/support-session-view.js";
import { listTicketReports, listTicketSessions } from "./ticket-history.js";

export interface TicketSnapshot {
  sessions: { id: string; status: SupportSessionStatus; customerWaitingSince: string | null }[];
  reportCount: number;
}

export async function loadTicketSnapshot(
  deps: SessionDeps,
  actor: SessionActor,
  externalId: string,
): Promise<TicketSnapshot> {
  const [sessions, reports] = await Promise.all([
    listTicketSessions(deps, actor, externalId),
    listTicketReports(deps, actor, externalId),
  ]);
  return {
    sessions: sessions.map((session) => ({
      id: session.id,
      status: session.status,
      customerWaitingSince: session.customerWaitingSince?.toISOString() ?? null,
    })),
    reportCount: reports.length,
  };
}
