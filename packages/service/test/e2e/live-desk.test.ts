/**
 * End to end, issue 24's live desk in Chromium against the started demo service: the supporter
 * has the session page open and Home in a second tab; the customer joins from the join page in
 * a browser of their own; nobody presses anything: the background status watch notices the
 * customer and both supporter pages show them waiting without a reload, the badge counting 1;
 * the connection ends, the background sync brings its report, and the report appears on the
 * session page by itself. Home has the waiting alerts switched on and shows one
 * notification for the arrival. Each step is saved under artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { connectAsKenji, saveScreenshot, useDemoServiceInChromium } from "./support/e2e-service.js";

/** Marks the loaded document: a reload or navigation would lose the mark. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute("data-test-unreloaded", "yes"));
}

async function isSameDocument(page: Page): Promise<boolean> {
  return (await page.getAttribute("html", "data-test-unreloaded")) === "yes";
}

describe("the live desk", () => {
  const started = useDemoServiceInChromium();

  it("shows the waiting customer (and alerts, once switched on) and then the connection's report on open pages without a reload", async () => {
    const { browser, demo } = started;
    const supporterContext = await browser.newContext({ locale: "en-GB" });
    const sessionPage = await supporterContext.newPage();
    await sessionPage.goto(demo.signInUrl);
    await expect.poll(() => new URL(sessionPage.url()).pathname).toBe("/");
    const origin = new URL(sessionPage.url()).origin;
    await connectAsKenji(sessionPage, origin);

    await sessionPage.goto(`${origin}/sessions/new?ticket=LIVE-24`);
    await sessionPage.getByLabel("Ticket title").fill("VPN drops every hour");
    await sessionPage.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => sessionPage.textContent("main")).toContain("The session is created.");
    const sessionPath = new URL(sessionPage.url()).pathname;
    const code = (await sessionPage.textContent("#session-status code")) ?? "";
    await sessionPage.getByRole("button", { name: "Create join page address" }).click();
    const joinUrl = await sessionPage.inputValue("#join-url");
    expect(joinUrl).toMatch(new RegExp(`^${origin}/join/[A-Za-z0-9_-]{43}$`));

    // The session page as the supporter keeps it open, and Home in a second tab.
    await sessionPage.goto(`${origin}${sessionPath}`);
    expect(await sessionPage.textContent("#session-status")).toContain("Waiting for the customer");
    const home = await supporterContext.newPage();
    // Records the notifications the page shows, instead of the desktop's.
    await home.addInitScript(() => {
      const shown: string[] = [];
      class RecordingNotification {
        static permission = "granted";
        static requestPermission = async () => "granted";
        constructor(title: string) {
          shown.push(title);
        }
      }
      Object.defineProperty(window, "Notification", { value: RecordingNotification });
      Object.defineProperty(window, "shownNotifications", { value: shown });
    });
    await home.goto(`${origin}/`);
    await home
      .getByRole("button", { name: "Alert me when a customer waits (notification and tone)" })
      .click();
    expect(await home.getAttribute("#waiting-alerts", "aria-pressed")).toBe("true");
    expect(await home.textContent("#customers-waiting")).toContain("Nobody is waiting right now.");
    expect(await home.locator("#waiting-badge").count()).toBe(0);
    await markDocument(sessionPage);
    await markDocument(home);

    // The customer opens the join page in a browser of their own and joins through QuickSupport
    // from a second tab, so the first keeps the join page open.
    const customerContext = await browser.newContext({ locale: "en-GB" });
    const joinPage = await customerContext.newPage();
    await joinPage.goto(joinUrl);
    expect(await joinPage.textContent("#join-status")).toContain("Press Join and start QuickSupport");
    await markDocument(joinPage);
    const quickSupport = await customerContext.newPage();
    await quickSupport.goto(joinUrl);
    await quickSupport.getByRole("link", { name: "Join" }).click();
    await expect.poll(() => quickSupport.textContent("body")).toContain("Join the session");
    await quickSupport.getByRole("button", { name: "Join the session" }).click();

    // Nobody asks: the status watch notices the customer and the pages are told. Playwright waits
    // for the pushed updates; nothing here measures how fast they come.
    await sessionPage.locator("#customer-waiting-since").waitFor({ timeout: 90_000 });
    await home.locator("#waiting-customers", { hasText: "VPN drops every hour" }).waitFor();
    expect(await home.textContent("#waiting-badge")).toBe("1");
    expect(
      await home.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications),
    ).toEqual(["A customer is waiting"]);
    expect(await sessionPage.textContent("#waiting-badge")).toBe("1");
    expect(await isSameDocument(sessionPage)).toBe(true);
    expect(await isSameDocument(home)).toBe(true);
    await saveScreenshot(sessionPage, "live-01-session-page-customer-waiting");
    await saveScreenshot(home, "live-02-home-customers-waiting");

    // The customer's join page follows too, by its status address.
    await joinPage.locator('#join-status[data-status="waiting"]').waitFor();
    expect(await joinPage.textContent("#join-status")).toContain("Your technician knows that you are there");
    expect(await isSameDocument(joinPage)).toBe(true);
    await saveScreenshot(joinPage, "live-03-join-page-waiting");

    // The supporter connects and ends; the background sync's code poll brings the report.
    const simulator = new URL((await sessionPage.getAttribute("#open-in-teamviewer", "href")) ?? "").origin;
    for (const step of ["supporter-connect", "end-connection"]) {
      const response = await fetch(`${simulator}/__sim/sessions/${code}/${step}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(response.status, step).toBe(200);
    }
    await sessionPage.locator("#ticket-connection-reports tbody tr").first().waitFor({ timeout: 120_000 });
    expect(await sessionPage.locator("#ticket-connection-reports tbody tr").count()).toBe(1);

    expect(await isSameDocument(sessionPage)).toBe(true);
    await saveScreenshot(sessionPage, "live-04-session-page-report-arrived");

    await customerContext.close();
    await supporterContext.close();
  });
});
