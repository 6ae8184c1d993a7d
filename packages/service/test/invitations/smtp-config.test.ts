import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load-config.js";
import { describeSmtpUrl, smtpTransportOptions } from "../../src/mail/smtp-url.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ env, cwd: "/srv/attendant" });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe("SMTP settings", () => {
  it("reads ATTENDANT_SMTP_URL and ATTENDANT_MAIL_FROM together", () => {
    const config = loadConfig({
      env: {
        ATTENDANT_SMTP_URL: "smtp://mailer:s3cret@mail.example.com:587",
        ATTENDANT_MAIL_FROM: "Helpdesk <support@example.com>",
      },
      cwd: "/srv/attendant",
    });
    expect(config.smtp).toEqual({
      url: "smtp://mailer:s3cret@mail.example.com:587",
      from: "Helpdesk <support@example.com>",
    });
    expect(loadConfig({ env: {}, cwd: "/srv/attendant" }).smtp).toBeUndefined();
  });

  it("explains a bad URL without echoing it, and a missing sender", () => {
    const badUrl = problemsOf({
      ATTENDANT_SMTP_URL: "http://user:hunter2@mail.example.com",
      ATTENDANT_MAIL_FROM: "a@example.com",
    });
    expect(badUrl).toHaveLength(1);
    expect(badUrl[0]).toContain("ATTENDANT_SMTP_URL must be an SMTP server URL like smtp://");
    expect(badUrl[0]).not.toContain("hunter2");
    expect(problemsOf({ ATTENDANT_SMTP_URL: "smtp://mail.example.com" })).toEqual([
      "ATTENDANT_MAIL_FROM must be set when ATTENDANT_SMTP_URL is set: the sender of invitation e-mails, like Helpdesk <support@example.com>",
    ]);
    expect(
      problemsOf({ ATTENDANT_SMTP_URL: "smtp://mail.example.com", ATTENDANT_MAIL_FROM: "nobody" })[0],
    ).toContain("ATTENDANT_MAIL_FROM must be the sender of invitation e-mails");
  });

  it("keeps the password out of the description used in logs", () => {
    expect(describeSmtpUrl("smtp://mailer:s3cr%40t@mail.example.com:587")).toBe(
      "smtp://mailer:[redacted]@mail.example.com:587",
    );
    expect(describeSmtpUrl("smtps://mail.example.com")).toBe("smtps://mail.example.com");
  });

  it("turns the URL into nodemailer options: STARTTLS on smtp:, TLS on smtps:, decoded credentials", () => {
    expect(smtpTransportOptions("smtp://mailer:s3cr%40t@mail.example.com")).toMatchObject({
      host: "mail.example.com",
      port: 587,
      secure: false,
      auth: { user: "mailer", pass: "s3cr@t" },
    });
    expect(smtpTransportOptions("smtps://mail.example.com")).toMatchObject({ port: 465, secure: true });
    expect(smtpTransportOptions("smtps://mail.example.com")).not.toHaveProperty("auth");
  });
});
