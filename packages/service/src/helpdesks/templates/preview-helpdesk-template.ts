/**
 * What a template writes, shown before it is saved: the real plan (write-back/plan-helpdesk-write.ts)
 * run on a sample event, so the preview is exactly what a write would put on the ticket.
 */
import { type HelpdeskEventType, helpdeskEventTypes } from "../../db/repositories/helpdesk-writes.js";
import { createTranslator, type Locale } from "../../i18n/index.js";
import { joinPathPrefix } from "../../join/join-links.js";
import { planHelpdeskWrite, type WriteContext } from "../write-back/plan-helpdesk-write.js";
import { builtInHelpdeskTemplate, type HelpdeskTemplate } from "./helpdesk-template.js";

const sampleReport = {
  id: "00000000-0000-4000-8000-000000000000",
  sessionCode: "s123-456-789",
  supporter: { name: "Kenji Sato" },
  device: { id: "1432876590", name: "ERIKA-LAPTOP" },
  durationSeconds: 1582,
  billingState: "Bill",
  notes: "Printer driver reinstalled",
  feedback: { rating: 5, comment: "Quick and friendly" },
};

export function previewHelpdeskTemplate(options: {
  event: HelpdeskEventType;
  locale: Locale;
  template: HelpdeskTemplate;
  supporterName: string;
  publicUrl: string;
  now: Date;
}): { subject: string; text: string } {
  const { event, locale, now } = options;
  const start = new Date(now.getTime() - 3600_000);
  const report = {
    ...sampleReport,
    startDate: start.toISOString(),
    endDate: new Date(start.getTime() + sampleReport.durationSeconds * 1000).toISOString(),
  };
  const payload: Record<string, unknown> = event.startsWith("session.")
    ? { code: sampleReport.sessionCode, validUntil: new Date(now.getTime() + 86_400_000).toISOString() }
    : event === "invitation.sent"
      ? { id: sampleReport.id, locale }
      : report;
  const templates = Object.fromEntries(
    helpdeskEventTypes.map((each) => [
      each,
      each === event ? options.template : builtInHelpdeskTemplate(each, locale),
    ]),
  ) as WriteContext["templates"];
  const plan = planHelpdeskWrite({
    write: { id: "preview", organisationId: "preview", eventType: event, payload, ticketExternalId: "4711" },
    switches: {
      writesSessionField: false,
      writesSessionNotes: true,
      writesConnectionNotes: true,
      writesInvitationReplies: true,
    },
    sessionField: "",
    templates,
    t: createTranslator(locale),
    supporterName: options.supporterName,
    billingRules: { roundingIncrementMinutes: 1, minimumBillableMinutes: 0 },
    // A follow-up note lists changes against what an earlier note wrote.
    previous:
      event === "connection.updated"
        ? {
            organisationId: "preview",
            connectionReportId: sampleReport.id,
            ticketExternalId: "4711",
            billableMinutes: 30,
            billingState: "DoNotBill",
            notes: "",
          }
        : undefined,
    joinAddress: { url: `${options.publicUrl}${joinPathPrefix}EXAMPLE-EXAMPLE-EXAMPLE` },
  });
  const [step] = plan.steps;
  if (step?.kind === "note") return { subject: step.note.subject, text: step.note.text };
  if (step?.kind === "reply") return { subject: step.reply.subject, text: step.reply.text };
  throw new Error(`a sample ${event} wrote nothing to preview`);
}
