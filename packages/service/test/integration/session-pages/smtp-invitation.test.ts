import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../../../src/mail/smtp-mailer.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.js";
import { createPagesHarness, createSessionThroughPage, invite, joinPathIn } from "./pages-harness.js";

describe("invitations through a real SMTP server on loopback", () => {
  const engine = usePgliteEngine();
  let capture: SmtpCapture | undefined;
  afterEach(async () => {
    await capture?.close();
  });

  it("delivers text and HTML that carry only the join address, which opens the join page", async () => {
    capture = await startSmtpCapture();
    const mailer = createSmtpMailer({ url: capture.url, from: "Contoso Helpdesk <support@contoso.example>" });
    const h = await createPagesHarness(engine, { mailer });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter, "Kenji Sato");
    const sessionPath = await createSessionThroughPage(browser);

    const page = await invite(browser, sessionPath, { locale: "de" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Invitation sent to erika@example.org.");

    const mail = await capture.nextMessage();
    expect(mail.envelopeTo).toEqual(["erika@example.org"]);
    expect(mail.headers.get("from")).toContain("support@contoso.example");
    expect(mail.subject).toBe("Fernwartung durch Contoso Helpdesk");
    expect(mail.text).toContain("Guten Tag Erika Mustermann,");
    expect(mail.text).toContain("Kenji Sato von Contoso Helpdesk");

    // Only the join page's address, in both versions: no TeamViewer link, no session code.
    const joinPath = joinPathIn(mail.text);
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([`http://localhost:3000${joinPath}`]);
    // The address in the text, and the join button.
    expect([...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      `http://localhost:3000${joinPath}`,
      `http://localhost:3000${joinPath}`,
    ]);
    const [session] = await queryRows<{ code: string; end_customer_link: string }>(
      h.database.db,
      sql`select code, end_customer_link from support_sessions`,
    );
    for (const body of [mail.text, mail.html]) {
      expect(body).not.toContain(session?.end_customer_link);
      expect(body).not.toContain(session?.code.replaceAll("-", ""));
      expect(body).not.toContain("localhost:4010");
    }

    const joinPage = await h.visitor().get(joinPath, { "accept-language": "de" });
    expect(joinPage.status).toBe(200);
    expect(await joinPage.text()).toContain(`href="${session?.end_customer_link}"`);

    const [recorded] = await queryRows<{ status: string; locale: string; recipient_email: string }>(
      h.database.db,
      sql`select status, locale, recipient_email from session_invitations`,
    );
    expect(recorded).toEqual({ status: "sent", locale: "de", recipient_email: "erika@example.org" });
    const audit = await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where action like 'session_invitation.%'`,
    );
    expect(audit).toEqual([{ action: "session_invitation.sent" }]);
  });

  it("records a refused delivery as failed, keeps the previous address and shows what to do", async () => {
    capture = await startSmtpCapture();
    const url = capture.url;
    await capture.close();
    capture = undefined;
    const h = await createPagesHarness(engine, {
      mailer: createSmtpMailer({ url, from: "support@contoso.example" }),
    });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);
    const sessionPath = await createSessionThroughPage(browser);

    const page = await invite(browser, sessionPath);
    expect(page.status).toBe(502);
    const html = await page.text();
    expect(html).toContain("The invitation could not be sent");
    expect(html).toContain('value="erika@example.org"');
    const rows = await queryRows<{ status: string; error: string | null }>(
      h.database.db,
      sql`select status, error from session_invitations`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("failed");
    expect(rows[0]?.error).toBeTruthy();
    expect(await queryRows(h.database.db, sql`select id from join_links`)).toEqual([]);
  });
});
