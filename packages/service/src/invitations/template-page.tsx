/**
 * The admins' invitation templates: an overview per language, and an editor with a preview
 * built from sample values. The preview's HTML is ours (every character of the template and the
 * values is escaped by renderTemplateHtml), so it can be shown inline.
 */

import { raw } from "hono/html";
import { type Locale, localeNames, supportedLocales, type Translator } from "../i18n/index.js";
import { SuccessNotice } from "../web/forms.js";
import { TemplateForm } from "../web/template-form.js";
import type { ComposedInvitation } from "./compose-invitation.js";
import {
  type InvitationTemplate,
  invitationPlaceholders,
  maxBodyLength,
  type TemplateProblem,
  type TemplateProblems,
} from "./invitation-template.js";

export const templatesPath = "/settings/invitations";

export function TemplatesOverview(props: {
  t: Translator;
  customLocales: ReadonlySet<Locale>;
  notice?: string;
}) {
  const { t } = props.t;
  return (
    <>
      <SuccessNotice message={props.notice} />
      <PlaceholderList t={props.t} />
      <div class="table-wrap">
        <table id="templates">
          <tbody>
            {supportedLocales.map((locale) => (
              <tr>
                <th scope="row">{localeNames[locale]}</th>
                <td>
                  {t(
                    props.customLocales.has(locale)
                      ? "invitations.templates.custom"
                      : "invitations.templates.builtIn",
                  )}
                </td>
                <td>
                  <a href={`${templatesPath}/${locale}`}>{t("invitations.templates.edit")}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PlaceholderList(props: { t: Translator }) {
  const { t } = props.t;
  return (
    <section class="card">
      <p>{t("invitations.templates.intro")}</p>
      <dl class="facts">
        {invitationPlaceholders.map((name) => (
          <>
            <dt>
              <code>{`{${name}}`}</code>
            </dt>
            <dd>{t(`invitations.templates.placeholder.${name}`)}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export interface TemplateEditorView {
  locale: Locale;
  template: InvitationTemplate;
  isCustom: boolean;
  problems: TemplateProblems;
  preview: ComposedInvitation | undefined;
  previewBodyHtml: string | undefined;
}

function problemText(t: Translator["t"], problem: TemplateProblem | undefined): string | undefined {
  if (problem === undefined) return undefined;
  switch (problem.kind) {
    case "required":
      return t("invitations.template.required");
    case "too-long":
      return t("invitations.template.tooLong", { max: problem.max });
    case "line-break":
      return t("invitations.template.lineBreak");
    case "unknown-placeholder":
      return t("invitations.template.unknownPlaceholder", {
        names: problem.names.map((name) => `{${name}}`).join(", "),
      });
    case "join-url-missing":
      return t("invitations.template.joinUrlMissing");
  }
}

export function TemplateEditor(props: { t: Translator; view: TemplateEditorView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const action = `${templatesPath}/${view.locale}`;
  return (
    <>
      <PlaceholderList t={tr} />
      <TemplateForm
        t={tr}
        action={action}
        template={view.template}
        errors={{ subject: problemText(t, view.problems.subject), body: problemText(t, view.problems.body) }}
        labels={{
          subject: t("invitations.templates.subject"),
          body: t("invitations.templates.body"),
          preview: t("invitations.templates.preview"),
          reset: t("invitations.templates.reset"),
        }}
        bodyRows={14}
        bodyMaxLength={maxBodyLength}
        isCustom={view.isCustom}
      />
      {view.preview && view.previewBodyHtml !== undefined && (
        <section class="card" id="template-preview">
          <h2>{t("invitations.templates.previewTitle")}</h2>
          <p>
            <strong>{view.preview.subject}</strong>
          </p>
          <h3>{t("invitations.templates.previewText")}</h3>
          <pre class="mail-text">{view.preview.text}</pre>
          <h3>{t("invitations.templates.previewHtml")}</h3>
          <div class="mail-html">{raw(view.previewBodyHtml)}</div>
        </section>
      )}
    </>
  );
}
