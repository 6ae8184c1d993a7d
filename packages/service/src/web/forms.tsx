/**
 * Server-side form handling shared by every page: zod validation whose error messages are
 * message keys (translated at render time), the submitted values to re-fill the form (never
 * passwords), and field components that show the error next to their input.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { isMessageKey, type MessageKey, type MessageParams, type Translator } from "../i18n/index.js";
import { csrfFieldName } from "../identity/csrf.js";

export type FieldErrors = Partial<Record<string, MessageKey>>;
export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { isValid: true; data: T; values: FormValues }
  | { isValid: false; errors: FieldErrors; values: FormValues };

/** Fields whose value is never sent back to the browser in a re-rendered form. */
const isSecretField = (name: string) => name === csrfFieldName || name.toLowerCase().includes("password");

export async function readForm<S extends z.ZodType>(c: Context, schema: S): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody();
  const fields: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
  }
  const values = Object.fromEntries(Object.entries(fields).filter(([name]) => !isSecretField(name)));
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { isValid: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // The first problem per field is the one to fix first; zod's own texts are not translated.
    errors[field] ??= isMessageKey(issue.message)
      ? issue.message
      : fields[field] === undefined || fields[field] === ""
        ? "common.required"
        : "forms.invalid";
  }
  return { isValid: false, errors, values };
}

interface FieldProps {
  t: Translator;
  name: string;
  label: string;
  error?: MessageKey | undefined;
  /** Fills the error message's placeholders, such as the `{max}` of a length limit. */
  errorParams?: MessageParams;
  hint?: string;
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "date" | "tel";
    value?: string | undefined;
    autocomplete?: string;
    isRequired?: boolean;
  },
) {
  const describedBy = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.isRequired ?? false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldError t={props.t} name={props.name} error={props.error} params={props.errorParams} />
    </div>
  );
}

export function SelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[]; value?: string | undefined },
) {
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.name}-error` : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError t={props.t} name={props.name} error={props.error} />
    </div>
  );
}

/** One yes/no choice; a checked box sends `name=on`, an unchecked one sends nothing. */
export function CheckboxField(props: { name: string; label: string; hint?: string; isChecked: boolean }) {
  return (
    <div class="field">
      <label>
        <input
          type="checkbox"
          name={props.name}
          checked={props.isChecked}
          aria-describedby={props.hint ? `${props.name}-hint` : undefined}
        />{" "}
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

function FieldError(props: {
  t: Translator;
  name: string;
  error?: MessageKey | undefined;
  params?: MessageParams | undefined;
}) {
  if (!props.error) return null;
  return (
    <p class="field-error" id={`${props.name}-error`}>
      {props.t.t(props.error, props.params)}
    </p>
  );
}

/** A problem with the form as a whole (wrong password, throttled), announced to screen readers. */
/** A short line saying a form's change was made, read out by screen readers. */
export function SuccessNotice(props: { message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="notice-ok" role="status">
      {props.message}
    </p>
  );
}

export function FormError(props: { message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  );
}
