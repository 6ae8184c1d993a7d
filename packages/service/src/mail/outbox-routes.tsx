/**
 * The demo outbox (issue 5: "in demo mode mail is captured and shown in a viewable outbox"):
 *
 *   GET /outbox              e-mails kept instead of sent, newest first (admins)
 *   GET /outbox/:id          one e-mail: headers and text
 *   GET /outbox/:id/html     its HTML version as the recipient's mail client would show it
 *
 * Only mounted while e-mail goes to the outbox (demo mode without ATTENDANT_SMTP_URL).
 */
import { Hono } from "hono";
import { findOutboxMessage, listOutboxMessages } from "../db/repositories/mail-outbox.js";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { isUuid } from "../sessions/pages/session-form-schemas.js";
import { renderNotFound } from "../web/error-pages.js";
import type { WebExtensions } from "../web/web-extensions.js";

export const outboxPath = "/outbox";

export function createOutboxRoutes(deps: Pick<AppDeps, "database"> & { web: WebExtensions }): Hono<AppEnv> {
  deps.web.addNavEntry({ href: outboxPath, label: "nav.outbox", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();

  routes.get(outboxPath, requireRole("admin"), async (c) => {
    const tr = c.get("t");
    const { t } = tr;
    const messages = await listOutboxMessages(deps.database.db, c.get("user").organisationId);
    return c.render(
      <>
        <p>{t("invitations.outbox.intro")}</p>
        {messages.length === 0 ? (
          <p class="muted">{t("invitations.outbox.empty")}</p>
        ) : (
          <div class="table-wrap">
            <table id="outbox">
              <thead>
                <tr>
                  <th>{t("invitations.outbox.column.createdAt")}</th>
                  <th>{t("invitations.outbox.column.to")}</th>
                  <th>{t("invitations.outbox.column.subject")}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => (
                  <tr>
                    <td>{tr.formatDateTime(message.createdAt)}</td>
                    <td>{message.recipient}</td>
                    <td>
                      <a href={`${outboxPath}/${message.id}`}>{message.subject}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
      { title: t("invitations.outbox.title") },
    );
  });

  routes.get(`${outboxPath}/:id`, requireRole("admin"), async (c) => {
    const id = c.req.param("id");
    const message = isUuid(id)
      ? await findOutboxMessage(deps.database.db, c.get("user").organisationId, id)
      : undefined;
    if (message === undefined) return renderNotFound(c);
    const tr = c.get("t");
    const { t } = tr;
    // The text holds a live join address: keep it out of caches.
    c.header("Cache-Control", "no-store");
    return c.render(
      <section class="card" id="outbox-message">
        <dl class="facts">
          <dt>{t("invitations.outbox.column.createdAt")}</dt>
          <dd>{tr.formatDateTime(message.createdAt)}</dd>
          <dt>{t("invitations.outbox.column.to")}</dt>
          <dd>{message.recipient}</dd>
          <dt>{t("invitations.outbox.column.subject")}</dt>
          <dd>{message.subject}</dd>
        </dl>
        <h2>{t("invitations.templates.previewText")}</h2>
        <pre class="mail-text">{message.textBody}</pre>
        <p>
          <a href={`${outboxPath}/${message.id}/html`}>{t("invitations.templates.previewHtml")}</a>
        </p>
      </section>,
      { title: t("invitations.outbox.messageTitle", { to: message.recipient }) },
    );
  });

  routes.get(`${outboxPath}/:id/html`, requireRole("admin"), async (c) => {
    const id = c.req.param("id");
    const message = isUuid(id)
      ? await findOutboxMessage(deps.database.db, c.get("user").organisationId, id)
      : undefined;
    if (message === undefined) return renderNotFound(c);
    // Our own output: every template character and value was escaped when it was composed.
    c.header("Cache-Control", "no-store");
    return c.html(message.htmlBody);
  });

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
