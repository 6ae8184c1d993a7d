/**
 * The admins' brand settings: one form, sent as multipart because it carries the logo. After a
 * refused save every typed value comes back; a file input cannot be refilled by a server, so the
 * page says to choose the logo again.
 */
import { supporterNameModes } from "../db/schema.js";
import { localeNames, supportedLocales, type Translator } from "../i18n/index.js";
import { SelectField, SuccessNotice, TextField } from "../web/forms.js";
import { CsrfField } from "../web/layout.js";
import { TimeZoneField } from "../web/time-zone-field.js";
import type { BrandField, BrandForm, BrandProblems } from "./brand-settings.js";

export const brandSettingsPath = "/settings/brand";

export interface BrandPageView {
  organisationName: string;
  values: BrandForm;
  problems: BrandProblems;
  logoPath: string | undefined;
  isSaved: boolean;
}

export function BrandSettingsPage(props: { t: Translator; view: BrandPageView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  const problem = (field: BrandField) => view.problems[field];
  const text = (
    field: Exclude<BrandField, "logo" | "supporterNameMode" | "defaultLocale" | "timeZone">,
    hint?: string,
  ) => {
    const found = problem(field);
    return (
      <TextField
        t={tr}
        name={field}
        label={t(`brand.${field}`)}
        value={view.values[field]}
        error={found?.key}
        {...(found?.params === undefined ? {} : { errorParams: found.params })}
        {...(hint === undefined ? {} : { hint })}
        {...(field === "supportPhone" ? { type: "tel" as const } : {})}
        {...(field === "supportEmail" ? { type: "email" as const } : {})}
      />
    );
  };
  const logoProblem = problem("logo");
  const hasProblems = Object.keys(view.problems).length > 0;
  return (
    <>
      <p>{t("brand.intro")}</p>
      <SuccessNotice message={view.isSaved ? t("brand.saved") : undefined} />
      {hasProblems && (
        <p class="form-error" role="alert">
          {t("brand.logoNotKept")}
        </p>
      )}
      <form
        method="post"
        action={brandSettingsPath}
        enctype="multipart/form-data"
        class="panel"
        id="brand-form"
      >
        <CsrfField />
        {text("displayName", t("brand.displayNameHint", { organisationName: view.organisationName }))}
        <div class="field">
          <label for="logo">{t("brand.logo")}</label>
          {view.logoPath !== undefined && (
            <p>
              <img class="brand-logo-preview" src={view.logoPath} alt={t("brand.logoCurrent")} />
              <br />
              <label>
                <input type="checkbox" name="removeLogo" /> {t("brand.logoRemove")}
              </label>
            </p>
          )}
          <input
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={logoProblem ? "true" : undefined}
            aria-describedby={logoProblem ? "logo-hint logo-error" : "logo-hint"}
          />
          <p class="hint" id="logo-hint">
            {t("brand.logoHint")}
          </p>
          {logoProblem && (
            <p class="field-error" id="logo-error">
              {t(logoProblem.key, logoProblem.params)}
            </p>
          )}
        </div>
        {text("accentColour", t("brand.accentColourHint"))}
        {text("supportPhone")}
        {text("supportEmail")}
        {text("supportUrl", t("brand.httpsHint"))}
        {text("legalUrl", t("brand.httpsHint"))}
        <SelectField
          t={tr}
          name="supporterNameMode"
          label={t("brand.supporterNameMode")}
          value={view.values.supporterNameMode}
          error={problem("supporterNameMode")?.key}
          options={supporterNameModes.map((mode) => ({
            value: mode,
            label: t(`brand.supporterNameMode.${mode}`),
          }))}
        />
        <SelectField
          t={tr}
          name="defaultLocale"
          label={t("brand.defaultLocale")}
          value={view.values.defaultLocale}
          error={problem("defaultLocale")?.key}
          options={supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
        />
        <p class="hint">{t("brand.defaultLocaleHint")}</p>
        <TimeZoneField
          t={tr}
          name="timeZone"
          value={view.values.timeZone}
          error={problem("timeZone")?.key}
          hint={t("timeZone.organisationHint")}
        />
        <button type="submit">{t("brand.save")}</button>
      </form>
    </>
  );
}
