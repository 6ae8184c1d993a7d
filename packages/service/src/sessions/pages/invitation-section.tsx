/**
 * The session page's part for bringing the customer in: the join page address (shown once,
 * right after it was issued, because only its hash is kept), the e-mail invitation form and the
 * history of invitations with "send again". Each form carries a fresh request id, so a browser
 * that sends it again (after a crash, say) gets the first answer, not a second e-mail
 * (docs/adr/0027-invitation-exactly-once.md).
 */
import { randomUUID } from "node:crypto";
import type { SessionInvitation } from "../../db/repositories/session-invitations.js";
import { localeNames, supportedLocales, type Translator } from "../../i18n/index.js";
import type { MailDelivery } from "../../mail/mail-delivery.js";
import { CopyField } from "../../web/copy-button.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { SelectField, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import type { SupportSession } from "../support-session-view.js";

export interface InvitationSectionView {
  /** The address just issued (this response only). */
  joinUrl: string | undefined;
  hasJoinLink: boolean;
  mailKind: MailDelivery["kind"];
  invitations: SessionInvitation[];
  invite: { values: FormValues; errors: FieldErrors };
}

export function InvitationSection(props: {
  t: Translator;
  session: SupportSession;
  view: InvitationSectionView;
}) {
  const tr = props.t;
  const { t } = tr;
  const { session, view } = props;
  const base = `/sessions/${session.id}`;
  return (
    <>
      <section class="card" id="join-address">
        <h2>{t("sessionPages.join.title")}</h2>
        {view.joinUrl ? (
          <>
            <CopyField t={tr} id="join-url" label={t("sessionPages.join.copy")} value={view.joinUrl} />
            <p class="hint">{t("sessionPages.join.onceHint")}</p>
          </>
        ) : (
          <p class="hint">
            {t(view.hasJoinLink ? "sessionPages.join.existingHint" : "sessionPages.join.noneHint")}
          </p>
        )}
        <form method="post" action={`${base}/join-address`} class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary">
            {t(view.hasJoinLink || view.joinUrl ? "sessionPages.join.renew" : "sessionPages.join.create")}
          </button>
        </form>
      </section>

      <section class="card" id="invite">
        <h2>{t("invitations.title")}</h2>
        {view.mailKind === "off" ? (
          <p>{t("invitations.error.mailOff")}</p>
        ) : (
          <form method="post" action={`${base}/invitations`}>
            <CsrfField />
            <RequestIdField kept={view.invite.values.requestId} />
            <p class="hint">{t("invitations.help")}</p>
            <TextField
              t={tr}
              type="email"
              name="email"
              label={t("invitations.field.email")}
              value={view.invite.values.email}
              error={view.invite.errors.email}
              isRequired
            />
            <TextField
              t={tr}
              name="name"
              label={t("invitations.field.name")}
              value={view.invite.values.name}
              error={view.invite.errors.name}
            />
            <SelectField
              t={tr}
              name="locale"
              label={t("invitations.field.language")}
              value={view.invite.values.locale ?? tr.locale}
              error={view.invite.errors.locale}
              options={supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
            />
            <button type="submit">{t("invitations.send")}</button>
          </form>
        )}
        <h3>{t("invitations.historyTitle")}</h3>
        {view.invitations.length === 0 ? (
          <p class="muted">{t("invitations.historyEmpty")}</p>
        ) : (
          <div class="table-wrap">
            <table id="invitations">
              <thead>
                <tr>
                  <th>{t("invitations.column.sentAt")}</th>
                  <th>{t("invitations.column.to")}</th>
                  <th>{t("invitations.column.language")}</th>
                  <th>{t("invitations.column.status")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {view.invitations.map((invitation) => (
                  <tr data-status={invitation.status}>
                    <td>{tr.formatDateTime(invitation.sentAt)}</td>
                    <td>
                      {invitation.recipientName
                        ? `${invitation.recipientName} <${invitation.recipientEmail}>`
                        : invitation.recipientEmail}
                    </td>
                    <td>{localeNames[invitation.locale]}</td>
                    <td>
                      {t(`invitations.status.${invitation.status}`)}
                      {invitation.error && <span class="muted"> — {invitation.error}</span>}
                    </td>
                    <td>
                      {view.mailKind !== "off" && (
                        <form
                          method="post"
                          action={`${base}/invitations/${invitation.id}/resend`}
                          class="inline-form"
                        >
                          <CsrfField />
                          <RequestIdField kept={undefined} />
                          <button type="submit" class="link-button">
                            {t("invitations.resend")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The request id of a form shown again with its input kept is kept too: it is the same request. */
function RequestIdField(props: { kept: string | undefined }) {
  return <input type="hidden" name="requestId" value={props.kept ?? randomUUID()} />;
}
