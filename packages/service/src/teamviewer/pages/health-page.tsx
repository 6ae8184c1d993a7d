/** The admin's TeamViewer health page: one table per token source, a plain-words line per check. */
import type { Translator } from "../../i18n/index.js";
import type { HealthCheck, HealthReport } from "../health-check.js";

export const healthPath = "/health";

const statusLabels = {
  ok: "tv.health.status.ok",
  problem: "tv.health.status.problem",
  skipped: "tv.health.status.skipped",
} as const;

export function HealthPage(props: { t: Translator; report: HealthReport }) {
  const { t } = props.t;
  const { report } = props;
  return (
    <>
      <p>{t("tv.health.intro")}</p>
      {report.app && (
        <p>
          {t("tv.health.app", { clientId: report.app.clientId, apiBaseUrl: report.app.apiBaseUrl })}
          {report.app.isSimulator && ` ${t("tv.health.simulator")}`}
        </p>
      )}
      <ChecksTable
        t={props.t}
        title={t("tv.health.section.credentials")}
        checks={report.credentials}
        id="health-app"
      />
      <ChecksTable
        t={props.t}
        title={t("tv.health.section.user")}
        checks={report.userConnection}
        id="health-user"
      />
      <ChecksTable
        t={props.t}
        title={t("tv.health.section.script")}
        checks={report.scriptToken}
        id="health-script"
      />
      <p>
        <a class="button" href={healthPath}>
          {t("tv.health.recheck")}
        </a>
      </p>
    </>
  );
}

function ChecksTable(props: { t: Translator; title: string; checks: HealthCheck[]; id: string }) {
  const { t } = props.t;
  if (props.checks.length === 0) return null;
  return (
    <section class="card" id={props.id}>
      <h2>{props.title}</h2>
      <div class="table-wrap">
        <table>
          <tbody>
            {props.checks.map((check) => (
              <tr data-status={check.status}>
                <th scope="row">{t(check.label)}</th>
                <td>{t(statusLabels[check.status])}</td>
                <td>
                  {t(check.message, {
                    ...check.params,
                    ...(check.permission === undefined ? {} : { permission: t(check.permission) }),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
