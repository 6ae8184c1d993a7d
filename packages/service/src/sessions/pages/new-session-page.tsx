/**
 * "New session" for a ticket. The TeamViewer group is typed or picked from the supporter's
 * groups (a datalist, so it works without scripts); a failure shows its message and keeps every
 * value typed. A failure that may have opened the session keeps its attempt in the form, so
 * pressing the button again adopts that session instead of opening a second (ADR 0033). With a
 * helpdesk connected, the ticket number alone is enough: the title and the requester are read
 * from the helpdesk (issue 22).
 */
import type { Translator } from "../../i18n/index.js";
import type { ExistingTicket } from "../../tickets/existing-ticket.js";
import { ticketTitleMaxLength } from "../../tickets/ticket-limits.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { FormError, SelectField, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { TextAreaField } from "../../web/text-area-field.js";
import { validityChoices } from "./session-form-schemas.js";
import { sessionPath } from "./session-page.js";
import { ProblemMessage, type SessionProblem } from "./session-problem.js";

export const newSessionPath = "/sessions/new";

export interface NewSessionView {
  values: FormValues;
  errors: FieldErrors;
  problem: SessionProblem | undefined;
  /** The supporter's TeamViewer groups, when TeamViewer could tell. */
  groups: { id: string; name: string }[];
  isAdmin: boolean;
  /** Whether a connected helpdesk fills in the title and requester when they are left empty. */
  readsTicketFromHelpdesk: boolean;
  /** The ticket the form names, when it exists and the supporter may see it. */
  existingTicket: ExistingTicket | undefined;
}

export function NewSessionPage(props: { t: Translator; view: NewSessionView }) {
  const tr = props.t;
  const { t } = tr;
  const { values, errors } = props.view;
  return (
    <form method="post" action={newSessionPath} class="panel" id="new-session">
      <CsrfField />
      <ProblemMessage t={tr} problem={props.view.problem} isAdmin={props.view.isAdmin} />
      <FormError message={errors.attempt === undefined ? undefined : t(errors.attempt)} />
      {values.attempt !== undefined && errors.attempt === undefined && (
        <input type="hidden" name="attempt" value={values.attempt} />
      )}
      <h2>{t("sessionPages.new.ticketTitle")}</h2>
      <TextField
        t={tr}
        name="externalId"
        label={t("sessionPages.field.externalId")}
        value={values.externalId}
        error={errors.externalId}
        isRequired
      />
      <ExistingTicketNotice t={tr} ticket={props.view.existingTicket} />
      <TextField
        t={tr}
        name="title"
        label={t("sessionPages.field.title")}
        value={props.view.existingTicket?.title ?? values.title}
        error={errors.title}
        errorParams={{ max: ticketTitleMaxLength }}
        isRequired={!props.view.readsTicketFromHelpdesk}
        {...(props.view.readsTicketFromHelpdesk
          ? { hint: t("sessionPages.field.titleFromHelpdeskHint") }
          : {})}
      />
      <TextField
        t={tr}
        name="url"
        label={t("sessionPages.field.url")}
        value={values.url}
        error={errors.url}
        hint={t("sessionPages.field.urlHint")}
      />
      <TextField
        t={tr}
        name="requesterName"
        label={t("sessionPages.field.requesterName")}
        value={values.requesterName}
        error={errors.requesterName}
      />
      <TextField
        t={tr}
        type="email"
        name="requesterEmail"
        label={t("sessionPages.field.requesterEmail")}
        value={values.requesterEmail}
        error={errors.requesterEmail}
      />
      <h2>{t("sessionPages.new.sessionTitle")}</h2>
      <TextAreaField
        t={tr}
        name="description"
        label={t("sessionPages.field.description")}
        value={values.description}
        error={errors.description}
        maxLength={4000}
      />
      <TextAreaField
        t={tr}
        name="waitingMessage"
        label={t("sessionPages.field.waitingMessage")}
        value={values.waitingMessage}
        error={errors.waitingMessage}
        hint={t("sessionPages.field.waitingMessageHint")}
        rows={2}
        maxLength={500}
      />
      <SelectField
        t={tr}
        name="validityHours"
        label={t("sessionPages.field.validity")}
        value={values.validityHours ?? "24"}
        error={errors.validityHours}
        options={validityChoices.map((hours) => ({
          value: String(hours),
          label: t("sessionPages.validity.hours", { hours }),
        }))}
      />
      <div class="field">
        <label for="group">{t("sessionPages.field.group")}</label>
        <input
          id="group"
          name="group"
          type="text"
          list="teamviewer-groups"
          required
          value={values.group ?? props.view.groups[0]?.name ?? ""}
          aria-invalid={errors.group ? "true" : undefined}
          aria-describedby="group-hint"
        />
        <datalist id="teamviewer-groups">
          {props.view.groups.map((group) => (
            <option value={group.name}>{group.id}</option>
          ))}
        </datalist>
        <p class="hint" id="group-hint">
          {t("sessionPages.field.groupHint")}
        </p>
        {errors.group && <p class="field-error">{t(errors.group)}</p>}
      </div>
      <TextField
        t={tr}
        type="tel"
        name="smsInviteNumber"
        label={t("sessionPages.field.smsInviteNumber")}
        value={values.smsInviteNumber}
        error={errors.smsInviteNumber}
        hint={t("sessionPages.field.smsInviteNumberHint")}
        autocomplete="off"
      />
      <button type="submit">{t("sessionPages.new.submit")}</button>
    </form>
  );
}

/** "This ticket exists, keeps its title, and has N open sessions": a link to reuse them. */
function ExistingTicketNotice(props: { t: Translator; ticket: ExistingTicket | undefined }) {
  const { ticket } = props;
  if (ticket === undefined) return null;
  const { t, tCount } = props.t;
  const [onlySession] = ticket.openSessions;
  const count = ticket.openSessions.length;
  return (
    <div class="existing-ticket" role="status">
      <p>{t("sessionPages.new.existingTicket", { externalId: ticket.externalId, title: ticket.title })}</p>
      {count > 0 && (
        <p>
          {tCount("sessionPages.new.openSessions", count)}{" "}
          {count === 1 && onlySession !== undefined ? (
            <a href={sessionPath(onlySession.id)}>
              {t("sessionPages.new.reuseSession", { code: onlySession.code })}
            </a>
          ) : (
            <a href={`/sessions?ticket=${encodeURIComponent(ticket.externalId)}&state=open`}>
              {t("sessionPages.new.reuseSessions")}
            </a>
          )}
        </p>
      )}
    </div>
  );
}
