/**
 * The account fields the login, setup, users and profile forms share, so each is labelled,
 * hinted and wired to its error the same way everywhere.
 */
import type { Translator } from "../i18n/index.js";
import { type FieldErrors, type FormValues, TextField } from "../web/forms.js";
import { minPasswordLength } from "./password-rules.js";

interface FormState {
  values: FormValues;
  errors?: FieldErrors | undefined;
}

export function DisplayNameField({ t, form }: { t: Translator; form: FormState }) {
  return (
    <TextField
      t={t}
      name="displayName"
      label={t.t("fields.displayName")}
      value={form.values.displayName}
      error={form.errors?.displayName}
      autocomplete="name"
      isRequired
    />
  );
}

export function EmailField({ t, form }: { t: Translator; form: FormState }) {
  return (
    <TextField
      t={t}
      name="email"
      type="email"
      label={t.t("fields.email")}
      value={form.values.email}
      error={form.errors?.email}
      autocomplete="username"
      isRequired
    />
  );
}

/** A password field; `isNew` adds the length hint and tells password managers to suggest one. */
export function PasswordField(props: {
  t: Translator;
  form: FormState;
  name: string;
  label: string;
  isNew: boolean;
}) {
  const { t } = props;
  return (
    <TextField
      t={t}
      name={props.name}
      type="password"
      label={props.label}
      error={props.form.errors?.[props.name]}
      autocomplete={props.isNew ? "new-password" : "current-password"}
      {...(props.isNew ? { hint: t.t("forms.passwordHint", { min: minPasswordLength }) } : {})}
      isRequired
    />
  );
}
