/**
 * End to end in Chromium (issue 25, "Brand per organisation"): the demo admin sets the brand on
 * its settings page (name, logo uploaded as a file, accent colour, contact), invites a customer
 * in Japanese through a real SMTP server on loopback, and the customer, whose browser asks for
 * German, sees the join page in the invitation's Japanese with the brand's logo, name and colour.
 * The organisation is in Asia/Tokyo: a customer's browser there shows the validity in Tokyo time
 * (the page's local-time script), one in Berlin in Berlin time, and one with JavaScript off the
 * organisation's Tokyo time, named (issue 25, "Time zones"). Each page is saved under artifacts/e2e/.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValidUntil } from "../../src/join/valid-until.js";
import { captureLogs } from "../support/capture-logs.js";
import { solidPng } from "../support/png-image.js";
import { type SmtpCapture, startSmtpCapture } from "../support/smtp-capture.js";
import {
  connectAsKenji,
  type DemoService,
  launchChromium,
  saveScreenshot,
  startDemoService,
} from "./support/e2e-service.js";

describe("a branded join page", () => {
  let smtp: SmtpCapture;
  let demo: DemoService;
  let browser: Browser;
  const logs = captureLogs();

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    demo = await startDemoService({
      logger: logs.logger,
      env: { ATTENDANT_SMTP_URL: smtp.url, ATTENDANT_MAIL_FROM: "Fabrikam <support@fabrikam.example>" },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await smtp?.close();
  });

  it("shows the customer the organisation's logo, name and colour in the invitation's language, and the validity in their own time zone", async () => {
    const admin = await browser.newPage();
    await admin.goto(demo.signInUrl);
    await expect.poll(() => new URL(admin.url()).pathname).toBe("/");
    const origin = new URL(admin.url()).origin;

    await admin.goto(`${origin}/settings/brand`);
    await admin.getByLabel("Name shown to customers", { exact: true }).fill("Fabrikam Support");
    await admin.getByLabel("Accent colour").fill("#6a1b9a");
    await admin.getByLabel("Support e-mail").fill("help@fabrikam.example");
    await admin.getByLabel("Legal notice / imprint").fill("https://fabrikam.example/imprint");
    await admin.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await admin.setInputFiles("#logo", {
      name: "fabrikam.png",
      mimeType: "image/png",
      buffer: solidPng(160, 48),
    });
    await admin.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("Customers see the new brand from now on.");
    await saveScreenshot(admin, "brand-01-settings");

    await connectAsKenji(admin, origin);
    await admin.goto(`${origin}/sessions/new?ticket=4711`);
    await admin.getByLabel("Ticket title").fill("Outlook does not start");
    await admin.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("The session is created.");
    await admin.fill("#email", "erika@example.org");
    await admin.selectOption("#locale", "ja");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("Invitation sent to erika@example.org.");

    const mail = await smtp.nextMessage();
    expect(mail.subject).toBe("Fabrikam Support からのリモートサポートのご案内");
    expect(mail.html).toContain(">リモートサポートに参加する</a>");
    const joinUrl = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0] ?? "";
    expect(joinUrl.startsWith(origin)).toBe(true);

    const customerContext = await browser.newContext({ locale: "de-DE" });
    const customer = await customerContext.newPage();
    await customer.goto(joinUrl);
    await expect.poll(() => customer.textContent("h1")).toBe("リモートサポートの準備ができました");
    expect(await customer.textContent("#brand-name")).toBe("Fabrikam Support");
    expect(await customer.textContent("#who")).toContain("Fabrikam Support");
    expect(await customer.$eval("img.brand-logo", (image) => (image as HTMLImageElement).naturalWidth)).toBe(
      160,
    );
    const buttonColour = await customer.$eval(
      "a.join-button",
      (link) => getComputedStyle(link).backgroundColor,
    );
    expect(buttonColour).toBe("rgb(106, 27, 154)");
    expect(await customer.textContent("#brand-contact")).toContain("help@fabrikam.example");
    await saveScreenshot(customer, "brand-02-join-page-japanese");
    await customerContext.close();

    // Without JavaScript the organisation's zone shows, named, in the invitation's language.
    const scriptlessContext = await browser.newContext({
      timezoneId: "Europe/Berlin",
      javaScriptEnabled: false,
    });
    const scriptless = await scriptlessContext.newPage();
    await scriptless.goto(joinUrl);
    const validUntil = new Date((await scriptless.getAttribute("#valid-until time", "datetime")) ?? "");
    const inTokyo = formatValidUntil(validUntil, "ja", "Asia/Tokyo");
    expect(inTokyo).toMatch(/JST$/);
    expect(await scriptless.textContent("#valid-until time")).toBe(inTokyo);
    expect(await scriptless.getAttribute("#valid-until time", "data-time-zone")).toBeNull();
    await saveScreenshot(scriptless, "brand-03-join-page-without-scripts");
    await scriptlessContext.close();

    // With scripts, the browser's own zone: Tokyo time for a customer in Tokyo...
    const tokyoContext = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const tokyo = await tokyoContext.newPage();
    await tokyo.goto(joinUrl);
    await expect.poll(() => tokyo.getAttribute("#valid-until time", "data-time-zone")).toBe("Asia/Tokyo");
    expect(await tokyo.textContent("#valid-until time")).toBe(inTokyo);
    await saveScreenshot(tokyo, "brand-04-join-page-tokyo-time");
    await tokyoContext.close();

    // ...and Berlin time for one in Berlin: the script really rewrites it.
    const berlinContext = await browser.newContext({ timezoneId: "Europe/Berlin" });
    const berlin = await berlinContext.newPage();
    await berlin.goto(joinUrl);
    await expect.poll(() => berlin.getAttribute("#valid-until time", "data-time-zone")).toBe("Europe/Berlin");
    expect(await berlin.textContent("#valid-until time")).toBe(
      formatValidUntil(validUntil, "ja", "Europe/Berlin"),
    );
    await berlinContext.close();
  });
});
