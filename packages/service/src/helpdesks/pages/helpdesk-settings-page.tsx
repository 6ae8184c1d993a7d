/**
 * `/settings/helpdesk` (admins): the helpdesk connection form, the outcome of the last check,
 * and the actions to test or remove the connection. The token goes in a password field and is
 * never echoed back, not even after a failed submit.
 */
import type { MessageKey, Translator } from "../../i18n/index.js";
import { localeNames, supportedLocales } from "../../i18n/index.js";
import { Notice, type NoticeDefinition } from "../../teamviewer/pages/notices.js";
import { CheckboxField, FormError, SelectField, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { describeHelpdeskProblem } from "../describe-helpdesk-problem.js";
import {
  type HelpdeskConnectionView,
  type HelpdeskFieldErrors,
  type HelpdeskSettingsInput,
  type HelpdeskSwitch,
  helpdeskKindOptions,
} from "../helpdesk-connection-settings.js";
import type { HelpdeskWritePage } from "../helpdesk-write-history.js";
import { HelpdeskTemplatesPanel } from "./helpdesk-template-page.js";

export const helpdeskSettingsPath = "/settings/helpdesk";
const switches = [
  "writesSessionField",
  "writesSessionNotes",
  "writesConnectionNotes",
  "writesInvitationReplies",
] as const satisfies readonly HelpdeskSwitch[];
export const helpdeskTestPath = "/settings/helpdesk/test";
export const helpdeskRemovePath = "/settings/helpdesk/remove";

export function helpdeskResendPath(writeId: string): string {
  return `/settings/helpdesk/writes/${writeId}/resend`;
}

export interface HelpdeskSettingsView {
  connection: HelpdeskConnectionView | undefined;
  /** The latest writes, for admins to see what reached the helpdesk. */
  history: HelpdeskWritePage;
  /** `event/locale` of the templates the organisation worded itself. */
  customTemplates: ReadonlySet<string>;
  /** What the form shows; `token` is ignored. */
  values: HelpdeskSettingsInput;
  errors: HelpdeskFieldErrors;
}

export function HelpdeskSettingsPage(props: {
  t: Translator;
  view: HelpdeskSettingsView;
  notice: NoticeDefinition | undefined;
}) {
  const { t } = props.t;
  const { view } = props;
  const hasStoredToken = view.connection !== undefined;
  return (
    <>
      <Notice t={props.t} notice={props.notice} />
      <form method="post" action={helpdeskSettingsPath} class="panel" autocomplete="off">
        <h2>{t("helpdesk.title")}</h2>
        <p>{t("helpdesk.intro")}</p>
        <FormError message={Object.keys(view.errors).length > 0 ? t("helpdesk.invalid") : undefined} />
        <CsrfField />
        <SelectField
          t={props.t}
          name="kind"
          label={t("helpdesk.field.kind")}
          value={view.values.kind}
          error={view.errors.kind}
          options={helpdeskKindOptions.map((kind) => ({ value: kind.value, label: t(kind.label) }))}
        />
        <TextField
          t={props.t}
          name="baseUrl"
          label={t("helpdesk.field.baseUrl")}
          hint={t("helpdesk.field.baseUrlHint")}
          value={view.values.baseUrl}
          error={view.errors.baseUrl}
          isRequired
        />
        <TextField
          t={props.t}
          name="token"
          type="password"
          autocomplete="new-password"
          label={t("helpdesk.field.token")}
          hint={t(hasStoredToken ? "helpdesk.field.tokenStored" : "helpdesk.field.tokenNew")}
          error={view.errors.token}
          isRequired={!hasStoredToken}
        />
        <TextField
          t={props.t}
          name="sessionField"
          label={t("helpdesk.field.sessionField")}
          hint={t("helpdesk.field.sessionFieldHint")}
          value={view.values.sessionField}
          error={view.errors.sessionField}
          isRequired
        />
        <fieldset class="field">
          <legend>{t("helpdesk.writes.heading")}</legend>
          {switches.map((name) => (
            <CheckboxField name={name} label={t(`helpdesk.field.${name}`)} isChecked={view.values[name]} />
          ))}
        </fieldset>
        <SelectField
          t={props.t}
          name="noteLocale"
          label={t("helpdesk.field.noteLocale")}
          value={view.values.noteLocale}
          error={view.errors.noteLocale}
          options={supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
        />
        <button type="submit">{t("helpdesk.save")}</button>
      </form>
      {view.connection === undefined ? (
        <p>{t("helpdesk.none")}</p>
      ) : (
        <CheckPanel t={props.t} connection={view.connection} />
      )}
      <HelpdeskTemplatesPanel t={props.t} custom={view.customTemplates} />
      <WritesPanel t={props.t} history={view.history} />
    </>
  );
}

function CheckPanel(props: { t: Translator; connection: HelpdeskConnectionView }) {
  const { t, formatDateTime } = props.t;
  const { lastCheck } = props.connection;
  return (
    <section class="card" id="check" aria-live="polite">
      <h2>{t("helpdesk.check.heading")}</h2>
      {lastCheck === null ? (
        <p>{t("helpdesk.check.never")}</p>
      ) : (
        <>
          <p>{t("helpdesk.check.at", { when: formatDateTime(lastCheck.checkedAt) })}</p>
          {lastCheck.problems.length === 0 ? (
            <p class="notice-ok" role="status">
              {t("helpdesk.check.ok")}
            </p>
          ) : (
            <ul class="problems">
              {lastCheck.problems.map((problem) => (
                <li class="form-error">{describeHelpdeskProblem(props.t, problem)}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <form method="post" action={helpdeskTestPath} class="inline-form">
        <CsrfField />
        <button type="submit">{t("helpdesk.test")}</button>
      </form>
      <form method="post" action={helpdeskRemovePath} class="inline-form">
        <CsrfField />
        <button type="submit" class="secondary">
          {t("helpdesk.remove")}
        </button>
      </form>
    </section>
  );
}

function WritesPanel(props: { t: Translator; history: HelpdeskWritePage }) {
  const { t, formatDateTime } = props.t;
  const { writes, counts } = props.history;
  return (
    <section class="card" id="writes">
      <h2>{t("helpdesk.writes.title")}</h2>
      <p>{t("helpdesk.writes.counts", counts)}</p>
      {writes.length === 0 ? (
        <p>{t("helpdesk.writes.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("helpdesk.writes.column.when")}</th>
                <th scope="col">{t("helpdesk.writes.column.event")}</th>
                <th scope="col">{t("helpdesk.writes.column.ticket")}</th>
                <th scope="col">{t("helpdesk.writes.column.state")}</th>
                <th scope="col">{t("helpdesk.writes.column.outcome")}</th>
                <th scope="col">
                  <span class="visually-hidden">{t("helpdesk.writes.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {writes.map((write) => (
                <tr>
                  <td>{formatDateTime(write.createdAt)}</td>
                  <td>
                    <code>{write.eventType}</code>
                  </td>
                  <td>{write.ticketExternalId}</td>
                  <td>{t(`helpdesk.writes.state.${write.state}`, { attempts: write.attemptCount })}</td>
                  <td>
                    {write.outcome}
                    {write.lastError !== null && <p class="field-error">{write.lastError}</p>}
                  </td>
                  <td>
                    <form method="post" action={helpdeskResendPath(write.id)} class="inline-form">
                      <CsrfField />
                      <button type="submit" class="secondary">
                        {t("helpdesk.writes.resend")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const helpdeskNotices = {
  saved: { message: "helpdesk.saved", isProblem: false },
  removed: { message: "helpdesk.removed", isProblem: false },
  resent: { message: "helpdesk.writes.resent", isProblem: false },
} satisfies Record<string, NoticeDefinition & { message: MessageKey }>;
