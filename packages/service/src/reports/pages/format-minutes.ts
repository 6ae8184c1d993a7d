/**
 * Minutes as people read them: "45 min" below an hour, "123 h 39 min" from an hour on, where
 * "7,419.3 minutes" would make the reader divide by sixty. In the reader's language and digits.
 */
import type { Translator } from "../../i18n/index.js";

export function formatMinutes(t: Translator, minutes: number): string {
  if (minutes < 60) return t.t("reports.minutes", { minutes: minutes.toLocaleString(t.locale) });
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60).toLocaleString(t.locale);
  const rest = whole % 60;
  return rest === 0
    ? t.t("reports.hours", { hours })
    : t.t("reports.hoursMinutes", { hours, minutes: rest.toLocaleString(t.locale) });
}
