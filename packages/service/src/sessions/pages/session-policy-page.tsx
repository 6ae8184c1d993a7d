/** The admins' session rules: one checkbox today (src/sessions/session-policy.ts). */
import type { Translator } from "../../i18n/index.js";
import { CheckboxField, FormError, SuccessNotice } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import type { SessionPolicy } from "../session-policy.js";

export const sessionPolicyPath = "/settings/sessions";

export interface SessionPolicyView {
  policy: SessionPolicy;
  isSaved: boolean;
  isInvalid: boolean;
}

export function SessionPolicyPage(props: { t: Translator; view: SessionPolicyView }) {
  const { t } = props.t;
  const { view } = props;
  return (
    <>
      <p>{t("sessionPolicy.intro")}</p>
      <SuccessNotice message={view.isSaved ? t("sessionPolicy.saved") : undefined} />
      <FormError message={view.isInvalid ? t("sessionPolicy.invalid") : undefined} />
      <form method="post" action={sessionPolicyPath} class="panel">
        <CsrfField />
        <CheckboxField
          name="closesExpiredSessions"
          label={t("sessionPolicy.closeExpired")}
          hint={t("sessionPolicy.closeExpiredHint")}
          isChecked={view.policy.closesExpiredSessions}
        />
        <button type="submit">{t("common.save")}</button>
      </form>
    </>
  );
}
