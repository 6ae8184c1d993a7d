/**
 * The admins' embedding pages' markup (issue 23): the integrations with the register form (an
 * HMAC integration, or a Zendesk or Forge one with the platform's keys and agents), one
 * integration's settings (name, allowed origins, the platform's configuration, on/off, secret
 * rotation, deletion), and the page
 * that shows a new secret once, with everything a helpdesk admin needs to sign assertions.
 */

import { embeddingIntegrationKinds } from "../../db/schema.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { CopyField } from "../../web/copy-button.js";
import { DataTable } from "../../web/data-table.js";
import { FormError, SelectField, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { TextAreaField } from "../../web/text-area-field.js";
import type { EmbeddingIntegrationRecord, PlatformKind } from "../manage-embedding-integrations.js";
import {
  formFieldOf,
  type IntegrationFormState,
  type IntegrationKind,
  platformFields,
} from "./integration-form.js";

export const embeddingSettingsPath = "/settings/embedding";
export const integrationPath = (id: string) => `${embeddingSettingsPath}/${id}`;

const kindLabelKey = (kind: IntegrationKind): MessageKey => `embed.admin.kind.${kind}`;

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
        errorText={form.texts?.allowedOrigins}
        rows={3}
      />
    </>
  );
}

/** The fields pasted over several lines: the key, the key set and the agents map. */
const multiLineFields: ReadonlySet<string> = new Set(["publicKeyPem", "jwks", "agents"]);

/** One platform's configuration: the fields the API takes under `zendesk` or `forge`. */
function PlatformFields(props: { t: Translator; kind: PlatformKind; form: IntegrationFormState }) {
  const { t, kind, form } = props;
  return (
    <fieldset class={`platform-fields platform-${kind}`}>
      <legend>{t.t(`embed.admin.${kind}.legend`)}</legend>
      {platformFields[kind].map((field) => {
        const name = formFieldOf(kind, field);
        const label = t.t(`embed.admin.${kind}.${field}` as MessageKey);
        const hint = t.t(`embed.admin.${kind}.${field}Hint` as MessageKey);
        return multiLineFields.has(field) ? (
          <TextAreaField
            t={t}
            name={name}
            label={label}
            hint={hint}
            value={form.values[name]}
            errorText={form.texts?.[name]}
            rows={field === "agents" ? 4 : 8}
          />
        ) : (
          <TextField
            t={t}
            name={name}
            label={label}
            hint={hint}
            value={form.values[name]}
            error={form.errors[name]}
            errorParams={form.params?.[name] ?? {}}
          />
        );
      })}
    </fieldset>
  );
}

/** Registering: the kind, and every kind's section (only the chosen one is read). */
function KindChoice(props: { t: Translator; form: IntegrationFormState }) {
  const { t, form } = props;
  return (
    <>
      <SelectField
        t={t}
        name="kind"
        label={t.t("embed.admin.field.kind")}
        value={form.values.kind ?? "hmac"}
        error={form.errors.kind}
        options={embeddingIntegrationKinds.map((kind) => ({
          value: kind,
          label: t.t(kindLabelKey(kind)),
        }))}
      />
      <p class="hint">{t.t("embed.admin.field.kindHint")}</p>
      <PlatformFields t={t} kind="zendesk" form={form} />
      <PlatformFields t={t} kind="forge" form={form} />
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
      <p>{t.t("embed.admin.introPlatforms")}</p>
      <SuccessNotice message={props.notice} />
      <DataTable
        rows={props.integrations}
        rowId={(integration) => `integration-${integration.id}`}
        empty={t.t("embed.admin.empty")}
        columns={[
          {
            header: t.t("embed.admin.field.name"),
            cell: (integration) => <a href={integrationPath(integration.id)}>{integration.name}</a>,
          },
          {
            header: t.t("embed.admin.column.id"),
            cell: (integration) => <code class="long">{integration.id}</code>,
          },
          {
            header: t.t("embed.admin.field.kind"),
            cell: (integration) => t.t(kindLabelKey(integration.kind)),
          },
          {
            header: t.t("embed.admin.field.origins"),
            cell: (integration) => integration.allowedOrigins.join(", "),
          },
          {
            header: t.t("embed.admin.column.status"),
            cell: (integration) =>
              t.t(integration.disabledAt === null ? "embed.admin.enabled" : "embed.admin.disabled"),
          },
          {
            header: t.t("embed.admin.column.created"),
            cell: (integration) => t.formatDateTime(integration.createdAt),
          },
        ]}
      />
      <form method="post" action={embeddingSettingsPath} class="panel" novalidate>
        <h2>{t.t("embed.admin.add")}</h2>
        <CsrfField />
        <IntegrationFields t={t} form={props.form} />
        <KindChoice t={t} form={props.form} />
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
      <CopyField t={t} id="integration-id" label={t.t("embed.admin.column.id")} value={integration.id} />
      <CopyField t={t} id="secret" label={t.t("embed.admin.secret")} value={props.secret} />
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
      <SuccessNotice message={props.notice} />
      <FormError message={props.problem} />
      <p>
        {t.t("embed.admin.column.id")}: <code class="long">{integration.id}</code>
      </p>
      <p>
        {t.t("embed.admin.field.kind")}: {t.t(kindLabelKey(integration.kind))}
      </p>
      <form method="post" action={action} class="panel" novalidate>
        <h2>{t.t("embed.admin.settings")}</h2>
        <CsrfField />
        <IntegrationFields t={t} form={props.form} />
        {integration.kind !== "hmac" && <PlatformFields t={t} kind={integration.kind} form={props.form} />}
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
