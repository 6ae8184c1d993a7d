import { describe, expect, it } from "vitest";
import { composeInvitation } from "../../src/invitations/compose-invitation.js";
import {
  findTemplateProblems,
  type InvitationValues,
  renderTemplateHtml,
} from "../../src/invitations/invitation-template.js";
import { builtInTemplate } from "../../src/invitations/invitation-templates.js";

const values: InvitationValues = {
  greeting: "Hello Erika,",
  customerName: `Erika <b>"Mustermann"</b> & Co`,
  supporterName: "Kenji Sato",
  organisationName: "Contoso <Helpdesk>",
  joinUrl: "https://support.example.com/join/abc?x=1&y=2",
  validUntil: "3 March 2026 at 09:14 UTC",
};

describe("invitation templates", () => {
  it("escapes the template and every value in the HTML and links only the join address", () => {
    const html = renderTemplateHtml(
      "Hello {customerName} <i>from</i> {organisationName},\n\nOpen:\n{joinUrl}",
      values,
    );
    expect(html).toBe(
      [
        "<p>Hello Erika &lt;b&gt;&quot;Mustermann&quot;&lt;/b&gt; &amp; Co &lt;i&gt;from&lt;/i&gt; Contoso &lt;Helpdesk&gt;,</p>",
        '<p>Open:<br>\n<a href="https://support.example.com/join/abc?x=1&amp;y=2">https://support.example.com/join/abc?x=1&amp;y=2</a></p>',
      ].join("\n"),
    );
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("fills the text version with the values as they are", () => {
    const mail = composeInvitation(
      { subject: "Help from {organisationName}", body: "Hi {customerName}: {joinUrl}" },
      values,
      "en",
    );
    expect(mail.subject).toBe("Help from Contoso <Helpdesk>");
    expect(mail.text).toBe(`Hi ${values.customerName}: ${values.joinUrl}`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain("<title>Help from Contoso &lt;Helpdesk&gt;</title>");
  });

  it("names unknown placeholders, and requires {joinUrl} in the text and one line in the subject", () => {
    expect(
      findTemplateProblems({ subject: "Hi {customer}", body: "{joinUrl} {supporter} {supporter}" }),
    ).toEqual({
      subject: { kind: "unknown-placeholder", names: ["customer"] },
      body: { kind: "unknown-placeholder", names: ["supporter"] },
    });
    expect(findTemplateProblems({ subject: "Two\nlines", body: "No address" })).toEqual({
      subject: { kind: "line-break" },
      body: { kind: "join-url-missing" },
    });
    expect(findTemplateProblems({ subject: " ", body: `{joinUrl}${"x".repeat(5000)}` })).toEqual({
      subject: { kind: "required" },
      body: { kind: "too-long", max: 5000 },
    });
  });

  it("ships built-in wording in English, German and Japanese that passes its own rules", () => {
    for (const locale of ["en", "de", "ja"] as const) {
      const template = builtInTemplate(locale);
      expect(findTemplateProblems(template)).toEqual({});
      expect(composeInvitation(template, values, locale).text).toContain(values.joinUrl);
    }
    expect(builtInTemplate("ja").body).toContain("{greeting}");
  });
});
