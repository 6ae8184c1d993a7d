/**
 * The live desk in the supporters' pages (issue 24):
 *
 *   GET /live/desk           a server-sent event stream for Home and /sessions (the queue)
 *   GET /live/sessions/:id   the same for one session's page (the queue and that session)
 *
 * plus the "Customers waiting" home card and its count badge in the navigation. A stream is
 * authorised like the page it serves, by the same guard (the browser session cookie, else the
 * login page; supporters see their own sessions, admins and auditors the organisation's) and carries only `DeskSnapshot`s: which
 * sessions have a waiting customer, and for a session page that session's status and how many
 * connection reports its ticket has. Never a supporter link, never a ticket title. Each change
 * sends an `desk` event; the page's script (src/web/page-scripts.ts) then fetches the page again
 * through the normal, authorised route. When the browser session ends, a `signed-out` event
 * closes the stream. See docs/adr/0029-live-desk-by-polling-revisions.md.
 */
import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../http/app-deps.js";
import type { Translator } from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireUser } from "../identity/require-user.js";
import { isUuid } from "../sessions/pages/session-form-schemas.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { WebExtensions } from "../web/web-extensions.js";
import {
  type DeskSnapshot,
  listWaitingCustomers,
  loadDeskSnapshot,
  type WaitingCustomer,
} from "./desk-snapshot.js";
import type { DeskWatch } from "./desk-watch.js";
import { followDesk } from "./follow-desk.js";
import type { StreamSlots } from "./stream-slots.js";
import { minutesBetween } from "./wait-time.js";

/** The stream of a session page, or of Home and the session list when `sessionId` is absent. */
export function liveDeskStreamFor(sessionId?: string): string {
  return sessionId === undefined ? "/live/desk" : `/live/sessions/${sessionId}`;
}

export interface LiveDeskDeps extends SessionDeps {
  web: WebExtensions;
  deskWatch: DeskWatch;
  streamSlots: StreamSlots;
  maxStreamsPerUser: number;
}

export function createLiveDeskRoutes(deps: LiveDeskDeps): Hono<AppEnv> {
  deps.web.addNavEntry({
    href: "/#customers-waiting",
    label: "nav.waiting",
    badge: async (c) => {
      const count = (await listWaitingCustomers(deps, webActorOf(c))).length;
      return { id: "waiting-badge", count, label: c.get("t").tCount("liveDesk.badge", count) };
    },
  });
  deps.web.addHomeCard({
    id: "customers-waiting",
    render: async (c) => (
      <>
        <WaitingCustomersCard
          t={c.get("t")}
          waiting={await listWaitingCustomers(deps, webActorOf(c))}
          now={deps.clock.now()}
        />
        <WaitingAlertsToggle t={c.get("t")} />
      </>
    ),
  });

  const routes = new Hono<SignedInEnv>();
  routes.get("/live/desk", requireUser, (c) => openStream(c, undefined));
  routes.get("/live/sessions/:id", requireUser, (c) => {
    const sessionId = c.req.param("id");
    if (!isUuid(sessionId)) return c.text(c.get("t").t("liveDesk.stream.badSession"), 400);
    return openStream(c, sessionId);
  });

  /** Authorised like the page it serves: a session the user may not see is 404, as the page is. */
  async function openStream(c: Context<SignedInEnv>, sessionId: string | undefined): Promise<Response> {
    const { t } = c.get("t");
    const actor = webActorOf(c);
    let snapshot: DeskSnapshot;
    try {
      snapshot = await loadDeskSnapshot(deps, actor, sessionId);
    } catch (error) {
      if (error instanceof SupportSessionError && error.reason === "session-not-found")
        return c.text(t("liveDesk.stream.unknownSession"), 404);
      throw error;
    }
    const release = deps.streamSlots.claim(c.get("user").id);
    if (release === undefined) {
      c.header("Retry-After", "60");
      return c.text(t("liveDesk.stream.tooMany", { max: deps.maxStreamsPerUser }), 429);
    }
    return streamSSE(c, (stream) =>
      followDesk(stream, {
        deskWatch: deps.deskWatch,
        organisationId: actor.organisationId,
        webSessionId: c.get("session").id,
        event: "desk",
        first: JSON.stringify(snapshot),
        // A session the user may no longer see (reassigned, deleted) ends the stream, as its page would 404.
        snapshot: async () => JSON.stringify(await loadDeskSnapshot(deps, actor, sessionId)),
        release,
      }),
    );
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

function WaitingCustomersCard(props: { t: Translator; waiting: readonly WaitingCustomer[]; now: Date }) {
  const { t } = props.t;
  return (
    <section class="card" data-live-region="customers-waiting">
      <h2>{t("liveDesk.card.title")}</h2>
      {props.waiting.length === 0 ? (
        <p class="muted">{t("liveDesk.card.empty")}</p>
      ) : (
        <ol class="plain-list" id="waiting-customers">
          {props.waiting.map((customer) => (
            <li data-session-id={customer.sessionId}>
              <a href={`/sessions/${customer.sessionId}`}>{customer.ticketTitle}</a>{" "}
              <span class="muted">
                #{customer.ticketExternalId} ·{" "}
                {customer.waitingSince === null
                  ? t("liveDesk.card.sinceUnknown")
                  : `${t("liveDesk.card.since", { time: props.t.formatTime(customer.waitingSince) })} · ${t(
                      "liveDesk.card.minutes",
                      { minutes: minutesBetween(customer.waitingSince, props.now) },
                    )}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Switches the waiting alerts on and off in this browser (src/web/page-scripts.ts). Outside the
 * live region, so an update of the queue keeps it; hidden without scripts, where it could not work.
 */
function WaitingAlertsToggle(props: { t: Translator }) {
  const { t } = props.t;
  return (
    <p class="waiting-alerts">
      <button
        type="button"
        class="secondary"
        id="waiting-alerts"
        hidden
        data-label-off={t("liveDesk.alerts.switchOn")}
        data-label-on={t("liveDesk.alerts.switchOff")}
      >
        {t("liveDesk.alerts.switchOn")}
      </button>
    </p>
  );
}
