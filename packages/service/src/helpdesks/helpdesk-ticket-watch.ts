/**
 * From the helpdesk back to Attendant (issue 22): a ticket resolved or closed in the helpdesk
 * closes its open sessions here and at TeamViewer, as `POST /api/v1/tickets/{id}/close` with
 * `closeOpenSessions` would. Every minute, per organisation with a helpdesk connection, one
 * helpdesk search for those of our open tickets that still have an open session (at most
 * `maxTicketsPerPass`, oldest first): the cost is bounded by our open sessions, not by the
 * helpdesk's traffic, and an organisation with none costs no call at all.
 *
 * Every instance may run it: closing a closed ticket or session changes nothing.
 */
import {
  findHelpdeskConnection,
  listOpenTicketsWithOpenSessions,
  listOrganisationsWithHelpdesk,
} from "../db/repositories/helpdesk-connections.js";
import { type IntervalTimers, systemIntervalTimers } from "../jobs/interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "../jobs/periodic-job.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { closeTicket } from "../tickets/close-ticket.js";
import { connectorFor } from "./connectors.js";
import { HelpdeskError } from "./helpdesk-error.js";

/** One search names this many tickets at most. */
const maxTicketsPerPass = 100;

export interface TicketWatchSummary {
  /** External ids of the tickets closed because the helpdesk closed them. */
  closedTickets: string[];
  /** Organisations whose helpdesk could not be asked this time (tried again next pass). */
  unreachable: number;
}

export type HelpdeskTicketWatch = PeriodicJob<TicketWatchSummary>;

export function createHelpdeskTicketWatch(config: {
  deps: SessionDeps;
  tickMs?: number;
  timers?: IntervalTimers;
}): HelpdeskTicketWatch {
  const { deps } = config;
  async function runTick(): Promise<TicketWatchSummary> {
    const summary: TicketWatchSummary = { closedTickets: [], unreachable: 0 };
    for (const organisationId of await listOrganisationsWithHelpdesk(deps.database.db)) {
      const open = await listOpenTicketsWithOpenSessions(deps.database.db, organisationId, maxTicketsPerPass);
      if (open.length === 0) continue;
      const connection = await findHelpdeskConnection(deps.database.db, deps.vault, organisationId);
      if (connection === undefined) continue;
      let closed: string[];
      try {
        closed = await connectorFor(connection).findClosedTickets(open);
      } catch (error) {
        if (!(error instanceof HelpdeskError)) throw error;
        deps.logger.warn(
          { err: error, organisationId },
          "could not ask the helpdesk which tickets are closed",
        );
        summary.unreachable += 1;
        continue;
      }
      for (const externalId of closed) {
        await closeTicket(deps, {
          actor: helpdeskActor(organisationId, connection.kind),
          externalId,
          closeOpenSessions: true,
        });
        summary.closedTickets.push(externalId);
      }
    }
    return summary;
  }
  return createPeriodicJob({
    name: "helpdesk ticket watch",
    tickMs: config.tickMs ?? 60_000,
    timers: config.timers ?? systemIntervalTimers,
    logger: deps.logger,
    runTick,
  });
}

/** The helpdesk acts for the whole organisation, as an organisation-wide API key does. */
function helpdeskActor(organisationId: string, kind: string): SessionActor {
  return {
    organisationId,
    userId: null,
    role: "admin",
    label: `helpdesk:${kind}`,
    ip: null,
    userAgent: null,
  };
}
