/** The home page's "Your open sessions": the newest few that are still joinable, and the way to the rest. */
import type { Translator } from "../../i18n/index.js";
import { listSupportSessions } from "../list-support-sessions.js";
import type { SessionActor } from "../session-actor.js";
import type { SessionDeps } from "../session-deps.js";
import type { SupportSession } from "../support-session-view.js";
import { StatusBadge } from "./session-status.js";

const shown = 5;

export interface OpenSessionsCardView {
  sessions: SupportSession[];
  hasMore: boolean;
}

export async function loadOpenSessionsCard(
  deps: SessionDeps,
  actor: SessionActor,
): Promise<OpenSessionsCardView> {
  const page = await listSupportSessions(deps, {
    actor,
    scope: { kind: "mine" },
    state: "open",
    paging: { limit: shown },
  });
  return { sessions: page.sessions, hasMore: page.nextCursor !== undefined };
}

export function OpenSessionsCard(props: { t: Translator; view: OpenSessionsCardView }) {
  const { t } = props.t;
  return (
    <section class="card" data-live-region="open-sessions">
      <h2>{t("sessionPages.card.title")}</h2>
      {props.view.sessions.length === 0 ? (
        <p class="muted">{t("sessionPages.card.empty")}</p>
      ) : (
        <ul class="plain-list">
          {props.view.sessions.map((session) => (
            <li>
              <a href={`/sessions/${session.id}`}>{session.ticket.title}</a>{" "}
              <StatusBadge t={props.t} status={session.status} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/sessions/new">{t("sessionPages.new")}</a>
        {" · "}
        <a href="/sessions?scope=mine&state=open">
          {t(props.view.hasMore ? "sessionPages.card.more" : "sessionPages.card.all")}
        </a>
      </p>
    </section>
  );
}
