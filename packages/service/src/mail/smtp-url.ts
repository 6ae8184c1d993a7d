/**
 * ATTENDANT_SMTP_URL in the two forms the service needs: nodemailer's transport options, and a
 * description for the log with the password left out (the URL is a credential).
 */
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

/** Seconds, not nodemailer's minutes: a person is waiting on the invitation form. */
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function smtpTransportOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const isTls = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? (isTls ? 465 : 587) : Number(url.port),
    // smtp: upgrades with STARTTLS when the server offers it; smtps: is TLS from the first byte.
    secure: isTls,
    ...(url.username === ""
      ? {}
      : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    ...timeouts,
  };
}

/** `smtp://user:[redacted]@host:587`: safe for logs and pages. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (url.password !== "") url.password = "[redacted]";
  return url.href.replace("%5Bredacted%5D", "[redacted]");
}
