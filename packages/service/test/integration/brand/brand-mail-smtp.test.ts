import { afterEach, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../../src/mail/smtp-mailer.js";
import { usePgliteEngine } from "../../support/engines.js";
import { solidPng } from "../../support/png-image.js";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
} from "../session-pages/pages-harness.js";
import { submitBrand } from "./brand-harness.js";

describe("branded invitations through a real SMTP server on loopback", () => {
  const engine = usePgliteEngine();
  let capture: SmtpCapture | undefined;
  afterEach(async () => {
    await capture?.close();
  });

  it("sends multipart/alternative with the brand in the subject, a join button in the HTML and the contact in both parts, in en, de and ja", async () => {
    capture = await startSmtpCapture();
    const mailer = createSmtpMailer({ url: capture.url, from: "support@fabrikam.example" });
    const h = await createPagesHarness(engine, { mailer });
    const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
    const logo = { bytes: solidPng(80, 40), name: "logo.png", type: "image/png" };
    expect((await submitBrand(admin, {}, logo)).status).toBe(303);
    const supporter = await h.signIn(
      await h.addUser("supporter", { teamViewerUserid: "u7005" }),
      "Kenji Sato",
    );
    const sessionPath = await createSessionThroughPage(supporter);

    const expected = {
      en: {
        subject: "Remote support from Fabrikam Support",
        button: "Join the support session",
        legal: "Legal notice",
      },
      de: {
        subject: "Fernwartung durch Fabrikam Support",
        button: "An der Fernwartung teilnehmen",
        legal: "Impressum",
      },
      ja: {
        subject: "Fabrikam Support からのリモートサポートのご案内",
        button: "リモートサポートに参加する",
        legal: "法的表示",
      },
    };
    for (const [locale, words] of Object.entries(expected)) {
      expect((await invite(supporter, sessionPath, { locale })).status).toBe(200);
      const mail = await capture.nextMessage();
      expect(mail.headers.get("content-type")).toMatch(/^multipart\/alternative/);
      expect(mail.subject).toBe(words.subject);
      const joinUrl = `http://localhost:3000${joinPathIn(mail.text)}`;
      expect(mail.html).toContain(`<a href="${joinUrl}" style=`);
      expect(mail.html).toContain(`>${words.button}</a>`);
      expect(mail.html).toMatch(
        /<img src="http:\/\/localhost:3000\/brand\/[0-9a-f-]{36}\/logo-[0-9a-f]{16}"/,
      );
      expect(mail.html).toContain("help@fabrikam.example");
      expect(mail.text).toContain("help@fabrikam.example");
      expect(mail.text).toContain(`${words.legal}: https://fabrikam.example/imprint`);
      expect(mail.text).not.toContain("Contoso");
    }
  });
});
