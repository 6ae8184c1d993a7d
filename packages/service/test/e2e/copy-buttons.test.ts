/**
 * The copy buttons beside the supporter links and the join address, in Chromium: the page's one
 * inline script runs under the CSP's nonce and copies each link to the clipboard; with scripts
 * off the buttons stay hidden and the links stay in selectable fields.
 */
import { describe, expect, it } from "vitest";
import { connectAsKenji, saveScreenshot, useDemoServiceInChromium } from "./support/e2e-service.js";

describe("copy buttons", () => {
  const started = useDemoServiceInChromium();

  it("copies the supporter link, the browser link and the join address, and without scripts leaves them selectable", async () => {
    const { demo, browser } = started;
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) refusals.push(message.text());
    });
    await page.goto(demo.signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const origin = new URL(page.url()).origin;
    await connectAsKenji(page, origin);
    await page.goto(`${origin}/sessions/new?ticket=5150&title=Copy%20test`);
    await page.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => page.textContent("main")).toContain("The session is created.");
    const sessionUrl = page.url().split("?")[0] ?? "";
    await page.getByRole("button", { name: "Create join page address" }).click();
    await expect.poll(() => page.isVisible("#join-url")).toBe(true);

    for (const field of ["#supporter-link", "#webclient-link", "#join-url"]) {
      const link = await page.inputValue(field);
      expect(link).toMatch(/^http/);
      const button = page.locator(`button[data-copy="${field.slice(1)}"]`);
      await button.click();
      await expect.poll(() => button.textContent()).toBe("Copied");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    }
    await saveScreenshot(page, "copy-01-buttons");
    expect(refusals).toEqual([]);

    const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutScripts.newPage();
    await plain.context().addCookies(await context.cookies());
    await plain.goto(sessionUrl);
    expect(await plain.isVisible('button[data-copy="supporter-link"]')).toBe(false);
    expect(await plain.inputValue("#supporter-link")).toBe(await page.inputValue("#supporter-link"));
    await plain.locator("#supporter-link").selectText();
    await saveScreenshot(plain, "copy-02-without-scripts");
    await withoutScripts.close();
    await context.close();
  });
});
