/**
 * How this instance delivers e-mail, decided once per app:
 * - a Mailer (SMTP from ATTENDANT_SMTP_URL, or a test's fake) sends it;
 * - demo mode without one keeps it in the outbox table, shown on the Outbox page, so a newcomer
 *   can follow an invitation without a mail server (issue 5);
 * - otherwise e-mail is off and the pages say so.
 */

import { insertOutboxMessage } from "../db/repositories/mail-outbox.js";
import type { AppDeps, Mailer } from "../http/app-deps.js";

export type MailDelivery = { kind: "send"; mailer: Mailer } | { kind: "outbox" } | { kind: "off" };

export function chooseMailDelivery(deps: Pick<AppDeps, "mailer" | "demoTeamViewerApp">): MailDelivery {
  if (deps.mailer !== undefined) return { kind: "send", mailer: deps.mailer };
  return deps.demoTeamViewerApp === undefined ? { kind: "off" } : { kind: "outbox" };
}

export interface OutgoingMail {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID, the same on every attempt to send one invitation. */
  messageId?: string;
}

/**
 * @returns "sent" when the mail server accepted it, "captured" when it went to the demo outbox.
 * @throws whatever the mailer throws; callers record the failure.
 */
export async function deliverMail(
  deps: Pick<AppDeps, "database" | "clock">,
  delivery: Exclude<MailDelivery, { kind: "off" }>,
  mail: OutgoingMail,
): Promise<"sent" | "captured"> {
  if (delivery.kind === "send") {
    const { to, subject, text, html, messageId } = mail;
    await delivery.mailer.send({
      to,
      subject,
      text,
      html,
      ...(messageId === undefined ? {} : { messageId }),
    });
    return "sent";
  }
  await insertOutboxMessage(deps.database.db, {
    organisationId: mail.organisationId,
    recipient: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    createdAt: deps.clock.now(),
  });
  return "captured";
}
