/**
 * `/settings/billing` (admins): the organisation's rounding increment and minimum billable
 * minutes, with an example of what they do and each bad value named at its field.
 */
import { z } from "zod";
import type { Translator } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import { type BillingRules, billingRuleLimits, computeBillableMinutes } from "../billable-minutes.js";

export const billingRulesPath = "/settings/billing";

const wholeMinutes = (
  limits: { min: number; max: number },
  error: "billing.error.increment" | "billing.error.minimum",
) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, { error })
    .transform(Number)
    .refine((value) => value >= limits.min && value <= limits.max, { error });

export const billingRulesSchema = z.object({
  roundingIncrementMinutes: wholeMinutes(
    billingRuleLimits.roundingIncrementMinutes,
    "billing.error.increment",
  ),
  minimumBillableMinutes: wholeMinutes(billingRuleLimits.minimumBillableMinutes, "billing.error.minimum"),
});

export interface BillingRulesView {
  rules: BillingRules;
  values: FormValues;
  errors: FieldErrors;
  notice: string | undefined;
}

/** The worked example under the form: 7 min 30 s, a duration every increment rounds. */
const exampleSeconds = 7 * 60 + 30;

export function BillingRulesPage(props: { t: Translator; view: BillingRulesView }) {
  const tr = props.t;
  const { t } = tr;
  const { view } = props;
  return (
    <>
      <SuccessNotice message={view.notice} />
      <p class="hint">{t("billing.hint")}</p>
      <p class="hint" id="billed-kept">
        {t("billing.billedKept")}
      </p>
      <form method="post" action={billingRulesPath} class="panel narrow" id="billing-rules">
        <CsrfField />
        <TextField
          t={tr}
          name="roundingIncrementMinutes"
          label={t("billing.increment")}
          hint={t("billing.incrementHint")}
          value={view.values.roundingIncrementMinutes ?? String(view.rules.roundingIncrementMinutes)}
          error={view.errors.roundingIncrementMinutes}
          isRequired
        />
        <TextField
          t={tr}
          name="minimumBillableMinutes"
          label={t("billing.minimum")}
          hint={t("billing.minimumHint")}
          value={view.values.minimumBillableMinutes ?? String(view.rules.minimumBillableMinutes)}
          error={view.errors.minimumBillableMinutes}
          isRequired
        />
        <button type="submit">{t("common.save")}</button>
      </form>
      <p id="billing-example">
        {t("billing.example", { minutes: computeBillableMinutes(exampleSeconds, view.rules) ?? 0 })}
      </p>
    </>
  );
}
