/**
 * `/reports/:id`: one connection report with everything TeamViewer recorded, its ticket and
 * billable minutes, and for those who may change it the notes and billing state (written back
 * to TeamViewer) and attaching it to another ticket.
 */
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { FormError, SelectField, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { TextAreaField } from "../../web/text-area-field.js";
import type { ListedConnectionReport } from "../list-connection-reports.js";
import { ConnectionExtrasSection } from "./connection-extras-section.js";
import {
  BillableMinutes,
  billingStateLabel,
  customerOf,
  Feedback,
  formatDuration,
  reportPath,
} from "./report-table.js";

export interface ReportPageView {
  report: ListedConnectionReport;
  canChange: boolean;
  notice: string | undefined;
  problem: string | undefined;
  edit: { values: FormValues; errors: FieldErrors };
  attach: { values: FormValues; errors: FieldErrors };
}

const matchKeys: Record<string, MessageKey> = {
  custom_api: "reports.match.custom_api",
  session_code: "reports.match.session_code",
  manual: "reports.match.manual",
};

export function ReportPage(props: { t: Translator; view: ReportPageView }) {
  const tr = props.t;
  const { t } = tr;
  const { report } = props.view;
  const { view } = props;
  const matchKey = report.match.by === null ? undefined : matchKeys[report.match.by];
  return (
    <>
      <SuccessNotice message={view.notice} />
      <FormError message={view.problem} />
      {report.writeBackPending !== null && (
        <p class="card" role="status" id="report-write-back-pending">
          {t("reports.writeBack.pending", { since: tr.formatDateTime(report.writeBackPending.since) })}
        </p>
      )}
      <p class="toolbar">
        <a href="/reports">{t("reports.link.all")}</a>
      </p>
      <section class="card" id="report-facts">
        <dl class="facts">
          <dt>{t("reports.column.ticket")}</dt>
          <dd id="report-ticket">
            {report.ticket === null ? (
              t("reports.match.none")
            ) : (
              <a href={`/sessions?ticket=${encodeURIComponent(report.ticket.externalId)}`}>
                {report.ticket.title} #{report.ticket.externalId}
              </a>
            )}
          </dd>
          <dt>{t("reports.detail.matchedBy")}</dt>
          <dd>{matchKey === undefined ? "—" : t(matchKey)}</dd>
          <dt>{t("reports.column.supporter")}</dt>
          <dd>{report.supporter.name ?? report.supporter.teamViewerUserId ?? "—"}</dd>
          <dt>{t("reports.column.device")}</dt>
          <dd>{report.device.name ?? report.device.id ?? "—"}</dd>
          <dt>{t("reports.column.group")}</dt>
          <dd>{report.group.name ?? report.group.id ?? "—"}</dd>
          <dt>{t("reports.column.customer")}</dt>
          <dd>{customerOf(report)}</dd>
          <dt>{t("reports.column.start")}</dt>
          <dd>{report.startDate ? tr.formatDateTime(report.startDate) : "—"}</dd>
          <dt>{t("reports.column.end")}</dt>
          <dd>{report.endDate ? tr.formatDateTime(report.endDate) : "—"}</dd>
          <dt>{t("reports.column.duration")}</dt>
          <dd>{formatDuration(report.durationSeconds)}</dd>
          <dt>{t("reports.column.billable")}</dt>
          <dd id="report-billable">
            <BillableMinutes t={tr} minutes={report.billableMinutes} />
          </dd>
          <dt>{t("reports.column.billingState")}</dt>
          <dd id="report-billing-state">{billingStateLabel(tr, report.billingState)}</dd>
          <dt>{t("reports.column.notes")}</dt>
          <dd id="report-notes" class="notes">
            {report.notes || "—"}
          </dd>
          <dt>{t("reports.column.sessionNote")}</dt>
          <dd id="report-session-note" class="notes">
            {report.sessionNote ?? "—"}
          </dd>
          <dt>{t("reports.column.feedback")}</dt>
          <dd>
            <Feedback t={tr} report={report} />
          </dd>
          <dt>{t("reports.column.sessionCode")}</dt>
          <dd>{report.sessionCode ? <code>{report.sessionCode}</code> : "—"}</dd>
          <dt>{t("reports.detail.teamViewerId")}</dt>
          <dd>
            <code>{report.teamViewerReportId}</code>
          </dd>
          <dt>{t("reports.detail.synced")}</dt>
          <dd>{tr.formatDateTime(report.lastSeenAt)}</dd>
        </dl>
      </section>
      <div class="card" id="report-extras">
        <ConnectionExtrasSection
          t={tr}
          report={report}
          reportPath={reportPath(report.id)}
          title={t("reports.extras.title")}
        />
      </div>
      {view.canChange && (
        <>
          <form method="post" action={`${reportPath(report.id)}/edit`} class="panel" id="edit-report">
            <h2>{t("reports.edit.title")}</h2>
            <p class="hint">{t("reports.edit.hint")}</p>
            <CsrfField />
            <TextAreaField
              t={tr}
              name="notes"
              label={t("reports.edit.notes")}
              value={view.edit.values.notes ?? report.notes ?? ""}
              error={view.edit.errors.notes}
              maxLength={4000}
            />
            <SelectField
              t={tr}
              name="billing_state"
              label={t("reports.edit.billingState")}
              value={view.edit.values.billing_state ?? report.billingState ?? ""}
              error={view.edit.errors.billing_state}
              options={[
                ...(report.billingState === null
                  ? [{ value: "", label: t("reports.billingState.none") }]
                  : []),
                { value: "Bill", label: t("reports.billingState.Bill") },
                { value: "Billed", label: t("reports.billingState.Billed") },
                { value: "DoNotBill", label: t("reports.billingState.DoNotBill") },
              ]}
            />
            <button type="submit">{t("common.save")}</button>
          </form>
          <form method="post" action={`${reportPath(report.id)}/attach`} class="panel" id="attach-report">
            <h2>{t("reports.attach.title")}</h2>
            <p class="hint">{t("reports.attach.hint")}</p>
            <CsrfField />
            <TextField
              t={tr}
              name="ticket"
              label={t("reports.attach.ticket")}
              value={view.attach.values.ticket}
              error={view.attach.errors.ticket}
            />
            <button type="submit" class="secondary">
              {t("reports.attach.submit")}
            </button>
          </form>
        </>
      )}
    </>
  );
}
