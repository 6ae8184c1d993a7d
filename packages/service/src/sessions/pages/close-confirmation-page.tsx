/**
 * "Close session" is final (the customer can no longer join), so the button on the session page
 * posts without `confirm` and lands here first; only this page's button sends `confirm=yes`.
 * Works without scripts, which the CSP does not allow inline anyway.
 */
import type { Translator } from "../../i18n/index.js";
import { CsrfField } from "../../web/layout.js";
import type { SupportSession } from "../support-session-view.js";
import { closeConfirmedValue } from "./session-form-schemas.js";
import { sessionPath } from "./session-page.js";

export function CloseConfirmationPage(props: { t: Translator; session: SupportSession }) {
  const { t } = props.t;
  const { session } = props;
  return (
    <section class="card" id="confirm-close">
      <p>
        {t("sessionPages.closeConfirm.question", {
          code: session.code,
          title: session.ticket.title,
        })}
      </p>
      <p class="muted">{t("sessionPages.closeHint")}</p>
      <form method="post" action={`${sessionPath(session.id)}/close`} class="inline-form">
        <CsrfField />
        <input type="hidden" name="confirm" value={closeConfirmedValue} />
        <button type="submit" class="danger">
          {t("sessionPages.closeConfirm.submit")}
        </button>
        <a href={sessionPath(session.id)}>{t("sessionPages.closeConfirm.keepOpen")}</a>
      </form>
    </section>
  );
}
