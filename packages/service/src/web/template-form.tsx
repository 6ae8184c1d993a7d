/**
 * The editor of a message template (an invitation e-mail, a helpdesk note): subject and text with
 * their errors, Save and Preview, and Reset to the built-in wording while the organisation has
 * its own. Each feature brings its labels, its limits and its problems already in words.
 */
import type { Translator } from "../i18n/index.js";
import { CsrfField } from "./layout.js";
import { TextAreaField } from "./text-area-field.js";

export interface TemplateFormProps {
  t: Translator;
  /** Where Save and Preview post to; Reset posts to `${action}/reset`. */
  action: string;
  template: { subject: string; body: string };
  /** The subject's and the text's problem, in the reader's words. */
  errors: { subject: string | undefined; body: string | undefined };
  labels: { subject: string; body: string; preview: string; reset: string };
  bodyRows: number;
  bodyMaxLength: number;
  isCustom: boolean;
}

export function TemplateForm(props: TemplateFormProps) {
  const { t } = props.t;
  const subjectError = props.errors.subject;
  return (
    <>
      <form method="post" action={props.action} class="panel" id="template-form">
        <CsrfField />
        <div class="field">
          <label for="subject">{props.labels.subject}</label>
          <input
            id="subject"
            name="subject"
            type="text"
            value={props.template.subject}
            aria-invalid={subjectError ? "true" : undefined}
            aria-describedby={subjectError ? "subject-error" : undefined}
          />
          {subjectError && (
            <p class="field-error" id="subject-error">
              {subjectError}
            </p>
          )}
        </div>
        <TextAreaField
          t={props.t}
          name="body"
          label={props.labels.body}
          value={props.template.body}
          errorText={props.errors.body}
          rows={props.bodyRows}
          maxLength={props.bodyMaxLength}
        />
        <p class="inline-form">
          <button type="submit" name="action" value="save">
            {t("common.save")}
          </button>
          <button type="submit" name="action" value="preview" class="secondary">
            {props.labels.preview}
          </button>
        </p>
      </form>
      {props.isCustom && (
        <form method="post" action={`${props.action}/reset`} class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary">
            {props.labels.reset}
          </button>
        </form>
      )}
    </>
  );
}
