/**
 * The user's TeamViewer connection: status, the TeamViewer account, and the one button that
 * fits (Connect, Reconnect, Disconnect). "Connect" is a link, not a form: the consent page is
 * on another origin and the CSP's `form-action 'self'` would block a form's redirect there.
 */
import type { ConnectionStatus } from "../../db/schema.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import { CsrfField } from "../../web/layout.js";
import { Notice, type NoticeDefinition } from "./notices.js";

export const connectPath = "/connection/start";
export const disconnectPath = "/connection/disconnect";

export interface ConnectionView {
  isConfigured: boolean;
  isAdmin: boolean;
  connection: { status: ConnectionStatus; name: string; email: string } | undefined;
}

export const statusLabels: Record<ConnectionStatus | "not_connected", MessageKey> = {
  connected: "tv.connection.status.connected",
  needs_reconnect: "tv.connection.status.needsReconnect",
  not_connected: "tv.connection.status.notConnected",
};

export function ConnectionPage(props: {
  t: Translator;
  view: ConnectionView;
  notice: NoticeDefinition | undefined;
}) {
  const { t } = props.t;
  const { connection, isConfigured, isAdmin } = props.view;
  return (
    <>
      <Notice t={props.t} notice={props.notice} />
      <section class="card" id="teamviewer-connection">
        <p>{t("tv.connection.intro")}</p>
        <dl class="facts">
          <dt>{t("tv.connection.status")}</dt>
          <dd data-status={connection?.status ?? "not_connected"}>
            {t(statusLabels[connection?.status ?? "not_connected"])}
          </dd>
          {connection && (
            <>
              <dt>{t("tv.connection.account")}</dt>
              <dd>
                {connection.name} ({connection.email})
              </dd>
            </>
          )}
        </dl>
        {connection?.status === "needs_reconnect" && <p>{t("tv.connection.needsReconnectHelp")}</p>}
        {!isConfigured ? (
          <p>
            {t("tv.connection.notConfigured")}{" "}
            {isAdmin && <a href="/settings/teamviewer">{t("tv.connection.openSettings")}</a>}
          </p>
        ) : (
          <p>
            {connection === undefined && (
              <a class="button" href={connectPath}>
                {t("tv.connection.connect")}
              </a>
            )}
            {connection?.status === "needs_reconnect" && (
              <a class="button" href={connectPath}>
                {t("tv.connection.reconnect")}
              </a>
            )}
          </p>
        )}
        {connection && (
          <form method="post" action={disconnectPath} class="inline-form">
            <CsrfField />
            <button type="submit" class="secondary">
              {t("tv.connection.disconnect")}
            </button>
            <span class="muted">{t("tv.connection.disconnectHelp")}</span>
          </form>
        )}
      </section>
    </>
  );
}

/** The home page's card: status at a glance and the way to the connection page. */
export function ConnectionCard(props: { t: Translator; view: ConnectionView }) {
  const { t } = props.t;
  const status = props.view.connection?.status ?? "not_connected";
  return (
    <section class="card">
      <h2>{t("tv.card.title")}</h2>
      <p data-status={status}>
        {t(statusLabels[status])}
        {props.view.connection && ` · ${props.view.connection.name}`}
      </p>
      <p>
        <a href="/connection">{t("tv.connection.manage")}</a>
      </p>
    </section>
  );
}
