/**
 * "Copy" beside a read-only field holding a link. The field is the page's own way to copy: it
 * works without scripts (select the text). The button is hidden until the page script
 * (copy-script.ts) finds the Clipboard API, which browsers offer only to secure contexts
 * (https, localhost); then a click copies the field and says so.
 */
import type { Translator } from "../i18n/index.js";

export function CopyButton(props: { t: Translator; fieldId: string }) {
  const { t } = props.t;
  return (
    <button
      type="button"
      class="secondary copy-button"
      data-copy={props.fieldId}
      data-copied={t("copy.copied")}
      aria-live="polite"
      hidden
    >
      {t("copy.copy")}
    </button>
  );
}

/** A labelled read-only field with the link and its copy button. */
export function CopyField(props: { t: Translator; id: string; label: string; value: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="copy-row">
        <input id={props.id} type="text" readonly value={props.value} class="copy-field" />
        <CopyButton t={props.t} fieldId={props.id} />
      </div>
    </div>
  );
}
