/**
 * Admin settings: the organisation's TeamViewer app and the company script token. Secrets go
 * in password fields and are never echoed back, not even after a failed submit.
 */
import type { MessageKey, Translator } from "../../i18n/index.js";
import { FormError, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { type AppEndpoints, usesPlainHttp } from "../app-endpoints.js";
import type { AppSettingsInput, FieldErrors } from "../app-settings.js";
import { Notice, type NoticeDefinition } from "./notices.js";

export const settingsPath = "/settings/teamviewer";
export const scriptTokenPath = "/settings/teamviewer/script-token";
export const scriptTokenDeletePath = "/settings/teamviewer/script-token/delete";

const endpointFields = [
  { name: "redirectUri", label: "tv.settings.redirectUri", hint: "tv.settings.redirectUriHint" },
  { name: "authorizeUrl", label: "tv.settings.authorizeUrl", hint: "tv.settings.authorizeUrlHint" },
  { name: "apiBaseUrl", label: "tv.settings.apiBaseUrl", hint: "tv.settings.apiBaseUrlHint" },
] as const satisfies readonly { name: keyof AppEndpoints; label: MessageKey; hint: MessageKey }[];

export interface SettingsView {
  /** What the form shows; `clientSecret` is ignored. */
  values: AppSettingsInput;
  errors: FieldErrors;
  hasStoredSecret: boolean;
  /** Which defaults to suggest in the hints. */
  examples: AppEndpoints;
  /** "fallback": the simulator stands in until an app is saved; "forced": ATTENDANT_DEMO=true. */
  simulator: "none" | "fallback" | "forced";
  hasScriptToken: boolean;
  scriptTokenError: MessageKey | undefined;
}

export function SettingsPage(props: {
  t: Translator;
  view: SettingsView;
  notice: NoticeDefinition | undefined;
}) {
  const { t } = props.t;
  const { view } = props;
  const hasErrors = Object.keys(view.errors).length > 0;
  return (
    <>
      <Notice t={props.t} notice={props.notice} />
      {view.simulator !== "none" && (
        <p class="banner">
          {t(view.simulator === "forced" ? "tv.settings.simulatorForced" : "tv.settings.simulatorActive")}
        </p>
      )}
      <form method="post" action={settingsPath} class="panel" autocomplete="off">
        <h2>{t("tv.settings.appHeading")}</h2>
        <p>{t("tv.settings.intro")}</p>
        <FormError message={hasErrors ? t("tv.settings.invalid") : undefined} />
        {usesPlainHttp(view.values) && (
          <p class="banner" role="alert">
            {t("tv.settings.plainHttpWarning")}
          </p>
        )}
        <CsrfField />
        <TextField
          t={props.t}
          name="clientId"
          label={t("tv.settings.clientId")}
          value={view.values.clientId}
          error={view.errors.clientId}
          isRequired
        />
        <TextField
          t={props.t}
          name="clientSecret"
          type="password"
          autocomplete="new-password"
          label={t("tv.settings.clientSecret")}
          hint={t(view.hasStoredSecret ? "tv.settings.clientSecretStored" : "tv.settings.clientSecretNew")}
          error={view.errors.clientSecret}
          isRequired={!view.hasStoredSecret}
        />
        {endpointFields.map((field) => (
          <TextField
            t={props.t}
            name={field.name}
            label={t(field.label)}
            hint={t(field.hint, { example: view.examples[field.name] })}
            value={view.values[field.name]}
            error={view.errors[field.name]}
            isRequired
          />
        ))}
        <button type="submit">{t("common.save")}</button>
      </form>
      <ScriptTokenPanel t={props.t} view={view} />
    </>
  );
}

function ScriptTokenPanel(props: { t: Translator; view: SettingsView }) {
  const { t } = props.t;
  return (
    <section class="card" id="script-token">
      <h2>{t("tv.scriptToken.heading")}</h2>
      <p>{t("tv.scriptToken.intro")}</p>
      <p>{t(props.view.hasScriptToken ? "tv.scriptToken.stored" : "tv.scriptToken.none")}</p>
      <form method="post" action={scriptTokenPath} autocomplete="off">
        <CsrfField />
        <TextField
          t={props.t}
          name="scriptToken"
          type="password"
          autocomplete="off"
          label={t("tv.scriptToken.label")}
          error={props.view.scriptTokenError}
          isRequired
        />
        <button type="submit">{t("tv.scriptToken.save")}</button>
      </form>
      {props.view.hasScriptToken && (
        <form method="post" action={scriptTokenDeletePath} class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary">
            {t("tv.scriptToken.remove")}
          </button>
        </form>
      )}
    </section>
  );
}
