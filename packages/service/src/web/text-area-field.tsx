/** A multi-line text field in the style of forms.tsx: label, hint, error next to the input. */
import type { MessageKey, Translator } from "../i18n/index.js";

export function TextAreaField(props: {
  t: Translator;
  name: string;
  label: string;
  value?: string | undefined;
  error?: MessageKey | undefined;
  /** An error that needs parameters, already translated; wins over `error`. */
  errorText?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const errorText = props.errorText ?? (props.error === undefined ? undefined : props.t.t(props.error));
  const describedBy = [props.hint && `${props.name}-hint`, errorText && `${props.name}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxLength}
        aria-invalid={errorText ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value ?? ""}
      </textarea>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {errorText && (
        <p class="field-error" id={`${props.name}-error`}>
          {errorText}
        </p>
      )}
    </div>
  );
}
