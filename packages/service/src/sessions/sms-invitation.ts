/**
 * SMS invitations through TeamViewer: `sms_invite_number` on session create makes TeamViewer text
 * the end-customer link to that phone (docs/teamviewer-api.md §3).
 *
 * TeamViewer's own pattern for the number (`^\+?[\d \(\)\/\-]+$`) lets through numbers without a
 * country code, which a gateway can only guess at. Attendant asks for E.164 instead: `+`, the
 * country code and the subscriber number, at most 15 digits (ITU-T E.164), which that pattern
 * also accepts.
 *
 * `sms_invite_language` is left out on purpose: it is an integer 0–32 whose mapping to languages
 * TeamViewer does not document (docs/teamviewer-api.md §3), so our locales (en, de, ja) have no known
 * number. A guessed one could text the customer in a language they cannot read; without it
 * TeamViewer uses its own default.
 */
export const e164PhoneNumber = /^\+[1-9]\d{6,14}$/;

/** Spaces, hyphens, dots and slashes people type to group digits: the form drops them. */
const digitGrouping = /[\s\-./]/g;

/** The number a person typed, without the separators they grouped its digits with. */
export function withoutDigitGrouping(typed: string): string {
  return typed.replace(digitGrouping, "");
}
