/**
 * The wording of helpdesk notes and the invitation's reply: an overview per event and language
 * on /settings/helpdesk, and an editor with a preview from sample values and "reset to default".
 * Everything is plain text, shown escaped.
 */
import type { HelpdeskEventType } from "../../db/repositories/helpdesk-writes.js";
import { helpdeskEventTypes } from "../../db/repositories/helpdesk-writes.js";
import {
  type Locale,
  localeNames,
  type MessageKey,
  supportedLocales,
  type Translator,
} from "../../i18n/index.js";
import { TemplateForm } from "../../web/template-form.js";
import {
  type HelpdeskTemplate,
  type HelpdeskTemplateProblem,
  type HelpdeskTemplateProblems,
  helpdeskTemplateSpecs,
  maxHelpdeskBodyLength,
} from "../templates/helpdesk-template.js";

export const helpdeskTemplatesPath = "/settings/helpdesk/templates";

export function helpdeskTemplatePath(event: HelpdeskEventType, locale: Locale): string {
  return `${helpdeskTemplatesPath}/${event}/${locale}`;
}

const eventLabelKeys: Record<HelpdeskEventType, MessageKey> = {
  "session.created": "helpdesk.templates.event.sessionCreated",
  "session.closed": "helpdesk.templates.event.sessionClosed",
  "session.expired": "helpdesk.templates.event.sessionExpired",
  "connection.reported": "helpdesk.templates.event.connectionReported",
  "connection.updated": "helpdesk.templates.event.connectionUpdated",
  "invitation.sent": "helpdesk.templates.event.invitationSent",
};

export function helpdeskTemplateTitle(t: Translator["t"], event: HelpdeskEventType, locale: Locale): string {
  return t("helpdesk.templates.editTitle", {
    event: t(eventLabelKeys[event]),
    language: localeNames[locale],
  });
}

/** The table on /settings/helpdesk: each event's wording per language, built-in or the organisation's own. */
export function HelpdeskTemplatesPanel(props: { t: Translator; custom: ReadonlySet<string> }) {
  const { t } = props.t;
  return (
    <section class="card" id="templates">
      <h2>{t("helpdesk.templates.title")}</h2>
      <p>{t("helpdesk.templates.intro")}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("helpdesk.templates.column.event")}</th>
              {supportedLocales.map((locale) => (
                <th scope="col">{localeNames[locale]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {helpdeskEventTypes.map((event) => (
              <tr>
                <th scope="row">{t(eventLabelKeys[event])}</th>
                {supportedLocales.map((locale) => (
                  <td>
                    <a href={helpdeskTemplatePath(event, locale)}>
                      {t(
                        props.custom.has(`${event}/${locale}`)
                          ? "helpdesk.templates.custom"
                          : "helpdesk.templates.builtIn",
                      )}
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface HelpdeskTemplateEditorView {
  event: HelpdeskEventType;
  locale: Locale;
  template: HelpdeskTemplate;
  isCustom: boolean;
  problems: HelpdeskTemplateProblems;
  preview: { subject: string; text: string } | undefined;
}

function problemText(t: Translator["t"], problem: HelpdeskTemplateProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  const listed = (names: readonly string[]) => names.map((name) => `{${name}}`).join(", ");
  switch (problem.kind) {
    case "required":
      return t("helpdesk.templates.problem.required");
    case "too-long":
      return t("helpdesk.templates.problem.tooLong", { max: problem.max });
    case "line-break":
      return t("helpdesk.templates.problem.lineBreak");
    case "unknown-placeholder":
      return t("helpdesk.templates.problem.unknownPlaceholder", {
        names: listed(problem.names),
        allowed: listed(problem.allowed),
      });
    case "placeholder-missing":
      return t("helpdesk.templates.problem.placeholderMissing", { names: listed(problem.names) });
  }
}

export function HelpdeskTemplateEditor(props: { t: Translator; view: HelpdeskTemplateEditorView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const action = helpdeskTemplatePath(view.event, view.locale);
  const spec = helpdeskTemplateSpecs[view.event];
  return (
    <>
      <p>
        <a href={`/settings/helpdesk#templates`}>{t("helpdesk.templates.back")}</a>
      </p>
      <section class="card">
        <p>{t("helpdesk.templates.placeholders")}</p>
        <ul>
          {spec.placeholders.map((name) => (
            <li>
              <code>{`{${name}}`}</code>
              {spec.required.includes(name) ? ` ${t("helpdesk.templates.requiredPlaceholder")}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <TemplateForm
        t={tr}
        action={action}
        template={view.template}
        errors={{ subject: problemText(t, view.problems.subject), body: problemText(t, view.problems.body) }}
        labels={{
          subject: t("helpdesk.templates.subject"),
          body: t("helpdesk.templates.body"),
          preview: t("helpdesk.templates.preview"),
          reset: t("helpdesk.templates.reset"),
        }}
        bodyRows={12}
        bodyMaxLength={maxHelpdeskBodyLength}
        isCustom={view.isCustom}
      />
      {view.preview && (
        <section class="card" id="template-preview">
          <h2>{t("helpdesk.templates.previewTitle")}</h2>
          <p>
            <strong>{view.preview.subject}</strong>
          </p>
          <pre class="mail-text">{view.preview.text}</pre>
        </section>
      )}
    </>
  );
}
