/**
 * End to end: a return path after sign-in never takes Chromium to another origin. Browsers strip
 * tab, CR and LF from a `Location`, so `/<tab>/127.0.0.1:…` would become the scheme-relative
 * `//127.0.0.1:…`; the other origin here is the service itself under its IP address, so the test
 * stays on loopback whatever happens.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "../support/capture-logs.js";
import { type DemoService, launchChromium, startDemoService } from "./support/e2e-service.js";

describe("the return path after sign-in in a browser", () => {
  let demo: DemoService;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemoService({ logger: captureLogs().logger });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("refuses a return path with a tab that browsers strip, and stays on our own origin", async () => {
    const ownOrigin = new URL(demo.signInUrl).origin;
    const otherHost = `127.0.0.1:${new URL(ownOrigin).port}`;
    const page = await browser.newPage();
    await page.goto(demo.signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");

    await page.goto(`${ownOrigin}/login?next=${encodeURIComponent(`/\t/${otherHost}/users`)}`);

    expect(new URL(page.url()).origin).toBe(ownOrigin);
    expect(new URL(page.url()).pathname).toBe("/");
  });
});
