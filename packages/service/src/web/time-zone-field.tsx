/**
 * The time zone choice of the organisation settings (src/brand/brand-page.tsx) and of a user's
 * profile (src/identity/profile-routes.tsx): a list of the IANA names this runtime knows, and the
 * check of what a form sent back (docs/adr/0047-time-zones.md).
 */
import { isTimeZone, type MessageKey, type Translator, timeZoneChoices } from "../i18n/index.js";

/** What a form sent, read: the zone, or the message saying what to do instead. */
export function checkTimeZoneField(
  value: string,
): { value: string; problem?: undefined } | { value?: undefined; problem: { key: MessageKey } } {
  const trimmed = value.trim();
  if (trimmed === "") return { problem: { key: "timeZone.error.required" } };
  return isTimeZone(trimmed) ? { value: trimmed } : { problem: { key: "timeZone.error.unknown" } };
}

export function TimeZoneField(props: {
  t: Translator;
  name: string;
  value: string | undefined;
  error: MessageKey | undefined;
  hint: string;
  /** The first choice, sent as "", for a profile that follows the organisation's zone. */
  emptyChoice?: string;
}) {
  const { t } = props;
  const describedBy = [`${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={props.name}>{t.t("timeZone.label")}</label>
      <select
        id={props.name}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {props.emptyChoice !== undefined && (
          <option value="" selected={props.value === ""}>
            {props.emptyChoice}
          </option>
        )}
        {timeZoneChoices.map((zone) => (
          <option value={zone} selected={zone === props.value}>
            {zone}
          </option>
        ))}
      </select>
      <p class="hint" id={`${props.name}-hint`}>
        {props.hint}
      </p>
      {props.error && (
        <p class="field-error" id={`${props.name}-error`}>
          {t.t(props.error)}
        </p>
      )}
    </div>
  );
}
