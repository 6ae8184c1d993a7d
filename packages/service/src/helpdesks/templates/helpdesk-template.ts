/**
 * The wording of what write-back puts on a ticket, per event: plain text with `{placeholder}`s,
 * a one-line subject and a body. Each event offers its own placeholders; the invitation's reply
 * offers only `{joinUrl}` and must contain it, so neither the session code nor anything else a
 * customer should not get can be put into a public reply (ADR 0031). Pure: the built-in wording
 * comes from the message catalogue (src/i18n/messages/helpdesks.ts).
 */
import type { HelpdeskEventType } from "../../db/repositories/helpdesk-writes.js";
import { createTranslator, type Locale, type MessageKey } from "../../i18n/index.js";
import { placeholderNamesIn } from "../../invitations/invitation-template.js";

export interface HelpdeskTemplate {
  subject: string;
  body: string;
}

interface TemplateSpec {
  subjectKey: MessageKey;
  bodyKey: MessageKey;
  placeholders: readonly string[];
  /** Placeholders the body must contain. */
  required: readonly string[];
}

const sessionPlaceholders = ["code", "supporter", "validUntil"] as const;

export const helpdeskTemplateSpecs: Record<HelpdeskEventType, TemplateSpec> = {
  "session.created": {
    subjectKey: "helpdesk.note.sessionOpened.subject",
    bodyKey: "helpdesk.note.sessionOpened.text",
    placeholders: sessionPlaceholders,
    required: [],
  },
  "session.closed": {
    subjectKey: "helpdesk.note.sessionClosed.subject",
    bodyKey: "helpdesk.note.sessionClosed.text",
    placeholders: sessionPlaceholders,
    required: [],
  },
  "session.expired": {
    subjectKey: "helpdesk.note.sessionExpired.subject",
    bodyKey: "helpdesk.note.sessionExpired.text",
    placeholders: sessionPlaceholders,
    required: [],
  },
  "connection.reported": {
    subjectKey: "helpdesk.note.connection.subject",
    bodyKey: "helpdesk.note.connection.text",
    placeholders: [
      "code",
      "minutes",
      "supporter",
      "device",
      "start",
      "end",
      "duration",
      "billingState",
      "feedback",
      "notes",
    ],
    required: [],
  },
  "connection.updated": {
    subjectKey: "helpdesk.note.connectionUpdated.subject",
    bodyKey: "helpdesk.note.connectionUpdated.text",
    placeholders: ["code", "start", "changes"],
    // Without the list of changes the follow-up note would not say what it corrects.
    required: ["changes"],
  },
  "invitation.sent": {
    subjectKey: "helpdesk.reply.invitation.subject",
    bodyKey: "helpdesk.reply.invitation.text",
    placeholders: ["joinUrl"],
    // Without the address the reply would invite the customer to nothing.
    required: ["joinUrl"],
  },
};

export const maxHelpdeskSubjectLength = 200;
export const maxHelpdeskBodyLength = 5000;

export function builtInHelpdeskTemplate(event: HelpdeskEventType, locale: Locale): HelpdeskTemplate {
  const { t } = createTranslator(locale);
  const spec = helpdeskTemplateSpecs[event];
  return { subject: t(spec.subjectKey), body: t(spec.bodyKey) };
}

/** A reason a template cannot be saved, naming what to fix. */
export type HelpdeskTemplateProblem =
  | { kind: "required" }
  | { kind: "too-long"; max: number }
  | { kind: "line-break" }
  | { kind: "unknown-placeholder"; names: string[]; allowed: readonly string[] }
  | { kind: "placeholder-missing"; names: string[] };

export interface HelpdeskTemplateProblems {
  subject?: HelpdeskTemplateProblem;
  body?: HelpdeskTemplateProblem;
}

function checkText(
  text: string,
  maxLength: number,
  allowed: readonly string[],
): HelpdeskTemplateProblem | undefined {
  if (text.trim() === "") return { kind: "required" };
  if (text.length > maxLength) return { kind: "too-long", max: maxLength };
  const unknown = placeholderNamesIn(text).filter((name) => !allowed.includes(name));
  return unknown.length > 0 ? { kind: "unknown-placeholder", names: unknown, allowed } : undefined;
}

/** Empty when the template can be saved. */
export function findHelpdeskTemplateProblems(
  event: HelpdeskEventType,
  template: HelpdeskTemplate,
): HelpdeskTemplateProblems {
  const { placeholders, required } = helpdeskTemplateSpecs[event];
  const problems: HelpdeskTemplateProblems = {};
  const subject = /[\r\n]/.test(template.subject)
    ? { kind: "line-break" as const }
    : checkText(template.subject, maxHelpdeskSubjectLength, placeholders);
  const present = placeholderNamesIn(template.body);
  const missing = required.filter((name) => !present.includes(name));
  const body =
    checkText(template.body, maxHelpdeskBodyLength, placeholders) ??
    (missing.length > 0 ? { kind: "placeholder-missing" as const, names: missing } : undefined);
  if (subject !== undefined) problems.subject = subject;
  if (body !== undefined) problems.body = body;
  return problems;
}

/**
 * Fills the placeholders. A line that held only placeholders, all of them empty (no feedback, no
 * notes), is left out, so an optional fact takes no blank line.
 */
export function fillHelpdeskTemplate(text: string, values: Readonly<Record<string, string>>): string {
  const fill = (line: string) =>
    line.replace(/\{([^{}\s]*)\}/g, (whole, name: string) => values[name] ?? whole);
  return text
    .split("\n")
    .filter((line) => {
      const names = placeholderNamesIn(line);
      const isOnlyPlaceholders = names.length > 0 && line.replace(/\{[^{}\s]*\}/g, "").trim() === "";
      return !(isOnlyPlaceholders && names.every((name) => (values[name] ?? "") === ""));
    })
    .map(fill)
    .join("\n");
}
