/**
 * The admins' API keys page: the organisation's keys (never their secrets), a freshly created
 * key shown once, the create form, and the confirmation before a key is revoked.
 */
import type { ApiKeyScope } from "../../db/schema.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { type FieldErrors, FormError, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import type { ApiKeySummary } from "../api-keys.js";

export const apiKeysPath = "/api-keys";

export interface KeyUser {
  id: string;
  label: string;
}

export interface CreateFormState {
  values: { name?: string; actingUserId?: string; scopes?: readonly string[] };
  errors?: FieldErrors;
}

export function ApiKeysPage(props: {
  t: Translator;
  keys: ApiKeySummary[];
  users: KeyUser[];
  userLabels: ReadonlyMap<string, string>;
  scopes: readonly ApiKeyScope[];
  createForm?: CreateFormState;
  created?: { name: string; token: string };
  notice?: string;
  error?: string;
}) {
  const { t } = props.t;
  return (
    <>
      <p>
        {t("apiKeys.intro")} <a href="/api/v1/reference">{t("apiKeys.referenceLink")}</a>
      </p>
      <SuccessNotice message={props.notice} />
      <FormError message={props.error} />
      {props.created && (
        <section class="card" aria-labelledby="created-key-title">
          <h2 id="created-key-title">{t("apiKeys.created.title")}</h2>
          <p>{t("apiKeys.created.text", { name: props.created.name })}</p>
          <label for="created-key">{t("apiKeys.created.label")}</label>
          <input
            id="created-key"
            class="copy-field"
            type="text"
            readonly
            value={props.created.token}
            autocomplete="off"
          />
        </section>
      )}
      <KeyTable t={props.t} keys={props.keys} userLabels={props.userLabels} />
      <CreateForm t={props.t} users={props.users} scopes={props.scopes} state={props.createForm} />
    </>
  );
}

function KeyTable(props: { t: Translator; keys: ApiKeySummary[]; userLabels: ReadonlyMap<string, string> }) {
  const tr = props.t;
  const { t } = tr;
  if (props.keys.length === 0) return <p class="muted">{t("apiKeys.empty")}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("apiKeys.column.name")}</th>
            <th scope="col">{t("apiKeys.column.key")}</th>
            <th scope="col">{t("apiKeys.column.scopes")}</th>
            <th scope="col">{t("apiKeys.column.actingFor")}</th>
            <th scope="col">{t("apiKeys.column.created")}</th>
            <th scope="col">{t("apiKeys.column.lastUsed")}</th>
            <th scope="col">{t("apiKeys.column.status")}</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((key) => (
            <tr id={`api-key-${key.id}`}>
              <td>{key.name}</td>
              <td>
                <code>{`atd_${key.prefix}_…`}</code>
              </td>
              <td>
                <ul class="plain-list">
                  {key.scopes.map((scope) => (
                    <li>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {key.actingUserId === null
                  ? t("apiKeys.organisationWide")
                  : (props.userLabels.get(key.actingUserId) ?? t("apiKeys.unknownUser"))}
              </td>
              <td>{tr.formatDateTime(key.createdAt)}</td>
              <td>{key.lastUsedAt === null ? t("apiKeys.never") : tr.formatDateTime(key.lastUsedAt)}</td>
              <td>
                {key.revokedAt === null ? (
                  <>
                    {t("apiKeys.active")}{" "}
                    <a href={`${apiKeysPath}/${key.id}/revoke`}>{t("apiKeys.revoke")}</a>
                  </>
                ) : (
                  <span class="muted">
                    {t("apiKeys.revokedAt", { date: tr.formatDateTime(key.revokedAt) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateForm(props: {
  t: Translator;
  users: KeyUser[];
  scopes: readonly ApiKeyScope[];
  state: CreateFormState | undefined;
}) {
  const { t } = props.t;
  const values = props.state?.values ?? {};
  const errors = props.state?.errors ?? {};
  const chosen = new Set(values.scopes ?? []);
  return (
    <form method="post" action={apiKeysPath} class="panel" aria-labelledby="create-key-title">
      <h2 id="create-key-title">{t("apiKeys.create.title")}</h2>
      <CsrfField />
      <TextField
        t={props.t}
        name="name"
        label={t("apiKeys.field.name")}
        hint={t("apiKeys.field.nameHint")}
        value={values.name}
        error={errors.name}
        isRequired
      />
      <fieldset class="field" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
        <legend>{t("apiKeys.field.scopes")}</legend>
        <ul class="plain-list">
          {props.scopes.map((scope) => (
            <li>
              <label>
                <input type="checkbox" name="scopes" value={scope} checked={chosen.has(scope)} />{" "}
                <code>{scope}</code> {t(`apiKeys.scope.${scope}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
        {errors.scopes && (
          <p class="field-error" id="scopes-error">
            {t(errors.scopes)}
          </p>
        )}
      </fieldset>
      <div class="field">
        <label for="actingUserId">{t("apiKeys.field.actingUser")}</label>
        <select
          id="actingUserId"
          name="actingUserId"
          aria-invalid={errors.actingUserId ? "true" : undefined}
          aria-describedby={`actingUserId-hint${errors.actingUserId ? " actingUserId-error" : ""}`}
        >
          <option value="" selected={(values.actingUserId ?? "") === ""}>
            {t("apiKeys.organisationWide")}
          </option>
          {props.users.map((user) => (
            <option value={user.id} selected={values.actingUserId === user.id}>
              {user.label}
            </option>
          ))}
        </select>
        <p class="hint" id="actingUserId-hint">
          {t("apiKeys.field.actingUserHint")}
        </p>
        {errors.actingUserId && (
          <p class="field-error" id="actingUserId-error">
            {t(errors.actingUserId)}
          </p>
        )}
      </div>
      <button type="submit">{t("apiKeys.create.submit")}</button>
    </form>
  );
}

export function RevokeApiKeyPage(props: { t: Translator; apiKey: ApiKeySummary }) {
  const { t } = props.t;
  return (
    <form method="post" action={`${apiKeysPath}/${props.apiKey.id}/revoke`} class="panel">
      <CsrfField />
      <p>
        {t("apiKeys.revoke.question", { name: props.apiKey.name, prefix: `atd_${props.apiKey.prefix}_…` })}
      </p>
      <div class="link-buttons">
        <button type="submit" class="danger">
          {t("apiKeys.revoke.confirm")}
        </button>
        <a class="button secondary" href={apiKeysPath}>
          {t("common.cancel")}
        </a>
      </div>
    </form>
  );
}
