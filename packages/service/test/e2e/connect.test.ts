/**
 * End to end: the real service (`startService`, demo mode, so the simulator runs on a free
 * loopback port) driven by Debian's Chromium. Signs in with the demo's one-time link, connects
 * a TeamViewer account through the simulator's consent page, sees "Connected", disconnects.
 * Every page is saved as a PNG under artifacts/e2e/ for a human to look at.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "../support/capture-logs.js";
import { type DemoService, launchChromium, saveScreenshot, startDemoService } from "./support/e2e-service.js";

describe("connecting TeamViewer in a browser", () => {
  let demo: DemoService;
  let browser: Browser;
  let signInUrl: string;
  const logs = captureLogs();

  beforeAll(async () => {
    demo = await startDemoService({ logger: logs.logger });
    signInUrl = demo.signInUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const shoot = (page: Page, name: string) => saveScreenshot(page, name);

  it("signs in, connects a simulated TeamViewer account, and disconnects it", async () => {
    expect(signInUrl).toMatch(/\/login\/link\?token=/);
    const page = await browser.newPage();

    await page.goto(signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    await expect.poll(() => page.textContent("body")).toContain("Demo mode");
    await shoot(page, "01-home");

    await page.getByRole("link", { name: "TeamViewer connection" }).first().click();
    await expect.poll(() => page.textContent("#teamviewer-connection")).toContain("Not connected");
    await shoot(page, "02-connection-not-connected");

    await page.getByRole("link", { name: "Connect TeamViewer" }).click();
    await expect.poll(() => page.textContent("body")).toContain("wants to use your TeamViewer account");
    await page.getByLabel(/Kenji Sato/).check();
    await shoot(page, "03-simulator-consent");
    await page.getByRole("button", { name: "Allow" }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe("/connection");
    const connected = await page.textContent("#teamviewer-connection");
    expect(connected).toContain("Connected");
    expect(connected).toContain("Kenji Sato (kenji@example.com)");
    expect(await page.textContent("main")).toContain("Your TeamViewer account is connected.");
    await shoot(page, "04-connection-connected");

    await page.goto(new URL("/", page.url()).href);
    expect(await page.textContent("#teamviewer")).toContain("Connected");
    await shoot(page, "05-home-connected");

    await page.goto(new URL("/health", page.url()).href);
    expect(await page.textContent("#health-user")).toContain("Kenji Sato");
    await shoot(page, "06-health");

    await page.goto(new URL("/settings/teamviewer", page.url()).href);
    expect(await page.textContent("main")).toContain("built-in TeamViewer simulator");
    await shoot(page, "07-settings");

    await page.goto(new URL("/connection", page.url()).href);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await expect.poll(() => page.textContent("main")).toContain("TeamViewer is disconnected");
    expect(await page.textContent("#teamviewer-connection")).toContain("Not connected");
    await shoot(page, "08-connection-disconnected");

    // Nothing the browser carried through the flow reached the logs.
    expect(logs.text()).not.toMatch(/[?&]code=/);
    expect(logs.text()).not.toContain(new URL(signInUrl).searchParams.get("token") ?? "missing");
  });
});
