/**
 * One support session for the supporter: status with a refresh, the supporter links (only for
 * the assigned supporter and admins; the route sends no-store and no-referrer), the customer's
 * join page address and e-mail invitations, and the changes: edit, reassign, close.
 */

import type { Colleague } from "../../db/repositories/colleagues.js";
import type { Translator } from "../../i18n/index.js";
import { minutesBetween } from "../../live/wait-time.js";
import type { ListedConnectionReport } from "../../reports/list-connection-reports.js";
import { TicketConnections } from "../../reports/pages/report-table.js";
import { CopyField } from "../../web/copy-button.js";
import { CopyScript } from "../../web/copy-script.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { SuccessNotice } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { TextAreaField } from "../../web/text-area-field.js";
import type { SupporterLinks, SupportSession } from "../support-session-view.js";
import { InvitationSection, type InvitationSectionView } from "./invitation-section.js";
import { ProblemMessage, type SessionProblem } from "./session-problem.js";
import { StatusBadge } from "./session-status.js";

export interface SessionPageView extends InvitationSectionView {
  session: SupportSession;
  assignedName: string;
  /** Present only for those allowed to see them; revealing them was audited. */
  supporterLinks: SupporterLinks | undefined;
  canChange: boolean;
  isAdmin: boolean;
  colleagues: Colleague[];
  /** A translated one-line outcome of the last action. */
  notice: string | undefined;
  problem: SessionProblem | undefined;
  edit: { values: FormValues; errors: FieldErrors };
  /** The ticket's connection history (the reports this viewer may see). */
  connections: ListedConnectionReport[];
  /** When the page is rendered: how long the customer has waited is counted to it. */
  now: Date;
}

export const sessionPath = (id: string) => `/sessions/${id}`;

export function SessionPage(props: { t: Translator; view: SessionPageView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const { session } = view;
  const isOpen = session.state === "open";
  // Past its validity the customer can no longer join, so links and invitations are pointless.
  const isJoinable = session.status === "waiting" || session.status === "customer-online";
  return (
    <>
      <SuccessNotice message={view.notice} />
      <ProblemMessage t={tr} problem={view.problem} isAdmin={view.isAdmin} />
      <section class="card" id="session-status" data-live-region="session-status">
        <dl class="facts">
          <dt>{t("sessionPages.column.status")}</dt>
          <dd>
            <StatusBadge t={tr} status={session.status} />
            {session.customerWaitingSince && (
              <>
                {" "}
                <span id="customer-waiting-since">
                  {t("liveDesk.session.waitingSince", {
                    time: tr.formatTime(session.customerWaitingSince),
                    minutes: minutesBetween(session.customerWaitingSince, view.now),
                  })}
                </span>
              </>
            )}
          </dd>
          <dt>{t("sessionPages.column.ticket")}</dt>
          <dd>
            {session.ticket.url ? (
              <a href={session.ticket.url} rel="noreferrer">
                {session.ticket.title}
              </a>
            ) : (
              session.ticket.title
            )}{" "}
            <a class="muted" href={`/sessions?ticket=${encodeURIComponent(session.ticket.externalId)}`}>
              #{session.ticket.externalId}
            </a>
          </dd>
          <dt>{t("sessionPages.column.code")}</dt>
          <dd>
            <code>{session.code}</code>
          </dd>
          <dt>{t("sessionPages.column.assigned")}</dt>
          <dd>{view.assignedName}</dd>
          <dt>{t("sessionPages.field.group")}</dt>
          <dd>{session.group.name ?? session.group.id ?? "—"}</dd>
          <dt>{t("sessionPages.column.validUntil")}</dt>
          <dd>{tr.formatDateTime(session.validUntil)}</dd>
          <dt>{t("sessionPages.column.lastRefreshed")}</dt>
          <dd>{session.lastRefreshedAt ? tr.formatDateTime(session.lastRefreshedAt) : "—"}</dd>
        </dl>
        {/* A closed or expired session's status can no longer change. */}
        {isOpen && session.status !== "expired" && (
          <form method="post" action={`${sessionPath(session.id)}/refresh`} class="inline-form">
            <CsrfField />
            <button type="submit" class="secondary">
              {t("sessionPages.refresh")}
            </button>
          </form>
        )}
      </section>

      {view.supporterLinks && isJoinable && <SupporterLinksCard t={tr} links={view.supporterLinks} />}

      {view.canChange && isJoinable && <InvitationSection t={tr} session={session} view={view} />}

      {view.canChange && isOpen && (
        <>
          <form method="post" action={`${sessionPath(session.id)}/edit`} class="panel" id="edit-session">
            <h2>{t("sessionPages.edit.title")}</h2>
            <CsrfField />
            <TextAreaField
              t={tr}
              name="description"
              label={t("sessionPages.field.description")}
              value={view.edit.values.description ?? session.description ?? ""}
              error={view.edit.errors.description}
              maxLength={4000}
            />
            <TextAreaField
              t={tr}
              name="waitingMessage"
              label={t("sessionPages.field.waitingMessage")}
              value={view.edit.values.waitingMessage ?? session.waitingMessage ?? ""}
              error={view.edit.errors.waitingMessage}
              rows={2}
              maxLength={500}
            />
            <button type="submit">{t("common.save")}</button>
          </form>
          <form
            method="post"
            action={`${sessionPath(session.id)}/reassign`}
            class="panel inline-form"
            id="reassign-session"
          >
            <h2>{t("sessionPages.reassign.title")}</h2>
            <CsrfField />
            <label for="assigneeUserId">{t("sessionPages.reassign.to")}</label>
            <select id="assigneeUserId" name="assigneeUserId">
              {view.colleagues.map((colleague) => (
                <option value={colleague.id} selected={colleague.id === session.assignedUserId}>
                  {colleague.displayName || colleague.email}
                </option>
              ))}
            </select>
            <button type="submit" class="secondary">
              {t("sessionPages.reassign.submit")}
            </button>
            <p class="hint">{t("sessionPages.reassign.hint")}</p>
          </form>
          <form
            method="post"
            action={`${sessionPath(session.id)}/close`}
            class="panel inline-form"
            id="close-session"
          >
            <CsrfField />
            <button type="submit" class="danger">
              {t("sessionPages.close")}
            </button>
            <span class="muted">{t("sessionPages.closeHint")}</span>
          </form>
        </>
      )}

      <div data-live-region="ticket-connections">
        <TicketConnections t={tr} reports={view.connections} />
      </div>
      <CopyScript />
    </>
  );
}

function SupporterLinksCard(props: { t: Translator; links: SupporterLinks }) {
  const { t } = props.t;
  return (
    <section class="card" id="supporter-links">
      <h2>{t("sessionPages.links.title")}</h2>
      <p class="hint">{t("sessionPages.links.hint")}</p>
      <p class="link-buttons">
        {props.links.supporterLink && (
          <a class="button" href={props.links.supporterLink} rel="noreferrer" id="open-in-teamviewer">
            {t("sessionPages.links.app")}
          </a>
        )}
        {props.links.webClientSupporterLink && (
          <a
            class="button secondary"
            href={props.links.webClientSupporterLink}
            rel="noreferrer"
            id="open-in-browser"
          >
            {t("sessionPages.links.browser")}
          </a>
        )}
      </p>
      {props.links.supporterLink && (
        <CopyField
          t={props.t}
          id="supporter-link"
          label={t("sessionPages.links.copyApp")}
          value={props.links.supporterLink}
        />
      )}
      {props.links.webClientSupporterLink && (
        <CopyField
          t={props.t}
          id="webclient-link"
          label={t("sessionPages.links.copyBrowser")}
          value={props.links.webClientSupporterLink}
        />
      )}
    </section>
  );
}
