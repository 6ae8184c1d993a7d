/** How long a customer has waited, as the queue and a session page show it. */
import type { Translator } from "../i18n/index.js";

/** "09:14", in the reader's language, UTC like every other time on our pages. */
export function formatClockTime(t: Translator, date: Date): string {
  return new Intl.DateTimeFormat(t.locale, { timeStyle: "short", timeZone: "UTC" }).format(date);
}

export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}
