/**
 * The table of connection reports that the report list, the unmatched list and a ticket's
 * connection history share, and the small formatters they use.
 */
import type { MessageKey, Translator } from "../../i18n/index.js";
import { CsrfField } from "../../web/layout.js";
import type { ListedConnectionReport } from "../list-connection-reports.js";
import { ConnectionExtrasSection, hasFetchedExtras } from "./connection-extras-section.js";
import { formatMinutes } from "./format-minutes.js";

export const reportPath = (id: string) => `/reports/${id}`;

/** A duration as h:mm:ss, the way people read a stopwatch in every language. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return `${hours}:${String(minutes).padStart(2, "0")}:${String(rest).padStart(2, "0")}`;
}

const billingStateKeys: Record<string, MessageKey> = {
  Bill: "reports.billingState.Bill",
  Billed: "reports.billingState.Billed",
  DoNotBill: "reports.billingState.DoNotBill",
};

/** A billing state in the reader's words; a state TeamViewer adds later is shown as sent. */
export function billingStateLabel(t: Translator, state: string | null): string {
  if (state === null) return t.t("reports.billingState.none");
  const key = billingStateKeys[state];
  return key === undefined ? state : t.t(key);
}

export function customerOf(report: ListedConnectionReport): string {
  const { name, email } = report.endCustomer;
  if (name && email) return `${name} <${email}>`;
  return name ?? email ?? "—";
}

export function BillableMinutes(props: { t: Translator; minutes: number | null }) {
  return <>{props.minutes === null ? "—" : formatMinutes(props.t, props.minutes)}</>;
}

export function Feedback(props: { t: Translator; report: ListedConnectionReport }) {
  const { rating, comment } = props.report.feedback;
  if (rating === null && !comment) return <>—</>;
  return (
    <>
      {rating !== null && <span class="rating">{props.t.t("reports.rating", { rating })}</span>}
      {rating !== null && comment ? " " : ""}
      {comment && <q>{comment}</q>}
    </>
  );
}

export function ReportTable(props: {
  t: Translator;
  id: string;
  reports: readonly ListedConnectionReport[];
  /** Show notes, session notes and feedback (the ticket history) instead of the ticket column. */
  isTicketHistory?: boolean;
  /** Offer "attach to a ticket" on each row (the unmatched list, for those who may change). */
  canAttach?: boolean;
}) {
  const tr = props.t;
  const { t } = tr;
  return (
    <div class="table-wrap">
      <table id={props.id} class="reports">
        <thead>
          <tr>
            <th>{t("reports.column.start")}</th>
            <th>{t("reports.column.end")}</th>
            <th>{t("reports.column.supporter")}</th>
            <th>{t("reports.column.device")}</th>
            <th>{t("reports.column.customer")}</th>
            <th>{t("reports.column.duration")}</th>
            <th>{t("reports.column.billable")}</th>
            <th>{t("reports.column.billingState")}</th>
            {props.isTicketHistory ? (
              <>
                <th>{t("reports.column.notes")}</th>
                <th>{t("reports.column.sessionNote")}</th>
                <th>{t("reports.column.feedback")}</th>
              </>
            ) : (
              <th>{t("reports.column.ticket")}</th>
            )}
            {props.canAttach && <th>{t("reports.attach.title")}</th>}
          </tr>
        </thead>
        <tbody>
          {props.reports.map((report) => (
            <tr data-report-id={report.id}>
              <td>
                <a href={reportPath(report.id)}>
                  {report.startDate ? tr.formatDateTime(report.startDate) : "—"}
                </a>
              </td>
              <td>{report.endDate ? tr.formatDateTime(report.endDate) : "—"}</td>
              <td>{report.supporter.name ?? report.supporter.teamViewerUserId ?? "—"}</td>
              <td>{report.device.name ?? report.device.id ?? "—"}</td>
              <td>{customerOf(report)}</td>
              <td class="number">{formatDuration(report.durationSeconds)}</td>
              <td class="number billable">
                <BillableMinutes t={tr} minutes={report.billableMinutes} />
              </td>
              <td>{billingStateLabel(tr, report.billingState)}</td>
              {props.isTicketHistory ? (
                <>
                  <td class="notes">{report.notes || "—"}</td>
                  <td class="notes session-note">{report.sessionNote ?? "—"}</td>
                  <td>
                    <Feedback t={tr} report={report} />
                  </td>
                </>
              ) : (
                <td>
                  {report.ticket === null ? (
                    "—"
                  ) : (
                    <a href={`/sessions?ticket=${encodeURIComponent(report.ticket.externalId)}`}>
                      #{report.ticket.externalId}
                    </a>
                  )}
                </td>
              )}
              {props.canAttach && (
                <td>
                  <form method="post" action={`${reportPath(report.id)}/attach`} class="inline-form">
                    <CsrfField />
                    <label class="visually-hidden" for={`attach-${report.id}`}>
                      {t("reports.attach.ticket")}
                    </label>
                    <input id={`attach-${report.id}`} name="ticket" type="text" size={8} required />
                    <button type="submit" class="secondary">
                      {t("reports.attach.submit")}
                    </button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A ticket's connection history: a card for the session page (and anywhere a ticket is shown). */
export function TicketConnections(props: { t: Translator; reports: readonly ListedConnectionReport[] }) {
  const { t } = props.t;
  return (
    <section class="card" id="ticket-connections">
      <h2>{t("reports.ticketHistory.title")}</h2>
      {props.reports.length === 0 ? (
        <p class="muted">{t("reports.ticketHistory.empty")}</p>
      ) : (
        <>
          <ReportTable t={props.t} id="ticket-connection-reports" reports={props.reports} isTicketHistory />
          {props.reports
            .filter((report) => hasFetchedExtras(report.extras))
            .map((report) => (
              <ConnectionExtrasSection
                t={props.t}
                report={report}
                reportPath={reportPath(report.id)}
                title={t("reports.extras.titleFor", {
                  start: report.startDate ? props.t.formatDateTime(report.startDate) : "—",
                })}
              />
            ))}
        </>
      )}
    </section>
  );
}
