/**
 * `/reports` and `/reports/unmatched`: the organisation's connection reports with filters (a GET
 * form, so a filtered list is a link), downloads that keep the filters, paging by keyset, and
 * for admins "Sync now". The unmatched list offers attaching each report to a ticket.
 */
import type { Translator } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { FormError, SelectField, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import type { ListedConnectionReport } from "../list-connection-reports.js";
import { filterQueryString } from "./report-filters.js";
import { ReportTable } from "./report-table.js";

export interface ReportListView {
  mode: "all" | "unmatched";
  reports: ListedConnectionReport[];
  values: FormValues;
  errors: FieldErrors;
  /** Supporters to filter by: our users with a TeamViewer connection. */
  supporters: { id: string; name: string }[];
  nextPageUrl: string | undefined;
  isAdmin: boolean;
  /** Admins and supporters may attach and edit; auditors only read. */
  canChange: boolean;
  /** A supporter sees only their own connections. */
  isOwnOnly: boolean;
  notice: string | undefined;
  problem: string | undefined;
}

export function ReportToolbar(props: { t: Translator; current: "all" | "unmatched" | "dashboard" }) {
  const { t } = props.t;
  const links = [
    { href: "/reports", label: t("reports.link.all"), name: "all" },
    { href: "/reports/unmatched", label: t("reports.link.unmatched"), name: "unmatched" },
    { href: "/reports/dashboard", label: t("reports.link.dashboard"), name: "dashboard" },
  ];
  return (
    <p class="toolbar">
      {links.map((link) => (
        <a href={link.href} aria-current={link.name === props.current ? "page" : undefined}>
          {link.label}
        </a>
      ))}
    </p>
  );
}

export function ReportListPage(props: { t: Translator; view: ReportListView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const action = view.mode === "all" ? "/reports" : "/reports/unmatched";
  const exportValues = view.mode === "unmatched" ? { ...view.values, matched: "false" } : view.values;
  return (
    <>
      <SuccessNotice message={view.notice} />
      <FormError message={view.problem} />
      <ReportToolbar t={tr} current={view.mode} />
      {view.mode === "unmatched" && <p class="hint">{t("reports.unmatched.hint")}</p>}
      {view.isOwnOnly && <p class="hint">{t("reports.list.ownOnly")}</p>}
      <p class="hint" id="billed-kept">
        {t("billing.billedKept")}
      </p>
      {view.isAdmin && (
        <form method="post" action="/reports/sync" class="inline-form" id="sync-now">
          <CsrfField />
          <button type="submit" class="secondary">
            {t("reports.sync.now")}
          </button>
          <a href="/reports/sync-status">{t("reports.sync.status")}</a>
        </form>
      )}
      <form method="get" action={action} class="panel filters" id="report-filters">
        {view.supporters.length > 0 && (
          <SelectField
            t={tr}
            name="supporter"
            label={t("reports.filter.supporter")}
            value={view.values.supporter ?? ""}
            error={view.errors.supporter}
            options={[
              { value: "", label: t("reports.filter.anySupporter") },
              ...view.supporters.map((supporter) => ({ value: supporter.id, label: supporter.name })),
            ]}
          />
        )}
        <TextField
          t={tr}
          name="group"
          label={t("reports.filter.group")}
          value={view.values.group}
          error={view.errors.group}
        />
        <TextField
          t={tr}
          type="date"
          name="from"
          label={t("reports.filter.from")}
          value={view.values.from}
          error={view.errors.from}
        />
        <TextField
          t={tr}
          type="date"
          name="to"
          label={t("reports.filter.to")}
          value={view.values.to}
          error={view.errors.to}
        />
        {view.mode === "all" && (
          <TextField
            t={tr}
            name="ticket"
            label={t("reports.filter.ticket")}
            value={view.values.ticket}
            error={view.errors.ticket}
          />
        )}
        <SelectField
          t={tr}
          name="billingState"
          label={t("reports.filter.billingState")}
          value={view.values.billingState ?? ""}
          error={view.errors.billingState}
          options={[
            { value: "", label: t("reports.filter.any") },
            { value: "Bill", label: t("reports.billingState.Bill") },
            { value: "Billed", label: t("reports.billingState.Billed") },
            { value: "DoNotBill", label: t("reports.billingState.DoNotBill") },
          ]}
        />
        {view.mode === "all" && (
          <SelectField
            t={tr}
            name="matched"
            label={t("reports.filter.matched")}
            value={view.values.matched ?? ""}
            error={view.errors.matched}
            options={[
              { value: "", label: t("reports.filter.any") },
              { value: "true", label: t("reports.filter.matchedOnly") },
              { value: "false", label: t("reports.filter.unmatchedOnly") },
            ]}
          />
        )}
        <button type="submit">{t("reports.filter.apply")}</button>
      </form>
      <p class="link-buttons" id="report-downloads">
        <a
          class="button secondary"
          href={`/reports/export?${filterQueryString(exportValues, { format: "csv" })}`}
        >
          {t("reports.export.csv")}
        </a>
        <a
          class="button secondary"
          href={`/reports/export?${filterQueryString(exportValues, { format: "jsonl" })}`}
        >
          {t("reports.export.jsonl")}
        </a>
        <span class="muted">{t("reports.export.hint")}</span>
      </p>
      {view.reports.length === 0 ? (
        <p class="muted" id="no-reports">
          {t(view.mode === "unmatched" ? "reports.unmatched.empty" : "reports.list.empty")}
        </p>
      ) : (
        <ReportTable
          t={tr}
          id="connection-reports"
          reports={view.reports}
          canAttach={view.mode === "unmatched" && view.canChange}
        />
      )}
      {view.nextPageUrl && (
        <p>
          <a href={view.nextPageUrl} rel="next">
            {t("reports.list.next")}
          </a>
        </p>
      )}
    </>
  );
}
