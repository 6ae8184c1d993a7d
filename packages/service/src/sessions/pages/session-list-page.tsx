/**
 * Session lists (issue 5, "Lists"): mine, the organisation's (admins and auditors) or one
 * ticket's, filtered by state and creation date, newest first, expired ones marked. The filter
 * form uses GET, so a filtered list is a link that can be shared or bookmarked.
 */

import type { Translator } from "../../i18n/index.js";
import type { ListedConnectionReport } from "../../reports/list-connection-reports.js";
import { TicketConnections } from "../../reports/pages/report-table.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { SelectField, TextField } from "../../web/forms.js";
import type { SupportSession } from "../support-session-view.js";
import { StatusBadge } from "./session-status.js";

export interface SessionListView {
  title: string;
  sessions: SupportSession[];
  /** User id → how to name them. */
  userNames: ReadonlyMap<string, string>;
  scope: "mine" | "organisation" | "ticket";
  canSeeOrganisation: boolean;
  canCreate: boolean;
  values: FormValues;
  errors: FieldErrors;
  nextPageUrl: string | undefined;
  /** For one ticket's list: the ticket's connection history. */
  connections?: ListedConnectionReport[] | undefined;
}

export function SessionListPage(props: { t: Translator; view: SessionListView }) {
  const { t } = props.t;
  const { view } = props;
  return (
    <>
      <p class="toolbar">
        {view.canCreate && (
          <a
            class="button"
            href={`/sessions/new${view.values.ticket ? `?ticket=${encodeURIComponent(view.values.ticket)}` : ""}`}
          >
            {t("sessionPages.new")}
          </a>
        )}
        <a href="/sessions?scope=mine" aria-current={view.scope === "mine" ? "page" : undefined}>
          {t("sessionPages.list.mine")}
        </a>
        {view.canSeeOrganisation && (
          <a
            href="/sessions?scope=organisation"
            aria-current={view.scope === "organisation" ? "page" : undefined}
          >
            {t("sessionPages.list.organisation")}
          </a>
        )}
      </p>
      <form method="get" action="/sessions" class="panel filters" id="session-filters">
        {view.values.scope && <input type="hidden" name="scope" value={view.values.scope} />}
        <TextField
          t={props.t}
          name="ticket"
          label={t("sessionPages.field.externalId")}
          value={view.values.ticket}
          error={view.errors.ticket}
        />
        <SelectField
          t={props.t}
          name="state"
          label={t("sessionPages.filter.state")}
          value={view.values.state ?? ""}
          error={view.errors.state}
          options={[
            { value: "", label: t("sessionPages.filter.anyState") },
            { value: "open", label: t("sessionPages.filter.open") },
            { value: "expired", label: t("sessionPages.status.expired") },
            { value: "closed", label: t("sessionPages.status.closed") },
          ]}
        />
        <TextField
          t={props.t}
          type="date"
          name="from"
          label={t("sessionPages.filter.from")}
          value={view.values.from}
          error={view.errors.from}
        />
        <TextField
          t={props.t}
          type="date"
          name="to"
          label={t("sessionPages.filter.to")}
          value={view.values.to}
          error={view.errors.to}
        />
        <button type="submit">{t("sessionPages.filter.apply")}</button>
      </form>
      <div data-live-region="session-list">
        {view.sessions.length === 0 ? (
          <p class="muted" id="no-sessions">
            {t("sessionPages.list.empty")}
          </p>
        ) : (
          <div class="table-wrap">
            <table id="sessions">
              <thead>
                <tr>
                  <th>{t("sessionPages.column.ticket")}</th>
                  <th>{t("sessionPages.column.code")}</th>
                  <th>{t("sessionPages.column.status")}</th>
                  <th>{t("sessionPages.column.assigned")}</th>
                  <th>{t("sessionPages.column.created")}</th>
                  <th>{t("sessionPages.column.validUntil")}</th>
                </tr>
              </thead>
              <tbody>
                {view.sessions.map((session) => (
                  <tr data-status={session.status}>
                    <td>
                      <a href={`/sessions/${session.id}`}>{session.ticket.title}</a>{" "}
                      <a
                        class="muted"
                        href={`/sessions?ticket=${encodeURIComponent(session.ticket.externalId)}`}
                      >
                        #{session.ticket.externalId}
                      </a>
                    </td>
                    <td>
                      <code>{session.code}</code>
                    </td>
                    <td>
                      <StatusBadge t={props.t} status={session.status} />
                    </td>
                    <td>
                      {session.assignedUserId === null
                        ? "—"
                        : (view.userNames.get(session.assignedUserId) ?? "—")}
                    </td>
                    <td>{props.t.formatDateTime(session.createdAt)}</td>
                    <td>{props.t.formatDateTime(session.validUntil)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {view.nextPageUrl && (
        <p>
          <a href={view.nextPageUrl}>{t("sessionPages.list.next")}</a>
        </p>
      )}
      {view.connections && (
        <div data-live-region="ticket-connections">
          <TicketConnections t={props.t} reports={view.connections} />
        </div>
      )}
    </>
  );
}
