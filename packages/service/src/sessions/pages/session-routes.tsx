/**
 * The supporters' pages for support sessions (issue 5, "Supporter view" and "Lists"):
 *
 *   GET  /sessions                      lists: ?scope=mine|organisation, ?ticket=, ?state=, ?from=, ?to=, ?cursor=
 *   GET  /sessions/new, POST            the "New session" form
 *   GET  /sessions/:id                  one session (supporter links for the assignee and admins)
 *   POST /sessions/:id/refresh | close | edit | reassign  (close without `confirm=yes` asks first)
 *   POST /sessions/:id/join-address     a new join page address, shown once
 *   POST /sessions/:id/invitations      invite by e-mail
 *   POST /sessions/:id/invitations/:invitationId/resend
 *
 * Plus the "Sessions" navigation entry and the "Your open sessions" home card. Who may do what
 * is decided by the use cases in src/sessions/; failures come back as their translated message.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { organisationLocale } from "../../brand/organisation-brand.js";
import { listConnectedColleagues } from "../../db/repositories/colleagues.js";
import { hasJoinLink } from "../../db/repositories/join-links.js";
import { listSessionInvitations } from "../../db/repositories/session-invitations.js";
import { findTicketByExternalId } from "../../db/repositories/tickets.js";
import { listUsers } from "../../db/repositories/users.js";
import {
  completeTicketFromHelpdesk,
  HelpdeskTicketError,
  readsTicketsFromHelpdesk,
} from "../../helpdesks/complete-ticket.js";
import type { AppEnv } from "../../http/app-deps.js";
import type { MessageKey } from "../../i18n/index.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import { requireRole, requireUser } from "../../identity/require-user.js";
import type { InvitationDeps } from "../../invitations/invitation-deps.js";
import { InvitationError } from "../../invitations/invitation-error.js";
import { invitationNotice } from "../../invitations/invitation-notice.js";
import { issueJoinAddress } from "../../invitations/issue-join-address.js";
import { resendSessionInvitation } from "../../invitations/resend-invitation.js";
import { type SentInvitation, sendSessionInvitation } from "../../invitations/send-invitation.js";
import { liveDeskStreamFor } from "../../live/live-routes.js";
import { listTicketConnections } from "../../reports/list-connection-reports.js";
import { describeExistingTicket } from "../../tickets/existing-ticket.js";
import { renderNotFound } from "../../web/error-pages.js";
import { type FieldErrors, type FormValues, readForm } from "../../web/forms.js";
import type { WebExtensions } from "../../web/web-extensions.js";
import { closeSupportSession } from "../close-support-session.js";
import { createSupportSession, type TicketReference } from "../create-support-session.js";
import { getSupportSession, revealSupporterLinks } from "../get-support-session.js";
import { reassignSupportSession } from "../reassign-support-session.js";
import { refreshSupportSessionStatus } from "../refresh-support-session-status.js";
import { canChangeSession, canSeeSupporterLinks, canViewSession } from "../session-actor.js";
import { SupportSessionError } from "../support-session-error.js";
import { toSupportSessionError } from "../teamviewer-failures.js";
import { updateSupportSession } from "../update-support-session.js";
import { CloseConfirmationPage } from "./close-confirmation-page.js";
import { helpdeskTicketFormErrors } from "./helpdesk-ticket-form-error.js";
import { NewSessionPage, type NewSessionView, newSessionPath } from "./new-session-page.js";
import { loadOpenSessionsCard, OpenSessionsCard } from "./open-sessions-card.js";
import {
  closeSessionSchema,
  editSessionSchema,
  inviteSchema,
  isUuid,
  newSessionSchema,
  reassignSchema,
  resendSchema,
} from "./session-form-schemas.js";
import { loadSessionList } from "./session-list.js";
import { SessionListPage } from "./session-list-page.js";
import { SessionPage, sessionPath } from "./session-page.js";
import { isSessionProblem, type SessionProblem, statusOfProblem } from "./session-problem.js";
import { webActorOf } from "./web-actor.js";

export interface SessionPageDeps extends InvitationDeps {
  web: WebExtensions;
}

type SignedInContext = Context<SignedInEnv>;

/** `?notice=` outcomes after a redirect; only these names are honoured. */
const notices: Record<string, MessageKey> = {
  created: "sessionPages.notice.created",
  "created-sms": "sessionPages.notice.createdWithSms",
  refreshed: "sessionPages.notice.refreshed",
  closed: "sessionPages.notice.closed",
  updated: "sessionPages.notice.updated",
  reassigned: "sessionPages.notice.reassigned",
};

interface PageExtras {
  status?: ContentfulStatusCode;
  notice?: string;
  problem?: SessionProblem;
  joinUrl?: string;
  edit?: { values: FormValues; errors: FieldErrors };
  invite?: { values: FormValues; errors: FieldErrors };
}

export function createSessionPageRoutes(deps: SessionPageDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: "/sessions", label: "nav.sessions" });
  deps.web.addHomeCard({
    id: "open-sessions",
    roles: ["admin", "supporter"],
    render: async (c) => (
      <OpenSessionsCard t={c.get("t")} view={await loadOpenSessionsCard(deps, webActorOf(c))} />
    ),
  });

  const routes = new Hono<SignedInEnv>();

  routes.get("/sessions", requireUser, async (c) => {
    const t = c.get("t");
    const { view, isValid } = await loadSessionList(deps, webActorOf(c), c.req.query(), t);
    if (!isValid) c.status(400);
    const url = new URL(c.req.url);
    return c.render(<SessionListPage t={t} view={view} />, {
      title: view.title,
      live: { stream: liveDeskStreamFor(), page: `${url.pathname}${url.search}` },
    });
  });

  routes.get(newSessionPath, requireRole("admin", "supporter"), async (c) => {
    const query = c.req.query();
    const values: FormValues = { validityHours: "24" };
    for (const name of ["externalId", "title", "url", "requesterName", "requesterEmail"] as const) {
      const value = name === "externalId" ? (query.ticket ?? query.externalId) : query[name];
      if (value !== undefined) values[name] = value;
    }
    return renderNewSession(c, { values, errors: {}, problem: undefined });
  });

  routes.post(newSessionPath, requireRole("admin", "supporter"), async (c) => {
    const form = await readForm(c, newSessionSchema);
    if (!form.isValid) {
      c.status(422);
      return renderNewSession(c, { values: form.values, errors: form.errors, problem: undefined });
    }
    const { data } = form;
    const actor = webActorOf(c);
    let ticket: TicketReference;
    try {
      ticket = await completeTicketFromHelpdesk(deps, actor.organisationId, {
        externalId: data.externalId,
        title: data.title,
        url: data.url,
        requesterName: data.requesterName,
        requesterEmail: data.requesterEmail,
      });
    } catch (error) {
      if (!(error instanceof HelpdeskTicketError)) throw error;
      const { errors, status } = helpdeskTicketFormErrors[error.reason];
      c.status(status);
      return renderNewSession(c, { values: form.values, errors, problem: undefined });
    }
    try {
      const created = await createSupportSession(deps, {
        actor,
        ticket,
        description: data.description,
        waitingMessage: data.waitingMessage,
        validUntil: new Date(deps.clock.now().getTime() + data.validityHours * 3600 * 1000),
        group: data.group,
        smsInviteNumber: data.smsInviteNumber,
        repeatOfAttempt: data.attempt,
      });
      const notice = data.smsInviteNumber === undefined ? "created" : "created-sms";
      return c.redirect(`${sessionPath(created.session.id)}?notice=${notice}`, 303);
    } catch (error) {
      if (!(error instanceof SupportSessionError)) throw error;
      c.status(statusOfProblem(error));
      const values =
        error.attemptId === undefined ? form.values : { ...form.values, attempt: error.attemptId };
      return renderNewSession(c, { values, errors: {}, problem: error });
    }
  });

  routes.get("/sessions/:id", requireUser, async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return renderNotFound(c);
    const notice = notices[c.req.query("notice") ?? ""];
    return renderSessionPage(c, id, notice === undefined ? {} : { notice: c.get("t").t(notice) });
  });

  /** A POST on one session: unknown ids are 404; a use-case failure re-renders the page with its message. */
  const sessionAction = (path: string, run: (c: SignedInContext, sessionId: string) => Promise<Response>) =>
    routes.post(`/sessions/:id/${path}`, requireUser, async (c) => {
      const id = c.req.param("id");
      if (!isUuid(id)) return renderNotFound(c);
      try {
        return await run(c, id);
      } catch (error) {
        if (!isSessionProblem(error)) throw error;
        return renderSessionPage(c, id, { problem: error, status: statusOfProblem(error) });
      }
    });

  sessionAction("refresh", async (c, sessionId) => {
    await refreshSupportSessionStatus(deps, { actor: webActorOf(c), sessionId });
    return c.redirect(`${sessionPath(sessionId)}?notice=refreshed`, 303);
  });

  sessionAction("close", async (c, sessionId) => {
    const form = await readForm(c, closeSessionSchema);
    if (!form.isValid) return renderCloseConfirmation(c, sessionId);
    await closeSupportSession(deps, { actor: webActorOf(c), sessionId });
    return c.redirect(`${sessionPath(sessionId)}?notice=closed`, 303);
  });

  sessionAction("edit", async (c, sessionId) => {
    const form = await readForm(c, editSessionSchema);
    if (!form.isValid) {
      return renderSessionPage(c, sessionId, {
        status: 422,
        edit: { values: form.values, errors: form.errors },
      });
    }
    await updateSupportSession(deps, { actor: webActorOf(c), sessionId, changes: form.data });
    return c.redirect(`${sessionPath(sessionId)}?notice=updated`, 303);
  });

  sessionAction("reassign", async (c, sessionId) => {
    const form = await readForm(c, reassignSchema);
    if (!form.isValid) return renderSessionPage(c, sessionId, { status: 422 });
    const actor = webActorOf(c);
    const session = await reassignSupportSession(deps, {
      actor,
      sessionId,
      assigneeUserId: form.data.assigneeUserId,
    });
    // A supporter who handed the session on no longer sees it.
    return canViewSession(actor, {
      organisationId: actor.organisationId,
      assignedUserId: session.assignedUserId,
    })
      ? c.redirect(`${sessionPath(sessionId)}?notice=reassigned`, 303)
      : c.redirect("/sessions", 303);
  });

  sessionAction("join-address", async (c, sessionId) => {
    const { url } = await issueJoinAddress(deps, { actor: webActorOf(c), sessionId });
    return renderSessionPage(c, sessionId, { joinUrl: url });
  });

  sessionAction("invitations", async (c, sessionId) => {
    const form = await readForm(c, inviteSchema);
    if (!form.isValid) {
      // A missing or garbled request id is not the user's typing: a fresh form is what fixes it.
      const { requestId: outdated, ...errors } = form.errors;
      const { requestId: _, ...values } = form.values;
      return renderSessionPage(c, sessionId, {
        status: 422,
        ...(outdated === undefined ? {} : { problem: new InvitationError("form-outdated") }),
        invite: { values, errors },
      });
    }
    const { email, name, locale, requestId } = form.data;
    try {
      const sent = await sendSessionInvitation(deps, {
        actor: webActorOf(c),
        sessionId,
        recipient: { email, name, locale },
        requestId,
      });
      return renderSessionPage(c, sessionId, invitationOutcome(c, sent));
    } catch (error) {
      if (!isSessionProblem(error)) throw error;
      // Keep what was typed, so a retry is one click; that retry is a new request.
      const { requestId: _, ...values } = form.values;
      return renderSessionPage(c, sessionId, {
        problem: error,
        status: statusOfProblem(error),
        invite: { values, errors: {} },
      });
    }
  });

  routes.post("/sessions/:id/invitations/:invitationId/resend", requireUser, async (c) => {
    const id = c.req.param("id");
    const invitationId = c.req.param("invitationId");
    if (!isUuid(id) || !isUuid(invitationId)) return renderNotFound(c);
    const form = await readForm(c, resendSchema);
    if (!form.isValid) {
      return renderSessionPage(c, id, { problem: new InvitationError("form-outdated"), status: 422 });
    }
    try {
      const sent = await resendSessionInvitation(deps, {
        actor: webActorOf(c),
        sessionId: id,
        invitationId,
        requestId: form.data.requestId,
      });
      return renderSessionPage(c, id, invitationOutcome(c, sent));
    } catch (error) {
      if (!isSessionProblem(error)) throw error;
      return renderSessionPage(c, id, { problem: error, status: statusOfProblem(error) });
    }
  });

  function invitationOutcome(c: SignedInContext, sent: SentInvitation): PageExtras {
    const notice = invitationNotice(c.get("t"), sent);
    return { notice, ...(sent.joinUrl === undefined ? {} : { joinUrl: sent.joinUrl }) };
  }

  async function renderNewSession(
    c: SignedInContext,
    form: Omit<NewSessionView, "groups" | "isAdmin" | "readsTicketFromHelpdesk" | "existingTicket">,
  ) {
    const t = c.get("t");
    const user = c.get("user");
    const externalId = form.values.externalId?.trim() ?? "";
    const [{ groups, problem }, readsTicketFromHelpdesk, existingTicket] = await Promise.all([
      loadGroups(user),
      readsTicketsFromHelpdesk(deps, user.organisationId),
      externalId === "" ? undefined : describeExistingTicket(deps, webActorOf(c), externalId),
    ]);
    return c.render(
      <NewSessionPage
        t={t}
        view={{
          ...form,
          problem: form.problem ?? problem,
          groups,
          isAdmin: user.role === "admin",
          readsTicketFromHelpdesk,
          existingTicket,
        }}
      />,
      { title: t.t("sessionPages.new.title") },
    );
  }

  /** The picker's groups; a TeamViewer problem is shown up front, before anything is typed. */
  async function loadGroups(user: {
    id: string;
    organisationId: string;
  }): Promise<{ groups: { id: string; name: string }[]; problem?: SupportSessionError }> {
    try {
      const client = await deps.teamViewer.createTeamViewerClientFor({
        userId: user.id,
        organisationId: user.organisationId,
      });
      const page = await client.groups.list();
      return {
        groups: page.items.flatMap((group) => (group.name ? [{ id: group.id, name: group.name }] : [])),
      };
    } catch (error) {
      return { groups: [], problem: toSupportSessionError(error) };
    }
  }

  async function renderSessionPage(c: SignedInContext, sessionId: string, extras: PageExtras) {
    const t = c.get("t");
    const actor = webActorOf(c);
    let session: Awaited<ReturnType<typeof getSupportSession>>;
    try {
      session = await getSupportSession(deps, { actor, sessionId });
    } catch (error) {
      if (error instanceof SupportSessionError && error.reason === "session-not-found")
        return renderNotFound(c);
      throw error;
    }
    const ownership = { organisationId: actor.organisationId, assignedUserId: session.assignedUserId };
    const canChange = canChangeSession(actor, ownership);
    const isJoinable = session.status === "waiting" || session.status === "customer-online";
    const [supporterLinks, users, colleagues, invitations, joinLinkExists] = await Promise.all([
      canSeeSupporterLinks(actor, ownership) && isJoinable
        ? revealSupporterLinks(deps, { actor, sessionId })
        : undefined,
      listUsers(deps.database.db, actor.organisationId),
      canChange ? listConnectedColleagues(deps.database.db, actor.organisationId) : [],
      listSessionInvitations(deps.database.db, sessionId),
      hasJoinLink(deps.database.db, sessionId),
    ]);
    const assigned = users.find((user) => user.id === session.assignedUserId);
    const ticketDefaults = await ticketRequesterOf(session.ticket.externalId, actor.organisationId);
    const connections = await listTicketConnections(deps, {
      actor,
      ticketExternalId: session.ticket.externalId,
    });
    // The page carries credentials (supporter links, a fresh join address): never cached, never
    // sent onward as a referrer.
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    if (extras.status !== undefined) c.status(extras.status);
    return c.render(
      <SessionPage
        t={t}
        view={{
          session,
          assignedName: assigned === undefined ? "—" : assigned.displayName || assigned.email,
          supporterLinks,
          canChange,
          isAdmin: actor.role === "admin",
          colleagues,
          notice: extras.notice,
          problem: extras.problem,
          edit: extras.edit ?? { values: {}, errors: {} },
          connections,
          joinUrl: extras.joinUrl,
          hasJoinLink: joinLinkExists,
          mailKind: deps.mail.kind,
          invitations,
          invite: extras.invite ?? { values: ticketDefaults, errors: {} },
          now: deps.clock.now(),
        }}
      />,
      {
        title: t.t("sessionPages.session.title", { title: session.ticket.title }),
        live: { stream: liveDeskStreamFor(session.id), page: sessionPath(session.id) },
      },
    );
  }

  async function renderCloseConfirmation(c: SignedInContext, sessionId: string) {
    const t = c.get("t");
    const session = await getSupportSession(deps, { actor: webActorOf(c), sessionId });
    c.header("Cache-Control", "no-store");
    return c.render(<CloseConfirmationPage t={t} session={session} />, {
      title: t.t("sessionPages.closeConfirm.title"),
    });
  }

  /** The invitation form's defaults; tickets know no requester language, so the organisation's. */
  async function ticketRequesterOf(externalId: string, organisationId: string): Promise<FormValues> {
    const [ticket, locale] = await Promise.all([
      findTicketByExternalId(deps.database.db, organisationId, externalId),
      organisationLocale(deps.database.db, organisationId),
    ]);
    return {
      ...(ticket?.requesterEmail ? { email: ticket.requesterEmail } : {}),
      ...(ticket?.requesterName ? { name: ticket.requesterName } : {}),
      locale,
    };
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
