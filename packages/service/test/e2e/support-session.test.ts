/**
 * End to end, the whole support case of issue 5 in Chromium against the started service (demo
 * mode, so the simulator plays TeamViewer and both of its apps), with invitations sent through a
 * real SMTP server on loopback: a supporter signs in, connects TeamViewer, creates a session for
 * a ticket, opens the supporter link, invites the customer by e-mail; the customer opens the
 * address from that e-mail, switches the page to Japanese and joins through QuickSupport; the
 * supporter refreshes and sees them online. Each page is saved under artifacts/e2e/.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "../support/capture-logs.js";
import { type SmtpCapture, startSmtpCapture } from "../support/smtp-capture.js";
import { type DemoService, launchChromium, saveScreenshot, startDemoService } from "./support/e2e-service.js";

describe("a support session from ticket to joined customer", () => {
  let smtp: SmtpCapture;
  let demo: DemoService;
  let browser: Browser;
  const logs = captureLogs();

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    demo = await startDemoService({
      logger: logs.logger,
      env: {
        ATTENDANT_SMTP_URL: smtp.url,
        ATTENDANT_MAIL_FROM: "Contoso Helpdesk <support@contoso.example>",
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await smtp?.close();
  });

  it("brings the end customer in through the e-mailed join page, and the supporter sees them online", async () => {
    const supporter = await browser.newPage();
    await supporter.goto(demo.signInUrl);
    await expect.poll(() => new URL(supporter.url()).pathname).toBe("/");
    const origin = new URL(supporter.url()).origin;

    // Connect TeamViewer through the simulator's consent page.
    await supporter.goto(`${origin}/connection`);
    await supporter.getByRole("link", { name: "Connect TeamViewer" }).click();
    await supporter.getByLabel(/Kenji Sato/).check();
    await supporter.getByRole("button", { name: "Allow" }).click();
    await expect.poll(() => supporter.textContent("#teamviewer-connection")).toContain("Connected");

    // A session for ticket 4711.
    await supporter.goto(`${origin}/sessions/new?ticket=4711`);
    await supporter.getByLabel("Ticket title").fill("Outlook does not start");
    await supporter.getByLabel("Customer's name (optional)").fill("Erika Mustermann");
    await supporter.getByLabel("Customer's e-mail address (optional)").fill("erika@example.org");
    await supporter
      .getByLabel("Message for the waiting customer (optional)")
      .fill("Kenji will be with you in a moment.");
    expect(await supporter.inputValue("#group")).toBe("Helpdesk");
    await saveScreenshot(supporter, "support-01-new-session");
    await supporter.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => supporter.textContent("main")).toContain("The session is created.");
    expect(await supporter.textContent("#session-status")).toContain("Waiting for the customer");
    await saveScreenshot(supporter, "support-02-session-created");

    // The supporter link opens the simulated supporter console.
    const supporterLink = (await supporter.getAttribute("#open-in-teamviewer", "href")) ?? "";
    expect(supporterLink).toMatch(/\/v15\/s\d+-[A-Za-z0-9]{12}$/);
    const console = await browser.newPage();
    await console.goto(supporterLink);
    await expect.poll(() => console.textContent("body")).toContain("Waiting for the customer to join");
    await saveScreenshot(console, "support-03-supporter-console");

    // Invite by e-mail; the message arrives at the loopback SMTP server.
    expect(await supporter.inputValue("#email")).toBe("erika@example.org");
    await supporter.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => supporter.textContent("main")).toContain("Invitation sent to erika@example.org.");
    await saveScreenshot(supporter, "support-04-invitation-sent");
    const mail = await smtp.nextMessage();
    expect(mail.envelopeTo).toEqual(["erika@example.org"]);
    const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    const joinUrl = links[0] ?? "";
    expect(joinUrl).toMatch(new RegExp(`^${origin}/join/[A-Za-z0-9_-]{43}$`));
    expect(mail.text).not.toContain(supporterLink);

    // The end customer, in a browser of their own.
    const customerContext = await browser.newContext({ locale: "en-GB" });
    const customer = await customerContext.newPage();
    await customer.goto(joinUrl);
    await expect.poll(() => customer.textContent("h1")).toBe("Remote support is ready for you");
    const customerHtml = await customer.content();
    expect(customerHtml).not.toContain(supporterLink);
    expect(customerHtml).not.toContain("servicequeuetoken");
    await saveScreenshot(customer, "support-05-join-page");

    await customer.getByRole("link", { name: "日本語" }).click();
    await expect.poll(() => customer.textContent("h1")).toBe("リモートサポートの準備ができました");
    expect(await customer.getAttribute("html", "lang")).toBe("ja");
    expect(await customer.textContent("#valid-until")).toContain("UTC");
    await saveScreenshot(customer, "support-06-join-page-japanese");

    await customer.getByRole("link", { name: "参加する" }).click();
    await expect.poll(() => customer.textContent("body")).toContain("Join the session");
    await saveScreenshot(customer, "support-07-quicksupport");
    await customer.getByRole("button", { name: "Join the session" }).click();
    await expect.poll(() => customer.textContent("body")).toContain("Kenji will be with you in a moment.");
    await saveScreenshot(customer, "support-08-quicksupport-waiting");

    // The supporter refreshes and sees the customer online; the console offers to connect.
    await supporter.getByRole("button", { name: "Check status now" }).click();
    await expect.poll(() => supporter.textContent("#session-status")).toContain("Customer online");
    await saveScreenshot(supporter, "support-09-customer-online");
    await console.reload();
    await expect.poll(() => console.textContent("body")).toContain("The customer is waiting");
    await saveScreenshot(console, "support-10-console-customer-waiting");

    await customerContext.close();
    // The supporter link is a credential: it never reached the logs.
    expect(logs.text()).not.toContain(supporterLink.split("/").at(-1) ?? "missing");
    expect(logs.text()).not.toContain(joinUrl.split("/").at(-1) ?? "missing");
  });
});
