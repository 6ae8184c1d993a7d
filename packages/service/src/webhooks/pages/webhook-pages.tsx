/**
 * The webhooks pages' markup: the endpoint list with the add form, an endpoint's page (settings,
 * secret rotation, test event, deletion, delivery history), a delivery with its attempts, and
 * the page that shows a new secret once.
 */
import type {
  WebhookAttemptRecord,
  WebhookDeliverySummary,
  WebhookEndpointRecord,
} from "../../db/repositories/webhooks.js";
import { type WebhookDeliveryState, type WebhookEventType, webhookEventTypes } from "../../db/schema.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { CopyField } from "../../web/copy-button.js";
import { DataTable } from "../../web/data-table.js";
import { type FieldErrors, FormError, type FormValues, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";

export const webhooksPath = "/webhooks";
export const endpointPath = (id: string) => `${webhooksPath}/${id}`;
export const deliveryPath = (endpointId: string, deliveryId: string) =>
  `${endpointPath(endpointId)}/deliveries/${deliveryId}`;

/** In the reader's time zone, naming it; "—" for a time that is not set. */
const formatWhen = (t: Translator, date: Date | null) => (date === null ? "—" : t.formatDateTime(date));

const eventLabelKeys: Record<WebhookEventType, MessageKey> = {
  "session.created": "webhooks.event.sessionCreated",
  "session.customer_online": "webhooks.event.sessionCustomerOnline",
  "session.customer_left": "webhooks.event.sessionCustomerLeft",
  "session.connected": "webhooks.event.sessionConnected",
  "session.closed": "webhooks.event.sessionClosed",
  "session.expired": "webhooks.event.sessionExpired",
  "connection.reported": "webhooks.event.connectionReported",
  "connection.updated": "webhooks.event.connectionUpdated",
  "teamviewer.connection_lost": "webhooks.event.teamViewerConnectionLost",
  "invitation.sent": "webhooks.event.invitationSent",
};

const stateKeys: Record<WebhookDeliveryState, MessageKey> = {
  pending: "webhooks.state.pending",
  succeeded: "webhooks.state.succeeded",
  failed: "webhooks.state.failed",
  cancelled: "webhooks.state.cancelled",
};

function statusOf(t: Translator, endpoint: WebhookEndpointRecord): string {
  if (endpoint.disabledAt === null) return t.t("webhooks.status.enabled");
  return t.t(endpoint.disabledReason === "gone" ? "webhooks.status.gone" : "webhooks.status.disabled");
}

export interface EndpointFormState {
  values: FormValues;
  eventTypes: readonly string[];
  errors: FieldErrors;
}

/** URL, description and the event-type checkboxes, shared by the add and the settings form. */
function EndpointFields(props: { t: Translator; form: EndpointFormState }) {
  const { t, form } = props;
  const chosen = new Set(form.eventTypes);
  return (
    <>
      <TextField
        t={t}
        name="url"
        label={t.t("webhooks.field.url")}
        value={form.values.url}
        error={form.errors.url}
        hint={t.t("webhooks.field.urlHint")}
        isRequired
      />
      <TextField
        t={t}
        name="description"
        label={t.t("webhooks.field.description")}
        value={form.values.description}
        error={form.errors.description}
      />
      <fieldset
        class="field"
        aria-describedby={form.errors.eventTypes ? "eventTypes-hint eventTypes-error" : "eventTypes-hint"}
      >
        <legend>{t.t("webhooks.field.events")}</legend>
        <p class="hint" id="eventTypes-hint">
          {t.t("webhooks.field.eventsHint")}
        </p>
        <ul class="plain-list">
          {webhookEventTypes.map((type) => (
            <li>
              <label>
                <input type="checkbox" name="eventTypes" value={type} checked={chosen.has(type)} />{" "}
                <code>{type}</code> {t.t(eventLabelKeys[type])}
              </label>
            </li>
          ))}
        </ul>
        {form.errors.eventTypes && (
          <p class="field-error" id="eventTypes-error">
            {t.t(form.errors.eventTypes)}
          </p>
        )}
      </fieldset>
    </>
  );
}

export function EndpointListPage(props: {
  t: Translator;
  endpoints: WebhookEndpointRecord[];
  form: EndpointFormState;
  notice?: string | undefined;
}) {
  const { t } = props;
  return (
    <>
      <p>{t.t("webhooks.intro")}</p>
      <SuccessNotice message={props.notice} />
      <DataTable
        rows={props.endpoints}
        rowId={(endpoint) => `endpoint-${endpoint.id}`}
        empty={t.t("webhooks.empty")}
        columns={[
          {
            header: t.t("webhooks.column.url"),
            cell: (endpoint) => (
              <a href={endpointPath(endpoint.id)}>
                <code class="long">{endpoint.url}</code>
              </a>
            ),
          },
          { header: t.t("webhooks.column.description"), cell: (endpoint) => endpoint.description || "—" },
          {
            header: t.t("webhooks.column.events"),
            cell: (endpoint) =>
              endpoint.eventTypes.length === 0 ? t.t("webhooks.allEvents") : endpoint.eventTypes.join(", "),
          },
          { header: t.t("webhooks.column.status"), cell: (endpoint) => statusOf(t, endpoint) },
          { header: t.t("webhooks.column.created"), cell: (endpoint) => formatWhen(t, endpoint.createdAt) },
        ]}
      />
      <form method="post" action={webhooksPath} class="panel" novalidate>
        <h2>{t.t("webhooks.add.title")}</h2>
        <CsrfField />
        <EndpointFields t={t} form={props.form} />
        <button type="submit">{t.t("webhooks.create")}</button>
      </form>
    </>
  );
}

/** Shown right after creation or rotation; the only place the secret ever appears. */
export function SecretPage(props: { t: Translator; endpoint: WebhookEndpointRecord; secret: string }) {
  const { t, endpoint } = props;
  return (
    <>
      <p>
        <code class="long">{endpoint.url}</code>
      </p>
      <p role="status">{t.t("webhooks.secret.once")}</p>
      <CopyField t={t} id="secret" label={t.t("webhooks.secret.title")} value={props.secret} />
      {endpoint.previousSecretExpiresAt !== null && (
        <p class="muted">
          {t.t("webhooks.secret.previous", { until: formatWhen(t, endpoint.previousSecretExpiresAt) })}
        </p>
      )}
      <p>
        <a href={endpointPath(endpoint.id)}>{t.t("webhooks.open")}</a> ·{" "}
        <a href={webhooksPath}>{t.t("webhooks.back")}</a>
      </p>
    </>
  );
}

export function EndpointPage(props: {
  t: Translator;
  endpoint: WebhookEndpointRecord;
  form: EndpointFormState;
  deliveries: WebhookDeliverySummary[];
  nextCursor: string | null;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, endpoint } = props;
  const action = endpointPath(endpoint.id);
  const isEnabled = endpoint.disabledAt === null;
  return (
    <>
      <p>
        <a href={webhooksPath}>{t.t("webhooks.back")}</a>
      </p>
      <SuccessNotice message={props.notice} />
      <FormError message={props.problem} />
      <dl class="facts">
        <dt>{t.t("webhooks.column.status")}</dt>
        <dd>{statusOf(t, endpoint)}</dd>
        <dt>{t.t("webhooks.column.created")}</dt>
        <dd>{formatWhen(t, endpoint.createdAt)}</dd>
      </dl>
      {endpoint.previousSecretExpiresAt !== null && (
        <p class="muted">
          {t.t("webhooks.secret.previous", { until: formatWhen(t, endpoint.previousSecretExpiresAt) })}
        </p>
      )}
      <form method="post" action={action} class="panel" novalidate>
        <h2>{t.t("webhooks.edit.title")}</h2>
        <CsrfField />
        <EndpointFields t={t} form={props.form} />
        <button type="submit">{t.t("webhooks.save")}</button>
      </form>
      <div class="link-buttons">
        <form method="post" action={`${action}/status`} class="inline-form">
          <CsrfField />
          <input type="hidden" name="enabled" value={isEnabled ? "false" : "true"} />
          <button type="submit" class="secondary">
            {t.t(isEnabled ? "webhooks.disable" : "webhooks.enable")}
          </button>
        </form>
        <form method="post" action={`${action}/test`} class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary" title={t.t("webhooks.testHint")}>
            {t.t("webhooks.test")}
          </button>
        </form>
        <form method="post" action={`${action}/rotate`} class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary" title={t.t("webhooks.rotateHint")}>
            {t.t("webhooks.rotate")}
          </button>
        </form>
        <form method="post" action={`${action}/delete`} class="inline-form">
          <CsrfField />
          <button type="submit" class="danger" title={t.t("webhooks.deleteHint")}>
            {t.t("webhooks.delete")}
          </button>
        </form>
      </div>
      <p class="muted">
        {t.t("webhooks.testHint")} {t.t("webhooks.rotateHint")}
      </p>
      <h2>{t.t("webhooks.deliveries.title")}</h2>
      <p class="muted">{t.t("webhooks.deliveries.retryNote")}</p>
      {props.deliveries.length === 0 ? (
        <p class="muted">{t.t("webhooks.deliveries.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t("webhooks.column.event")}</th>
                <th scope="col">{t.t("webhooks.column.created")}</th>
                <th scope="col">{t.t("webhooks.column.state")}</th>
                <th scope="col">{t.t("webhooks.column.attempts")}</th>
                <th scope="col">{t.t("webhooks.column.nextAttempt")}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((delivery) => (
                <tr id={`delivery-${delivery.id}`}>
                  <td>
                    <a href={deliveryPath(endpoint.id, delivery.id)}>
                      <code>{delivery.eventType}</code>
                    </a>
                  </td>
                  <td>{formatWhen(t, delivery.eventCreatedAt)}</td>
                  <td>{t.t(stateKeys[delivery.state])}</td>
                  <td class="number">{delivery.attemptCount}</td>
                  <td>{delivery.state === "pending" ? formatWhen(t, delivery.nextAttemptAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.nextCursor !== null && (
        <p>
          <a href={`${action}?${new URLSearchParams({ cursor: props.nextCursor })}`}>
            {t.t("webhooks.older")}
          </a>
        </p>
      )}
    </>
  );
}

export function DeliveryPage(props: {
  t: Translator;
  endpoint: WebhookEndpointRecord;
  delivery: WebhookDeliverySummary;
  attempts: WebhookAttemptRecord[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, endpoint, delivery } = props;
  return (
    <>
      <p>
        <a href={endpointPath(endpoint.id)}>
          <code class="long">{endpoint.url}</code>
        </a>
      </p>
      <SuccessNotice message={props.notice} />
      <FormError message={props.problem} />
      <dl class="facts">
        <dt>{t.t("webhooks.column.eventId")}</dt>
        <dd>
          <code>{delivery.eventId}</code>
        </dd>
        <dt>{t.t("webhooks.column.created")}</dt>
        <dd>{formatWhen(t, delivery.eventCreatedAt)}</dd>
        <dt>{t.t("webhooks.column.state")}</dt>
        <dd>{t.t(stateKeys[delivery.state])}</dd>
        {delivery.state === "pending" && (
          <>
            <dt>{t.t("webhooks.column.nextAttempt")}</dt>
            <dd>{formatWhen(t, delivery.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      <form method="post" action={`${deliveryPath(endpoint.id, delivery.id)}/resend`} class="inline-form">
        <CsrfField />
        <button type="submit">{t.t("webhooks.resend")}</button>
        <span class="muted">{t.t("webhooks.resendHint")}</span>
      </form>
      <h2>{t.t("webhooks.attempts.title")}</h2>
      {props.attempts.length === 0 ? (
        <p class="muted">{t.t("webhooks.attempts.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t("webhooks.column.attemptedAt")}</th>
                <th scope="col">{t.t("webhooks.column.response")}</th>
                <th scope="col">{t.t("webhooks.column.duration")}</th>
                <th scope="col">{t.t("webhooks.column.error")}</th>
                <th scope="col">{t.t("webhooks.column.excerpt")}</th>
              </tr>
            </thead>
            <tbody>
              {props.attempts.map((attempt) => (
                <tr>
                  <td>{formatWhen(t, attempt.attemptedAt)}</td>
                  <td class="number">{attempt.responseStatus ?? t.t("webhooks.noAnswer")}</td>
                  <td class="number">{attempt.durationMs} ms</td>
                  <td>{attempt.error ?? "—"}</td>
                  <td>
                    {attempt.responseExcerpt === null ? (
                      "—"
                    ) : (
                      <code class="long">{attempt.responseExcerpt}</code>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
