/**
 * The admins' embedding pages' markup (issue 23): the integrations with the register form, one
 * integration's settings (name, allowed origins, on/off, secret rotation, deletion), and the page
 * that shows a new secret once, with everything a helpdesk admin needs to sign assertions.
 */

import type { Translator } from "../../i18n/index.js";
import { type FieldErrors, FormError, type FormValues, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { TextAreaField } from "../../web/text-area-field.js";
import type { EmbeddingIntegrationRecord } from "../manage-embedding-integrations.js";

export const embeddingSettingsPath = "/settings/embedding";
export const integrationPath = (id: string) => `${embeddingSettingsPath}/${id}`;

export interface IntegrationFormState {
  values: FormValues;
  errors: FieldErrors;
  /** Origin problems name the entry, so they come translated. */
  originsError?: string | undefined;
}

const formatUtc = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

function Notice(props: { message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <p class="notice-ok" role="status">
      {props.message}
    </p>
  );
}

function IntegrationFields(props: { t: Translator; form: IntegrationFormState }) {
  const { t, form } = props;
  return (
    <>
      <TextField
        t={t}
        name="name"
        label={t.t("embed.admin.field.name")}
        value={form.values.name}
        error={form.errors.name}
        isRequired
      />
      <TextAreaField
        t={t}
        name="allowedOrigins"
        label={t.t("embed.admin.field.origins")}
        hint={t.t("embed.admin.field.originsHint")}
        value={form.values.allowedOrigins}
        errorText={form.originsError}
        rows={3}
      />
    </>
  );
}

export function IntegrationListPage(props: {
  t: Translator;
  integrations: EmbeddingIntegrationRecord[];
  form: IntegrationFormState;
  notice?: string | undefined;
}) {
  const { t } = props;
  return (
    <>
      <p>{t.t("embed.admin.intro")}</p>
      <Notice message={props.notice} />
      {props.integrations.length === 0 ? (
        <p class="muted">{t.t("embed.admin.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t("embed.admin.field.name")}</th>
                <th scope="col">{t.t("embed.admin.column.id")}</th>
                <th scope="col">{t.t("embed.admin.field.origins")}</th>
                <th scope="col">{t.t("embed.admin.column.status")}</th>
                <th scope="col">{t.t("embed.admin.column.created")}</th>
              </tr>
            </thead>
            <tbody>
              {props.integrations.map((integration) => (
                <tr id={`integration-${integration.id}`}>
                  <td>
                    <a href={integrationPath(integration.id)}>{integration.name}</a>
                  </td>
                  <td>
                    <code class="long">{integration.id}</code>
                  </td>
                  <td>{integration.allowedOrigins.join(", ")}</td>
                  <td>
                    {t.t(integration.disabledAt === null ? "embed.admin.enabled" : "embed.admin.disabled")}
                  </td>
                  <td>{formatUtc(integration.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={embeddingSettingsPath} class="panel" novalidate>
        <h2>{t.t("embed.admin.add")}</h2>
        <CsrfField />
        <IntegrationFields t={t} form={props.form} />
        <button type="submit">{t.t("embed.admin.register")}</button>
      </form>
    </>
  );
}

/** Shown right after registering or rotating; the only place the secret ever appears. */
export function SecretPage(props: {
  t: Translator;
  integration: EmbeddingIntegrationRecord;
  secret: string;
}) {
  const { t, integration } = props;
  return (
    <>
      <p role="status">{t.t("embed.admin.secretOnce")}</p>
      <label for="integration-id">{t.t("embed.admin.column.id")}</label>
      <input
        id="integration-id"
        class="copy-field"
        type="text"
        readonly
        value={integration.id}
        autocomplete="off"
      />
      <label for="secret">{t.t("embed.admin.secret")}</label>
      <input id="secret" class="copy-field" type="text" readonly value={props.secret} autocomplete="off" />
      <p class="hint">{t.t("embed.admin.secretHint")}</p>
      <p>
        <a href={integrationPath(integration.id)}>{t.t("embed.admin.open")}</a> ·{" "}
        <a href={embeddingSettingsPath}>{t.t("embed.admin.back")}</a>
      </p>
    </>
  );
}

export function IntegrationPage(props: {
  t: Translator;
  integration: EmbeddingIntegrationRecord;
  form: IntegrationFormState;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, integration } = props;
  const action = integrationPath(integration.id);
  const isEnabled = integration.disabledAt === null;
  return (
    <>
      <p>
        <a href={embeddingSettingsPath}>{t.t("embed.admin.back")}</a>
      </p>
      <Notice message={props.notice} />
      <FormError message={props.problem} />
      <p>
        {t.t("embed.admin.column.id")}: <code class="long">{integration.id}</code>
      </p>
      <form method="post" action={action} class="panel" novalidate>
        <h2>{t.t("embed.admin.settings")}</h2>
        <CsrfField />
        <IntegrationFields t={t} form={props.form} />
        <button type="submit">{t.t("embed.admin.save")}</button>
      </form>
      <section class="panel">
        <h2>{t.t("embed.admin.actions")}</h2>
        <p>{t.t(isEnabled ? "embed.admin.enabled" : "embed.admin.disabled")}</p>
        <form method="post" action={`${action}/status`}>
          <CsrfField />
          <input type="hidden" name="enabled" value={isEnabled ? "false" : "true"} />
          <button type="submit">{t.t(isEnabled ? "embed.admin.disable" : "embed.admin.enable")}</button>
        </form>
        {/* Zendesk and Forge sign with the platform's keys: there is no secret to rotate. */}
        {integration.kind === "hmac" && (
          <form method="post" action={`${action}/rotate`}>
            <CsrfField />
            <p class="hint">{t.t("embed.admin.rotateHint")}</p>
            <button type="submit">{t.t("embed.admin.rotate")}</button>
          </form>
        )}
        <form method="post" action={`${action}/delete`}>
          <CsrfField />
          <p class="hint">{t.t("embed.admin.deleteHint")}</p>
          <button type="submit" class="danger">
            {t.t("embed.admin.delete")}
          </button>
        </form>
      </section>
    </>
  );
}
