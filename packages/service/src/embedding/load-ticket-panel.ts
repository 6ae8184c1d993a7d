/**
 * What the ticket widget's panel shows for the ticket the host asserted (issue 23): the ticket's
 * sessions this user may see, with the supporter links only where the session page would show
 * them (src/sessions/pages/session-routes.tsx), whether each session has a join page address, the
 * ticket's connection reports, and for "Start remote session" the user's TeamViewer groups (the
 * first one prefilled, as the "New session" form does) or the TeamViewer problem that stops them,
 * and the organisation's brand (name, logo, accent colour) for its header.
 * Every rule is the existing use cases': the asserted ticket never widens what the user may see.
 */
import { type Brand, loadBrand } from "../brand/organisation-brand.js";
import { hasJoinLink } from "../db/repositories/join-links.js";
import type { ListedConnectionReport } from "../reports/list-connection-reports.js";
import { revealSupporterLinks } from "../sessions/get-support-session.js";
import {
  canChangeSession,
  canCreateSessions,
  canSeeSupporterLinks,
  type SessionActor,
} from "../sessions/session-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { SupporterLinks, SupportSession } from "../sessions/support-session-view.js";
import { toSupportSessionError } from "../sessions/teamviewer-failures.js";
import type { EmbedTicketContext } from "./embed-env.js";
import { listTicketReports, listTicketSessions } from "./ticket-history.js";

export interface PanelSession {
  session: SupportSession;
  /** Present only for the assigned supporter and admins, while the customer can still join. */
  supporterLinks: SupporterLinks | undefined;
  canChange: boolean;
  hasJoinLink: boolean;
}

export interface StartChoices {
  /** The user's TeamViewer groups, when TeamViewer could tell. */
  groups: { id: string; name: string }[];
  /** Why no session can be started right now (not connected, no app configured, …). */
  problem: SupportSessionError | undefined;
}

export interface TicketPanel {
  sessions: PanelSession[];
  reports: ListedConnectionReport[];
  canCreate: boolean;
  /** Absent when the caller asked only for what changes live (no TeamViewer call then). */
  start: StartChoices | undefined;
  /** The organisation's brand for the panel's header, as the join page shows it. */
  brand: Brand | undefined;
}

export async function loadTicketPanel(
  deps: SessionDeps,
  options: { actor: SessionActor; ticket: EmbedTicketContext["ticket"]; withStartChoices: boolean },
): Promise<TicketPanel> {
  const { actor, ticket } = options;
  const canCreate = canCreateSessions(actor);
  const [sessions, reports, start, brand] = await Promise.all([
    listPanelSessions(deps, actor, ticket.externalId),
    listTicketReports(deps, actor, ticket.externalId),
    options.withStartChoices && canCreate ? loadStartChoices(deps, actor) : undefined,
    loadBrand(deps.database.db, actor.organisationId),
  ]);
  return { sessions, reports, canCreate, start, brand };
}

async function listPanelSessions(
  deps: SessionDeps,
  actor: SessionActor,
  externalId: string,
): Promise<PanelSession[]> {
  const sessions = await listTicketSessions(deps, actor, externalId);
  return Promise.all(
    sessions.map(async (session) => {
      const ownership = { organisationId: actor.organisationId, assignedUserId: session.assignedUserId };
      const isJoinable = session.status === "waiting" || session.status === "customer-online";
      const [supporterLinks, joinLinkExists] = await Promise.all([
        canSeeSupporterLinks(actor, ownership) && isJoinable
          ? revealSupporterLinks(deps, { actor, sessionId: session.id })
          : undefined,
        hasJoinLink(deps.database.db, session.id),
      ]);
      return {
        session,
        supporterLinks,
        canChange: canChangeSession(actor, ownership),
        hasJoinLink: joinLinkExists,
      };
    }),
  );
}

async function loadStartChoices(deps: SessionDeps, actor: SessionActor): Promise<StartChoices> {
  if (actor.userId === null) return { groups: [], problem: new SupportSessionError("supporter-required") };
  try {
    const client = await deps.teamViewer.createTeamViewerClientFor({
      userId: actor.userId,
      organisationId: actor.organisationId,
    });
    const page = await client.groups.list();
    return {
      groups: page.items.flatMap((group) => (group.name ? [{ id: group.id, name: group.name }] : [])),
      problem: undefined,
    };
  } catch (error) {
    return { groups: [], problem: toSupportSessionError(error) };
  }
}
