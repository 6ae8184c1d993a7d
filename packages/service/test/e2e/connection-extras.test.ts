/**
 * End to end, issue 21 in Chromium against the started service in demo mode: a supporter creates
 * a session for a ticket, the customer joins in the simulated QuickSupport, the supporter
 * connects in the simulated console, the two chat in their own pages, the supporter writes a
 * session note and ends the connection; after "Sync now" the ticket's page shows the connection
 * with its chat transcript, TeamViewer's summary and the session note (saved under artifacts/e2e/).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { connectAsKenji, saveScreenshot, useDemoServiceInChromium } from "./support/e2e-service.js";

describe("what a chatted connection leaves on its ticket", () => {
  const started = useDemoServiceInChromium();

  /**
   * Writes `text` in a simulated app's chat. QuickSupport reloads itself every few seconds while
   * connected, which can swallow a half-typed message: the page is opened afresh and the message
   * sent again only until the chat shows it.
   */
  async function sendChat(page: Page, url: string, text: string): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.goto(url);
          if (((await page.textContent("#chat")) ?? "").includes(text)) return true;
          await page.getByLabel("Message").fill(text);
          await page.getByRole("button", { name: "Send" }).click();
          await page.waitForLoadState();
          return ((await page.textContent("body")) ?? "").includes(text);
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
  }

  it("shows the chat transcript, the summary and the session note on the ticket page", async () => {
    const page = await started.browser.newPage();
    await page.goto(started.demo.signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const origin = new URL(page.url()).origin;

    await connectAsKenji(page, origin);

    await page.goto(`${origin}/sessions/new?ticket=CHAT-7`);
    await page.getByLabel("Ticket title").fill("Outlook startet nicht");
    await page.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => page.textContent("main")).toContain("The session is created.");
    const sessionPath = new URL(page.url()).pathname;
    const supporterLink = (await page.getAttribute("#open-in-teamviewer", "href")) ?? "";
    // The end customer's link is the supporter's without the service-queue token (see the simulator's README).
    const customerLink = supporterLink.replace(/-[A-Za-z0-9]{12}$/, "");

    const customer = await started.browser.newPage();
    await customer.goto(customerLink);
    await customer.getByRole("button", { name: "Join the session" }).click();
    const supporter = await started.browser.newPage();
    await supporter.goto(supporterLink);
    await supporter.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => supporter.textContent("body")).toContain("Connected to");

    await sendChat(customer, customerLink, "Outlook bleibt beim Start hängen");
    await sendChat(supporter, supporterLink, "Ich starte es im abgesicherten Modus");
    await supporter.goto(supporterLink);
    await supporter.getByLabel("Session note").fill("Mailprofil repariert");
    await supporter.getByRole("button", { name: "End connection" }).click();
    await expect.poll(() => supporter.textContent("body")).toContain("Last connection report");

    await expect
      .poll(
        async () => {
          await page.goto(`${origin}/reports`);
          await page.getByRole("button", { name: "Sync now" }).click();
          await page.waitForURL(/notice=synced/);
          await page.goto(`${origin}${sessionPath}`);
          return (await page.textContent("#ticket-connections")) ?? "";
        },
        { timeout: 60_000, interval: 500 },
      )
      .toContain("Ich starte es im abgesicherten Modus");
    const history = (await page.textContent("#ticket-connections")) ?? "";
    expect(history).toContain("Chat transcript");
    expect(history).toContain("Outlook bleibt beim Start hängen");
    expect(history).toContain("exchanged 2 chat messages");
    expect(history).toContain("Mailprofil repariert");
    await saveScreenshot(page, "extras-01-ticket-history");
  });
});
