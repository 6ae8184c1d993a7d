/**
 * `/reports/dashboard`: connections per day and durations per supporter and per customer for a
 * range of days, as server-rendered SVG charts with data tables (charts.tsx).
 */
import type { DurationGroup } from "../../db/repositories/connection-report-search.js";
import type { Translator } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { TextField } from "../../web/forms.js";
import type { ReportDashboard } from "../report-dashboard.js";
import { dashboardTopCount } from "../report-dashboard.js";
import { BarChart, type ChartDatum, ColumnChart } from "./charts.js";
import { formatMinutes } from "./format-minutes.js";
import { ReportToolbar } from "./report-list-page.js";

export interface DashboardView {
  dashboard: ReportDashboard | undefined;
  values: FormValues;
  errors: FieldErrors;
}

const minutesOf = (seconds: number) => Math.round(seconds / 6) / 10;

export function DashboardPage(props: { t: Translator; view: DashboardView }) {
  const tr = props.t;
  const { t } = tr;
  const { dashboard } = props.view;
  return (
    <>
      <ReportToolbar t={tr} current="dashboard" />
      <form method="get" action="/reports/dashboard" class="panel filters" id="dashboard-range">
        <TextField
          t={tr}
          type="date"
          name="from"
          label={t("reports.filter.from")}
          value={props.view.values.from}
          error={props.view.errors.from}
        />
        <TextField
          t={tr}
          type="date"
          name="to"
          label={t("reports.filter.to")}
          value={props.view.values.to}
          error={props.view.errors.to}
        />
        <button type="submit">{t("reports.dashboard.show")}</button>
      </form>
      {dashboard && <DashboardCharts t={tr} dashboard={dashboard} />}
    </>
  );
}

function DashboardCharts(props: { t: Translator; dashboard: ReportDashboard }) {
  const tr = props.t;
  const { t } = tr;
  const { dashboard } = props;
  const groupData = (groups: DurationGroup[], unknown: string, pick: "totalSeconds" | "averageSeconds") =>
    groups.map((group): ChartDatum => {
      const value = minutesOf(group[pick]);
      return { label: group.label ?? group.key ?? unknown, value, display: formatMinutes(tr, value) };
    });
  const barFrame = (id: string, title: string) => ({
    id,
    title,
    description: t("reports.dashboard.barDescription", { count: dashboardTopCount }),
    tableLabel: t("reports.dashboard.table"),
  });
  const supporter = t("reports.column.supporter");
  const customer = t("reports.column.customer");
  const unknownSupporter = t("reports.dashboard.unknownSupporter");
  const unknownCustomer = t("reports.dashboard.unknownCustomer");
  return (
    <>
      <p id="dashboard-summary">
        {tr.tCount("reports.dashboard.summary", dashboard.connections, {
          duration: formatMinutes(tr, minutesOf(dashboard.totalSeconds)),
          from: dashboard.from,
          to: dashboard.to,
        })}
      </p>
      {dashboard.connections === 0 && <p class="muted">{t("reports.dashboard.empty")}</p>}
      <div class="charts">
        <ColumnChart
          id="chart-per-day"
          title={t("reports.dashboard.perDay")}
          description={t("reports.dashboard.perDayDescription", { from: dashboard.from, to: dashboard.to })}
          tableLabel={t("reports.dashboard.table")}
          columns={[t("reports.dashboard.day"), t("reports.dashboard.connections")]}
          data={dashboard.perDay.map((day) => ({ label: day.day, value: day.connections }))}
        />
        <BarChart
          {...barFrame("chart-supporter-total", t("reports.dashboard.totalPerSupporter"))}
          columns={[supporter, t("reports.dashboard.totalMinutes")]}
          data={groupData(dashboard.supporters.byTotal, unknownSupporter, "totalSeconds")}
        />
        <BarChart
          {...barFrame("chart-supporter-average", t("reports.dashboard.averagePerSupporter"))}
          columns={[supporter, t("reports.dashboard.averageMinutes")]}
          data={groupData(dashboard.supporters.byAverage, unknownSupporter, "averageSeconds")}
        />
        <BarChart
          {...barFrame("chart-customer-total", t("reports.dashboard.totalPerCustomer"))}
          columns={[customer, t("reports.dashboard.totalMinutes")]}
          data={groupData(dashboard.customers.byTotal, unknownCustomer, "totalSeconds")}
        />
        <BarChart
          {...barFrame("chart-customer-average", t("reports.dashboard.averagePerCustomer"))}
          columns={[customer, t("reports.dashboard.averageMinutes")]}
          data={groupData(dashboard.customers.byAverage, unknownCustomer, "averageSeconds")}
        />
      </div>
    </>
  );
}
