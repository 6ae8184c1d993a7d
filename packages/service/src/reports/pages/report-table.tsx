/**
 * The table of connection reports that the report list, the unmatched list and a ticket's
 * connection history share, and the small formatters they use.
 */
import { getCookie } from "hono/cookie";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../../http/app-deps.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { TableColumn } from "../../web/data-table.js";
import { CsrfField } from "../../web/layout.js";
import type { ListedConnectionReport } from "../list-connection-reports.js";
import { hiddenColumnsFrom, type ReportColumn, reportColumnsCookie } from "../report-columns.js";
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

/** A column of the report table: the kit's header and cell, the key the picker names it by. */
interface ReportTableColumn extends TableColumn<ListedConnectionReport> {
  key: ReportColumn | "start" | "attach";
  cellClass?: string;
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
  const c = useRequestContext<AppEnv>();
  const hidden = hiddenColumnsFrom(
    getCookie(c, reportColumnsCookie, "host") ?? getCookie(c, reportColumnsCookie),
  );
  const columns = reportTableColumns(props);
  const shown = columns.filter(
    (column) => column.key === "start" || column.key === "attach" || !hidden.has(column.key),
  );
  return (
    <>
      <ColumnPicker t={props.t} tableId={props.id} columns={columns} hidden={hidden} />
      <div class="table-wrap">
        <table id={props.id} class="reports">
          <thead>
            <tr>
              {shown.map((column) => (
                <th>{column.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.reports.map((report) => (
              <tr data-report-id={report.id}>
                {shown.map((column) => (
                  <td class={column.cellClass}>{column.cell(report)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function reportTableColumns(props: {
  t: Translator;
  isTicketHistory?: boolean;
  canAttach?: boolean;
}): ReportTableColumn[] {
  const tr = props.t;
  const { t } = tr;
  const columns: ReportTableColumn[] = [
    {
      key: "start",
      header: t("reports.column.start"),
      cell: (report) => (
        <a href={reportPath(report.id)}>{report.startDate ? tr.formatDateTime(report.startDate) : "—"}</a>
      ),
    },
    {
      key: "end",
      header: t("reports.column.end"),
      cell: (report) => (report.endDate ? tr.formatDateTime(report.endDate) : "—"),
    },
    {
      key: "supporter",
      header: t("reports.column.supporter"),
      cell: (report) => report.supporter.name ?? report.supporter.teamViewerUserId ?? "—",
    },
    {
      key: "device",
      header: t("reports.column.device"),
      cell: (report) => report.device.name ?? report.device.id ?? "—",
    },
    { key: "customer", header: t("reports.column.customer"), cell: customerOf },
    {
      key: "duration",
      header: t("reports.column.duration"),
      cellClass: "number",
      cell: (report) => formatDuration(report.durationSeconds),
    },
    {
      key: "billable",
      header: t("reports.column.billable"),
      cellClass: "number billable",
      cell: (report) => <BillableMinutes t={tr} minutes={report.billableMinutes} />,
    },
    {
      key: "billingState",
      header: t("reports.column.billingState"),
      cell: (report) => billingStateLabel(tr, report.billingState),
    },
  ];
  if (props.isTicketHistory) {
    columns.push(
      {
        key: "notes",
        header: t("reports.column.notes"),
        cellClass: "notes",
        cell: (report) => report.notes || "—",
      },
      {
        key: "sessionNote",
        header: t("reports.column.sessionNote"),
        cellClass: "notes session-note",
        cell: (report) => report.sessionNote ?? "—",
      },
      {
        key: "feedback",
        header: t("reports.column.feedback"),
        cell: (report) => <Feedback t={tr} report={report} />,
      },
    );
  } else {
    columns.push({
      key: "ticket",
      header: t("reports.column.ticket"),
      cell: (report) =>
        report.ticket === null ? (
          "—"
        ) : (
          <a href={`/sessions?ticket=${encodeURIComponent(report.ticket.externalId)}`}>
            #{report.ticket.externalId}
          </a>
        ),
    });
  }
  if (props.canAttach) {
    columns.push({
      key: "attach",
      header: t("reports.attach.title"),
      cell: (report) => (
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
      ),
    });
  }
  return columns;
}

/**
 * A form of checkboxes (it works without script) that posts to `/reports/columns`, which
 * remembers the choice and comes back here.
 */
function ColumnPicker(props: {
  t: Translator;
  tableId: string;
  columns: readonly ReportTableColumn[];
  hidden: ReadonlySet<ReportColumn>;
}) {
  const c = useRequestContext<AppEnv>();
  const { t } = props.t;
  const url = new URL(c.req.url);
  const pickable = props.columns.filter(
    (column): column is ReportTableColumn & { key: ReportColumn } =>
      column.key !== "start" && column.key !== "attach",
  );
  return (
    <details class="column-picker" id={`${props.tableId}-columns`}>
      <summary>{t("reports.columns.title")}</summary>
      <form method="post" action={reportColumnsPath}>
        <CsrfField />
        <input type="hidden" name="returnTo" value={`${url.pathname}${url.search}`} />
        {pickable.map((column) => (
          <label class="checkbox">
            <input type="hidden" name="offered" value={column.key} />
            <input type="checkbox" name="column" value={column.key} checked={!props.hidden.has(column.key)} />{" "}
            {column.header}
          </label>
        ))}
        <button type="submit" class="secondary">
          {t("reports.columns.save")}
        </button>
      </form>
    </details>
  );
}

export const reportColumnsPath = "/reports/columns";

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
