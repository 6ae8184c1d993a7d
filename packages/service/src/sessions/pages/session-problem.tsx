/**
 * A failed action on the supporter pages: the translated message that says what to do, and the
 * button that does it where there is one (connect TeamViewer again, open the settings).
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { invitationErrorStatus, supportSessionErrorStatus } from "../../api/api-problems.js";
import type { Translator } from "../../i18n/index.js";
import { InvitationError } from "../../invitations/invitation-error.js";
import { SupportSessionError } from "../support-session-error.js";

export type SessionProblem = SupportSessionError | InvitationError;

export function isSessionProblem(error: unknown): error is SessionProblem {
  return error instanceof SupportSessionError || error instanceof InvitationError;
}

export function statusOfProblem(problem: SessionProblem): ContentfulStatusCode {
  return problem instanceof SupportSessionError
    ? supportSessionErrorStatus[problem.reason]
    : invitationErrorStatus[problem.reason];
}

export function ProblemMessage(props: {
  t: Translator;
  problem: SessionProblem | undefined;
  isAdmin: boolean;
}) {
  const { problem } = props;
  if (problem === undefined) return null;
  const { t } = props.t;
  const params =
    problem instanceof SupportSessionError
      ? { seconds: problem.retryAfterSeconds ?? 0, detail: problem.message }
      : {};
  const reason = problem.reason;
  return (
    <div class="form-error problem" role="alert" data-reason={reason}>
      <p>{t(problem.messageKey, params)}</p>
      {(reason === "needs-reconnect" || reason === "not-connected") && (
        // A link, not a form: the consent page is on TeamViewer's origin (CSP form-action 'self').
        <p>
          <a class="button" href="/connection/start">
            {t(reason === "needs-reconnect" ? "tv.connection.reconnect" : "tv.connection.connect")}
          </a>
        </p>
      )}
      {reason === "not-configured" && props.isAdmin && (
        <p>
          <a class="button" href="/settings/teamviewer">
            {t("tv.connection.openSettings")}
          </a>
        </p>
      )}
    </div>
  );
}
