/**
 * The supporter pages' form and filter rules. Limits follow TeamViewer's (docs/teamviewer-api.md §3:
 * description ≤ 4000, end-customer name ≤ 100, e-mail ≤ 254); messages are message keys.
 */
import { z } from "zod";
import { supportedLocales } from "../../i18n/index.js";
import { emailSchema } from "../../identity/form-schemas.js";
import { ticketTitleMaxLength } from "../../tickets/ticket-limits.js";
import { e164PhoneNumber, withoutDigitGrouping } from "../sms-invitation.js";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "forms.tooLong" })
    .optional()
    .transform((value) => (value === "" ? undefined : value));

const requiredText = (max: number) =>
  z.string().trim().min(1, { error: "common.required" }).max(max, { error: "forms.tooLong" });

const optionalEmail = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(emailSchema.optional());

const httpUrl = z
  .string()
  .trim()
  .max(2000, { error: "forms.tooLong" })
  .refine((value) => value === "" || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)), {
    error: "sessionPages.error.url",
  })
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Hours a new session stays joinable; TeamViewer's default is 24. */
export const validityChoices = [2, 4, 8, 24, 72, 168] as const;

const groupIdPattern = /^g\d+$/;

export const newSessionSchema = z.object({
  externalId: requiredText(100),
  // Left empty, it is read from the organisation's helpdesk (src/helpdesks/complete-ticket.ts),
  // which says "required" itself when no helpdesk is connected.
  title: z
    .string()
    .trim()
    .max(ticketTitleMaxLength, { error: "sessionPages.error.titleTooLong" })
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  url: httpUrl,
  requesterName: optionalText(100),
  requesterEmail: optionalEmail,
  description: optionalText(4000),
  waitingMessage: optionalText(500),
  validityHours: z
    .string()
    .refine((value) => (validityChoices as readonly number[]).includes(Number(value)), {
      error: "forms.invalid",
    })
    .transform(Number),
  // A group id from the picker (`g123`) or a name; TeamViewer creates a group it does not know.
  group: requiredText(100).transform((value) =>
    groupIdPattern.test(value) ? { id: value } : { name: value },
  ),
  smsInviteNumber: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? "" : withoutDigitGrouping(value)))
    .refine((value) => value === "" || e164PhoneNumber.test(value), { error: "sessionPages.error.smsNumber" })
    .transform((value) => (value === "" ? undefined : value)),
  /** Set by the page after a failure that may have opened the session (ADR 0033). */
  attempt: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === "" || isUuid(value), {
      error: "sessionPages.error.attempt",
    })
    .transform((value) => (value === undefined || value === "" ? undefined : value.toLowerCase())),
});

export const editSessionSchema = z.object({
  description: z.string().trim().max(4000, { error: "forms.tooLong" }),
  waitingMessage: z.string().trim().max(500, { error: "forms.tooLong" }),
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export const reassignSchema = z.object({
  assigneeUserId: z.string().refine(isUuid, { error: "common.required" }),
});

/** The id a form carries so that sending it twice (a retry after a crash) is one request. */
const requestIdSchema = z.string().refine(isUuid, { error: "invitations.error.formOutdated" });

export const resendSchema = z.object({ requestId: requestIdSchema });

export const inviteSchema = z.object({
  requestId: requestIdSchema,
  email: emailSchema,
  name: optionalText(100),
  locale: z.enum(supportedLocales, { error: "forms.invalid" }),
});

const dateOnly = z
  .string()
  .trim()
  .optional()
  .refine((value) => value === undefined || value === "" || /^\d{4}-\d\d-\d\d$/.test(value), {
    error: "sessionPages.error.date",
  })
  .refine((value) => value === undefined || value === "" || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    error: "sessionPages.error.date",
  })
  .transform((value) => (value === undefined || value === "" ? undefined : value));

/** The list page's filters, read from the query string. */
export const listFiltersSchema = z.object({
  scope: z.enum(["mine", "organisation"]).optional(),
  state: z
    .enum(["", "open", "expired", "closed"], { error: "forms.invalid" })
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  from: dateOnly,
  to: dateOnly,
  ticket: optionalText(100),
  cursor: z.string().max(200).optional(),
});
export type ListFilters = z.output<typeof listFiltersSchema>;

/** "Close session" goes ahead only from the confirmation page (close-confirmation-page.tsx). */
export const closeConfirmedValue = "yes";
export const closeSessionSchema = z.object({ confirm: z.literal(closeConfirmedValue) });
