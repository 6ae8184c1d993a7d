/**
 * The widget's panel for one ticket (issue 23): an HTML fragment the widget shell
 * (widget-shell.tsx) fetches and swaps in. Its forms post to `/embed/actions/…`; the shell's
 * script sends them with fetch and the embed header, and swaps in the panel they answer with.
 * Links that leave the panel (TeamViewer, the browser client, Attendant) open outside the frame.
 * Parts marked `data-live-region` are what the event stream refreshes in place, so what an agent
 * is typing elsewhere in the panel survives a status change.
 */
import { randomUUID } from "node:crypto";
import { BrandMark } from "../../brand/brand-mark.js";
import { localeNames, supportedLocales, type Translator } from "../../i18n/index.js";
import { minutesBetween } from "../../live/wait-time.js";
import type { MailDelivery } from "../../mail/mail-delivery.js";
import type { ListedConnectionReport } from "../../reports/list-connection-reports.js";
import { formatMinutes } from "../../reports/pages/format-minutes.js";
import { formatDuration } from "../../reports/pages/report-table.js";
import type { SessionProblem } from "../../sessions/pages/session-problem.js";
import { StatusBadge } from "../../sessions/pages/session-status.js";
import { SupportSessionError } from "../../sessions/support-session-error.js";
import { CopyField } from "../../web/copy-button.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import type { EmbedTicketContext } from "../embed-env.js";
import type { PanelSession, StartChoices, TicketPanel } from "../load-ticket-panel.js";
import { embedActionPath } from "./embed-paths.js";

/** What the last action left for one session's forms: typed values, field errors, a fresh join address. */
export interface SessionFormState {
  sessionId: string;
  invite?: { values: FormValues; errors: FieldErrors };
  joinUrl?: string;
  isConfirmingClose?: boolean;
}

export interface TicketPanelView {
  ticket: EmbedTicketContext["ticket"];
  theme: EmbedTicketContext["theme"];
  panel: TicketPanel;
  mailKind: MailDelivery["kind"];
  notice: string | undefined;
  problem: SessionProblem | undefined;
  /** The start form's typed values and errors after a refused start. */
  start: { values: FormValues; errors: FieldErrors };
  session: SessionFormState | undefined;
  /** The one-time address the connect popup opens (this answer only). */
  connectPopupUrl: string | undefined;
  now: Date;
}

/**
 * The organisation's name, logo and accent colour, as on the join page. The panel is swapped into
 * the shell's body, so the accent stylesheet comes with it (a stylesheet link works in the body).
 */
function PanelBrand(props: { t: Translator; brand: TicketPanel["brand"] }) {
  const { brand } = props;
  return (
    <header class="embed-brand">
      {brand?.accentStylesheetPath !== undefined && (
        <link rel="stylesheet" href={brand.accentStylesheetPath} />
      )}
      <BrandMark brand={brand} fallback={props.t.t("embed.brand")} />
    </header>
  );
}

export function TicketPanelFragment(props: { t: Translator; view: TicketPanelView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const themeClass = view.theme === undefined ? "" : ` theme-${view.theme}`;
  return (
    <div class={`embed-panel${themeClass}`} lang={tr.locale}>
      <PanelBrand t={tr} brand={view.panel.brand} />
      {view.notice && (
        <p class="notice-ok" role="status" tabindex={-1} data-focus>
          {view.notice}
        </p>
      )}
      <PanelProblem t={tr} problem={view.problem} />
      <ConnectPopup t={tr} url={view.connectPopupUrl} />
      <h2 class="embed-ticket">
        {view.ticket.title} <span class="muted">#{view.ticket.externalId}</span>
      </h2>
      <section aria-labelledby="embed-sessions-title">
        <h3 id="embed-sessions-title">{t("embed.panel.sessions")}</h3>
        {view.panel.sessions.length === 0 ? (
          <p class="muted" data-live-region="embed-no-sessions">
            {t("embed.panel.noSessions")}
          </p>
        ) : (
          <ol class="plain-list embed-sessions">
            {view.panel.sessions.map((entry) => (
              <SessionCard
                t={tr}
                entry={entry}
                mailKind={view.mailKind}
                state={view.session?.sessionId === entry.session.id ? view.session : undefined}
                requester={view.ticket}
                now={view.now}
              />
            ))}
          </ol>
        )}
      </section>
      {view.panel.canCreate && view.panel.start !== undefined && (
        <StartForm t={tr} choices={view.panel.start} form={view.start} />
      )}
      <Reports t={tr} reports={view.panel.reports} />
    </div>
  );
}

/** A failed action's message, and where TeamViewer must be connected first, the way to do it. */
function PanelProblem(props: { t: Translator; problem: SessionProblem | undefined }) {
  const { problem } = props;
  if (problem === undefined) return null;
  const { t } = props.t;
  const params =
    problem instanceof SupportSessionError
      ? { seconds: problem.retryAfterSeconds ?? 0, detail: problem.message }
      : {};
  return (
    <div class="form-error problem" role="alert" tabindex={-1} data-focus data-reason={problem.reason}>
      <p>{t(problem.messageKey, params)}</p>
      <ConnectLink t={props.t} problem={problem} />
    </div>
  );
}

/**
 * TeamViewer's consent page refuses frames and our cookies are blocked here, so connecting
 * happens in a first-party popup the widget's script opens (src/embedding/connect-from-widget.ts).
 */
function ConnectLink(props: { t: Translator; problem: SessionProblem }) {
  const { reason } = props.problem;
  if (reason !== "not-connected" && reason !== "needs-reconnect") return null;
  const { t } = props.t;
  return (
    <form method="post" action={embedActionPath("connect")} data-popup class="inline-form">
      <button type="submit" id="embed-connect">
        {t(reason === "needs-reconnect" ? "tv.connection.reconnect" : "tv.connection.connect")}
      </button>{" "}
      <span class="hint">{t("embed.panel.connectHint")}</span>
    </form>
  );
}

/** The popup's address, for the script to send the popup to, and as a link if the browser blocked it. */
function ConnectPopup(props: { t: Translator; url: string | undefined }) {
  if (props.url === undefined) return null;
  const { t } = props.t;
  return (
    <p class="notice-ok" role="status" tabindex={-1} data-focus>
      {t("embed.panel.popupOpened")}{" "}
      <a href={props.url} target="_blank" rel="noreferrer" data-popup-url={props.url} id="embed-connect-link">
        {t("embed.panel.popupLink")}
      </a>
    </p>
  );
}

function SessionCard(props: {
  t: Translator;
  entry: PanelSession;
  mailKind: MailDelivery["kind"];
  state: SessionFormState | undefined;
  requester: EmbedTicketContext["ticket"];
  now: Date;
}) {
  const tr = props.t;
  const { t } = tr;
  const { session, supporterLinks, canChange } = props.entry;
  const isJoinable = session.status === "waiting" || session.status === "customer-online";
  const base = embedActionPath(`sessions/${session.id}`);
  return (
    <li class="card embed-session" id={`embed-session-${session.id}`} data-session-id={session.id}>
      <h4>{t("embed.panel.session", { code: session.code })}</h4>
      <p data-live-region={`embed-status-${session.id}`} aria-live="polite">
        <StatusBadge t={tr} status={session.status} />
        {session.customerWaitingSince && (
          <>
            {" "}
            <span class="waiting-since">
              {t("liveDesk.session.waitingSince", {
                time: tr.formatTime(session.customerWaitingSince),
                minutes: minutesBetween(session.customerWaitingSince, props.now),
              })}
            </span>
          </>
        )}
      </p>
      {supporterLinks && isJoinable && (
        <p class="link-buttons">
          {supporterLinks.supporterLink && (
            <a class="button" href={supporterLinks.supporterLink} target="_blank" rel="noreferrer">
              {t("sessionPages.links.app")}
            </a>
          )}
          {supporterLinks.webClientSupporterLink && (
            <a
              class="button secondary"
              href={supporterLinks.webClientSupporterLink}
              target="_blank"
              rel="noreferrer"
            >
              {t("sessionPages.links.browser")}
            </a>
          )}
        </p>
      )}
      {canChange && isJoinable && (
        <>
          <JoinAddress t={tr} base={base} sessionId={session.id} entry={props.entry} state={props.state} />
          <InviteForm
            t={tr}
            base={base}
            sessionId={session.id}
            mailKind={props.mailKind}
            form={props.state?.invite ?? { values: requesterValues(props.requester), errors: {} }}
          />
        </>
      )}
      {canChange && session.state === "open" && (
        <form method="post" action={`${base}/close`} class="inline-form">
          {props.state?.isConfirmingClose ? (
            <>
              <p role="alert" tabindex={-1} data-focus>
                {t("embed.panel.closeConfirm")}
              </p>
              <input type="hidden" name="confirm" value="yes" />
              <button type="submit" class="danger">
                {t("embed.panel.closeYes")}
              </button>
            </>
          ) : (
            <button type="submit" class="danger">
              {t("sessionPages.close")}
            </button>
          )}
        </form>
      )}
    </li>
  );
}

function requesterValues(ticket: EmbedTicketContext["ticket"]): FormValues {
  return {
    ...(ticket.requesterEmail ? { email: ticket.requesterEmail } : {}),
    ...(ticket.requesterName ? { name: ticket.requesterName } : {}),
  };
}

function JoinAddress(props: {
  t: Translator;
  base: string;
  sessionId: string;
  entry: PanelSession;
  state: SessionFormState | undefined;
}) {
  const tr = props.t;
  const { t } = tr;
  const joinUrl = props.state?.joinUrl;
  const hasAddress = props.entry.hasJoinLink || joinUrl !== undefined;
  return (
    <div class="embed-join">
      {joinUrl ? (
        <>
          <CopyField
            t={tr}
            id={`join-url-${props.sessionId}`}
            label={t("sessionPages.join.copy")}
            value={joinUrl}
          />
          <p class="hint">{t("sessionPages.join.onceHint")}</p>
        </>
      ) : (
        <p class="hint">
          {t(props.entry.hasJoinLink ? "sessionPages.join.existingHint" : "sessionPages.join.noneHint")}
        </p>
      )}
      <form method="post" action={`${props.base}/join-address`} class="inline-form">
        <button type="submit" class="secondary">
          {t(hasAddress ? "sessionPages.join.renew" : "sessionPages.join.create")}
        </button>
      </form>
    </div>
  );
}

function InviteForm(props: {
  t: Translator;
  base: string;
  sessionId: string;
  mailKind: MailDelivery["kind"];
  form: { values: FormValues; errors: FieldErrors };
}) {
  const tr = props.t;
  const { t } = tr;
  if (props.mailKind === "off") return <p class="hint">{t("invitations.error.mailOff")}</p>;
  const { values, errors } = props.form;
  const id = (name: string) => `${name}-${props.sessionId}`;
  return (
    <form method="post" action={`${props.base}/invite`} class="embed-invite">
      <h5>{t("invitations.title")}</h5>
      {/* A fresh request id per form, so a repeated send is one e-mail (docs/adr/0027-invitation-exactly-once.md). */}
      <input type="hidden" name="requestId" value={values.requestId ?? randomUUID()} />
      <PanelField
        t={tr}
        id={id("email")}
        name="email"
        type="email"
        label={t("invitations.field.email")}
        value={values.email}
        error={errors.email}
        isRequired
      />
      <PanelField
        t={tr}
        id={id("name")}
        name="name"
        label={t("invitations.field.name")}
        value={values.name}
        error={errors.name}
      />
      <div class="field">
        <label for={id("locale")}>{t("invitations.field.language")}</label>
        <select id={id("locale")} name="locale">
          {supportedLocales.map((locale) => (
            <option value={locale} selected={locale === (values.locale ?? tr.locale)}>
              {localeNames[locale]}
            </option>
          ))}
        </select>
        {errors.locale && <p class="field-error">{t(errors.locale)}</p>}
      </div>
      <button type="submit">{t("invitations.send")}</button>
    </form>
  );
}

/** A labelled input whose id is unique in the panel (several sessions each have their forms). */
function PanelField(props: {
  t: Translator;
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "tel";
  value: string | undefined;
  error: FieldErrors[string];
  hint?: string;
  isRequired?: boolean;
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        required={props.isRequired ?? false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.t.t(props.error)}
        </p>
      )}
    </div>
  );
}

function StartForm(props: {
  t: Translator;
  choices: StartChoices;
  form: { values: FormValues; errors: FieldErrors };
}) {
  const tr = props.t;
  const { t } = tr;
  const { values, errors } = props.form;
  return (
    <section class="card" aria-labelledby="embed-start-title" id="embed-start">
      <h3 id="embed-start-title">{t("embed.panel.start")}</h3>
      {props.choices.problem ? (
        <div class="form-error problem" data-reason={props.choices.problem.reason}>
          <p>
            {t(props.choices.problem.messageKey, {
              seconds: props.choices.problem.retryAfterSeconds ?? 0,
              detail: props.choices.problem.message,
            })}
          </p>
          <ConnectLink t={tr} problem={props.choices.problem} />
        </div>
      ) : (
        <form method="post" action={embedActionPath("start")}>
          {values.attempt !== undefined && <input type="hidden" name="attempt" value={values.attempt} />}
          <div class="field">
            <label for="embed-group">{t("sessionPages.field.group")}</label>
            <input
              id="embed-group"
              name="group"
              type="text"
              list="embed-groups"
              required
              value={values.group ?? props.choices.groups[0]?.name ?? ""}
              aria-invalid={errors.group ? "true" : undefined}
              aria-describedby={errors.group ? "embed-group-error" : undefined}
            />
            <datalist id="embed-groups">
              {props.choices.groups.map((group) => (
                <option value={group.name}>{group.id}</option>
              ))}
            </datalist>
            {errors.group && (
              <p class="field-error" id="embed-group-error">
                {t(errors.group)}
              </p>
            )}
          </div>
          <div class="field">
            <label for="embed-waiting-message">{t("sessionPages.field.waitingMessage")}</label>
            <textarea
              id="embed-waiting-message"
              name="waitingMessage"
              rows={2}
              maxlength={500}
              aria-invalid={errors.waitingMessage ? "true" : undefined}
              aria-describedby={errors.waitingMessage ? "embed-waiting-message-error" : undefined}
            >
              {values.waitingMessage ?? ""}
            </textarea>
            {errors.waitingMessage && (
              <p class="field-error" id="embed-waiting-message-error">
                {t(errors.waitingMessage)}
              </p>
            )}
          </div>
          <PanelField
            t={tr}
            id="embed-sms"
            name="smsInviteNumber"
            type="tel"
            label={t("sessionPages.field.smsInviteNumber")}
            value={values.smsInviteNumber}
            error={errors.smsInviteNumber}
            hint={t("sessionPages.field.smsInviteNumberHint")}
          />
          <button type="submit">{t("embed.panel.start")}</button>
        </form>
      )}
    </section>
  );
}

function Reports(props: { t: Translator; reports: readonly ListedConnectionReport[] }) {
  const tr = props.t;
  const { t } = tr;
  return (
    <section aria-labelledby="embed-reports-title" data-live-region="embed-reports" id="embed-reports">
      <h3 id="embed-reports-title">{t("embed.panel.reports")}</h3>
      {props.reports.length === 0 ? (
        <p class="muted">{t("reports.ticketHistory.empty")}</p>
      ) : (
        <ul class="plain-list">
          {props.reports.map((report) => (
            <li data-report-id={report.id}>
              {t("embed.panel.report", {
                start: report.startDate ? tr.formatDateTime(report.startDate) : "—",
                duration: formatDuration(report.durationSeconds),
                billable: report.billableMinutes === null ? "—" : formatMinutes(tr, report.billableMinutes),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
