/**
 * The ticket widget's routes (issue 23, docs/adr/0039-embedded-widget-transport.md):
 *
 *   GET  /embed/widget/:integrationId          the shell (no sign-in: it holds nothing of the user)
 *   GET  /embed/panel                          the panel for the asserted ticket (?live=1: only what changes live)
 *   GET  /embed/stream                         server-sent events: `panel` when the ticket's sessions changed
 *   POST /embed/actions/start                  start a remote session for the ticket
 *   POST /embed/actions/sessions/:id/invite | join-address | close
 *   POST /embed/actions/connect                a one-time address for the "Connect TeamViewer" popup
 *
 * Everything but the shell sits behind `guard`, which resolves the `X-Attendant-Embed` header to
 * the user, their sign-in and the asserted ticket (embed-env.ts) and refuses requests without it.
 * Actions answer with the panel again, with the outcome or the problem and what was typed kept.
 * Who may do what is the session use cases' decision, as on the session page; the asserted
 * ticket only narrows the panel to that ticket.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../http/app-deps.js";
import { createTranslator, negotiateLocale, type Translator } from "../../i18n/index.js";
import type { InvitationDeps } from "../../invitations/invitation-deps.js";
import { InvitationError } from "../../invitations/invitation-error.js";
import { invitationNotice } from "../../invitations/invitation-notice.js";
import { issueJoinAddress } from "../../invitations/issue-join-address.js";
import { sendSessionInvitation } from "../../invitations/send-invitation.js";
import type { DeskWatch } from "../../live/desk-watch.js";
import { followDesk } from "../../live/follow-desk.js";
import type { StreamSlots } from "../../live/stream-slots.js";
import { closeSupportSession } from "../../sessions/close-support-session.js";
import { createSupportSession } from "../../sessions/create-support-session.js";
import {
  closeSessionSchema,
  inviteSchema,
  isUuid,
  newSessionSchema,
} from "../../sessions/pages/session-form-schemas.js";
import {
  isSessionProblem,
  type SessionProblem,
  statusOfProblem,
} from "../../sessions/pages/session-problem.js";
import { webActorOf } from "../../sessions/pages/web-actor.js";
import { SupportSessionError } from "../../sessions/support-session-error.js";
import { type FieldErrors, type FormValues, readForm } from "../../web/forms.js";
import { issueConnectPopupLink } from "../connect-from-widget.js";
import type { EmbedEnv } from "../embed-env.js";
import { loadTicketPanel } from "../load-ticket-panel.js";
import { assertSessionOfTicket } from "../session-of-ticket.js";
import { loadTicketSnapshot } from "../ticket-snapshot.js";
import { embedActionPath, embedPanelPath, embedStreamPath, embedWidgetPath } from "./embed-paths.js";
import { type SessionFormState, TicketPanelFragment } from "./ticket-panel.js";
import { WidgetShell } from "./widget-shell.js";

export interface EmbedWidgetDeps extends InvitationDeps {
  deskWatch: DeskWatch;
  streamSlots: StreamSlots;
  maxStreamsPerUser: number;
}

type EmbedContext = Context<EmbedEnv>;

/** The start form: the ticket comes from the host's assertion, the rest as on "New session". */
const startSchema = newSessionSchema.pick({
  description: true,
  waitingMessage: true,
  group: true,
  smsInviteNumber: true,
  attempt: true,
});

interface PanelExtras {
  status?: ContentfulStatusCode;
  notice?: string;
  problem?: SessionProblem;
  start?: { values: FormValues; errors: FieldErrors };
  session?: SessionFormState;
  connectPopupUrl?: string;
}

export function createEmbedWidgetRoutes(
  deps: EmbedWidgetDeps,
  guard: MiddlewareHandler<EmbedEnv>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(embedWidgetPath(":integrationId"), (c) => {
    if (!isUuid(c.req.param("integrationId") ?? "")) return c.notFound();
    return c.html(`<!doctype html>${String(<WidgetShell t={c.get("t")} />)}`);
  });

  const routes = new Hono<EmbedEnv>();
  routes.use(embedPanelPath, guard);
  routes.use(embedStreamPath, guard);
  routes.use(embedActionPath("*"), guard);

  routes.get(embedPanelPath, (c) => renderPanel(c, {}, { isLiveOnly: c.req.query("live") === "1" }));

  routes.post(embedActionPath("start"), async (c) => {
    const form = await readForm(c, startSchema);
    if (!form.isValid)
      return renderPanel(c, { status: 422, start: { values: form.values, errors: form.errors } });
    const { data } = form;
    const { ticket } = c.get("embed");
    try {
      await createSupportSession(deps, {
        actor: webActorOf(c),
        ticket,
        description: data.description,
        waitingMessage: data.waitingMessage,
        group: data.group,
        smsInviteNumber: data.smsInviteNumber,
        repeatOfAttempt: data.attempt,
      });
      const notice =
        data.smsInviteNumber === undefined
          ? "sessionPages.notice.created"
          : "sessionPages.notice.createdWithSms";
      return renderPanel(c, { status: 201, notice: translatorOf(c).t(notice) });
    } catch (error) {
      if (!(error instanceof SupportSessionError)) throw error;
      // A failure that may have opened the session keeps its attempt: pressing Start again adopts it (ADR 0033).
      const values =
        error.attemptId === undefined ? form.values : { ...form.values, attempt: error.attemptId };
      return renderPanel(c, {
        status: statusOfProblem(error),
        problem: error,
        start: { values, errors: {} },
      });
    }
  });

  routes.post(embedActionPath("connect"), async (c) => {
    const url = await issueConnectPopupLink(
      { db: deps.database.db, clock: deps.clock, publicUrl: deps.config.publicUrl },
      c.get("user").id,
    );
    return renderPanel(c, { connectPopupUrl: url });
  });

  /** A POST on one session of the asserted ticket; a use-case failure re-renders the panel with its message. */
  const sessionAction = (name: string, run: (c: EmbedContext, sessionId: string) => Promise<Response>) =>
    routes.post(embedActionPath(`sessions/:id/${name}`), async (c) => {
      // The path is built from embedActionPath, so Hono cannot type the parameter as present.
      const sessionId = c.req.param("id") ?? "";
      try {
        if (!isUuid(sessionId)) throw new SupportSessionError("session-not-found");
        await assertSessionOfTicket(deps, { actor: webActorOf(c), sessionId, ticket: c.get("embed").ticket });
        return await run(c, sessionId);
      } catch (error) {
        if (!isSessionProblem(error)) throw error;
        return renderPanel(c, { status: statusOfProblem(error), problem: error });
      }
    });

  sessionAction("join-address", async (c, sessionId) => {
    const { url } = await issueJoinAddress(deps, { actor: webActorOf(c), sessionId });
    return renderPanel(c, { session: { sessionId, joinUrl: url } });
  });

  sessionAction("invite", async (c, sessionId) => {
    const form = await readForm(c, inviteSchema);
    if (!form.isValid) {
      // A missing or garbled request id is not the agent's typing: a fresh form is what fixes it.
      const { requestId: outdated, ...errors } = form.errors;
      const { requestId: _, ...values } = form.values;
      return renderPanel(c, {
        status: 422,
        ...(outdated === undefined ? {} : { problem: new InvitationError("form-outdated") }),
        session: { sessionId, invite: { values, errors } },
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
      return renderPanel(c, {
        notice: invitationNotice(translatorOf(c), sent),
        ...(sent.joinUrl === undefined ? {} : { session: { sessionId, joinUrl: sent.joinUrl } }),
      });
    } catch (error) {
      if (!isSessionProblem(error)) throw error;
      // Keep what was typed, so a retry is one click; that retry is a new request.
      const { requestId: _, ...values } = form.values;
      return renderPanel(c, {
        status: statusOfProblem(error),
        problem: error,
        session: { sessionId, invite: { values, errors: {} } },
      });
    }
  });

  sessionAction("close", async (c, sessionId) => {
    const form = await readForm(c, closeSessionSchema);
    if (!form.isValid) return renderPanel(c, { session: { sessionId, isConfirmingClose: true } });
    await closeSupportSession(deps, { actor: webActorOf(c), sessionId });
    return renderPanel(c, { notice: translatorOf(c).t("sessionPages.notice.closed") });
  });

  /** Authorised like the panel; carries only `TicketSnapshot`s, never a link or ticket text. */
  routes.get(embedStreamPath, async (c) => {
    const actor = webActorOf(c);
    const { externalId } = c.get("embed").ticket;
    const first = JSON.stringify(await loadTicketSnapshot(deps, actor, externalId));
    const release = deps.streamSlots.claim(c.get("user").id);
    if (release === undefined) {
      c.header("Retry-After", "60");
      return c.text(translatorOf(c).t("liveDesk.stream.tooMany", { max: deps.maxStreamsPerUser }), 429);
    }
    return streamSSE(c, (stream) =>
      followDesk(stream, {
        deskWatch: deps.deskWatch,
        organisationId: actor.organisationId,
        webSessionId: c.get("session").id,
        event: "panel",
        first,
        snapshot: async () => JSON.stringify(await loadTicketSnapshot(deps, actor, externalId)),
        release,
      }),
    );
  });

  async function renderPanel(
    c: EmbedContext,
    extras: PanelExtras,
    options: { isLiveOnly: boolean } = { isLiveOnly: false },
  ): Promise<Response> {
    const embed = c.get("embed");
    const panel = await loadTicketPanel(deps, {
      actor: webActorOf(c),
      ticket: embed.ticket,
      withStartChoices: !options.isLiveOnly,
    });
    // The panel carries credentials (supporter links, a fresh join address): never cached.
    c.header("Cache-Control", "no-store");
    return c.html(
      <TicketPanelFragment
        t={translatorOf(c)}
        view={{
          ticket: embed.ticket,
          theme: embed.theme,
          panel,
          mailKind: deps.mail.kind,
          notice: extras.notice,
          problem: extras.problem,
          start: extras.start ?? { values: {}, errors: {} },
          session: extras.session,
          connectPopupUrl: extras.connectPopupUrl,
          now: deps.clock.now(),
        }}
      />,
      extras.status ?? 200,
    );
  }

  app.route("/", routes);
  return app;
}

/** The host's language when it told us one, else the agent's own setting, else the browser's. */
function translatorOf(c: EmbedContext): Translator {
  return createTranslator(
    negotiateLocale({
      explicit: [c.get("embed").locale, c.get("user").locale],
      acceptLanguage: c.req.header("accept-language"),
    }),
    c.get("user").timeZone,
  );
}
