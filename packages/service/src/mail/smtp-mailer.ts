/**
 * The service's Mailer (src/http/app-deps.ts) over SMTP with nodemailer, from ATTENDANT_SMTP_URL.
 * Not pooled: each invitation opens its own short connection, so there is nothing to close at
 * shutdown and a mail server restart never leaves a dead pooled connection behind.
 */
import { createTransport } from "nodemailer";
import type { SmtpConfig } from "../config/config-schema.js";
import type { Mailer } from "../http/app-deps.js";
import type { Logger } from "../logging/logger.js";
import { describeSmtpUrl, smtpTransportOptions } from "./smtp-url.js";

export function createSmtpMailer(smtp: SmtpConfig): Mailer {
  const transport = createTransport(smtpTransportOptions(smtp.url), { from: smtp.from });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
  };
}

/** The mailer `startService` uses unless one is passed in: SMTP when configured, else none. */
export function createConfiguredMailer(smtp: SmtpConfig | undefined, logger: Logger): Mailer | undefined {
  if (smtp === undefined) return undefined;
  logger.info(
    { smtp: describeSmtpUrl(smtp.url), from: smtp.from },
    "Invitation e-mails are sent through SMTP",
  );
  return createSmtpMailer(smtp);
}
