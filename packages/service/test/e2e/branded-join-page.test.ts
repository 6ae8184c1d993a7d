/**
 * End to end in Chromium (issue 25, "Brand per organisation"), in two organisations of one
 * installation. First the demo's: its admin sets the brand on its settings page (name, logo
 * uploaded as a file, accent colour, contact), invites a customer in Japanese through a real SMTP
 * server on loopback, and the customer, whose browser asks for German, sees the join page in the
 * invitation's Japanese with the brand's logo, name and colour. That organisation is in
 * Asia/Tokyo: a customer's browser there shows the validity in Tokyo time (the page's local-time
 * script), one in Berlin in Berlin time, and one with JavaScript off the organisation's Tokyo
 * time, named (issue 25, "Time zones"). The same session's invitation in German carries the
 * brand's name, logo and a button.
 *
 * Then a second one, as an operator provisions it (docs/adr/0046-operator-api-and-keys.md): with
 * an operator key made by the use case `attendant operator-keys create` calls, on the same data
 * folder, the operator API creates "Northwind Help", and its first admin signs in through the
 * one-time link it answers. They set another brand (name, logo size, colour, Europe/Berlin) and
 * their own TeamViewer app, registered in the simulator, connect an account of their own
 * TeamViewer company through it and invite a customer in German: the e-mail carries Northwind's
 * name, logo and a button, and the join page, without scripts in a Japanese browser in Tokyo,
 * Northwind's brand, German and the validity in Berlin time. Neither shows anything of the first
 * organisation, whose join page still shows only its own brand. The sender address is the
 * installation's (ATTENDANT_MAIL_FROM), so it names neither. Each page is saved under
 * artifacts/e2e/.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValidUntil } from "../../src/join/valid-until.js";
import { createOperatorKeyByCommand } from "../../src/operations/operator-key-commands.js";
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
  let operatorKey: string;
  const logs = captureLogs();
  /** What the second organisation's story checks of the first: set by the first test. */
  let fabrikam: { joinUrl: string; logoPath: string; simulator: string } | undefined;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    demo = await startDemoService({
      logger: logs.logger,
      env: {
        ATTENDANT_SMTP_URL: smtp.url,
        ATTENDANT_MAIL_FROM: "Remote support <support@attendant.example>",
      },
      // Only the command line makes operator keys (ADR 0046): the same use case, on the same data folder.
      beforeFirstStart: async (config) => {
        ({ token: operatorKey } = await createOperatorKeyByCommand(config, {
          name: "Provisioning",
          logger: logs.logger,
        }));
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await smtp?.close();
  });

  it("shows the customer the organisation's logo, name and colour in the invitation's language and the validity in their own time zone, and the same session's German e-mail carries the brand and a button", async () => {
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
    const simulator = new URL((await admin.getAttribute("#open-in-teamviewer", "href")) ?? "").origin;
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
    const logoPath = (await customer.getAttribute("img.brand-logo", "src")) ?? "";
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

    // The same session's invitation in German carries the brand, its logo and a button too.
    await admin.fill("#email", "erika.mustermann@example.de");
    await admin.selectOption("#locale", "de");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => admin.textContent("main"))
      .toContain("Invitation sent to erika.mustermann@example.de.");
    const germanMail = await smtp.nextMessage();
    expect(germanMail.subject).toBe("Fernwartung durch Fabrikam Support");
    expect(germanMail.html).toContain(`<img src="${origin}${logoPath}"`);
    expect(germanMail.html).toMatch(
      /<a href="[^"]+\/join\/[A-Za-z0-9_-]{43}"[^>]*>An der Fernwartung teilnehmen<\/a>/,
    );
    // Its join address replaces the first one's; the second organisation's story opens it.
    const germanJoinUrl = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]{43}/.exec(germanMail.text)?.[0] ?? "";
    expect(germanJoinUrl.startsWith(origin)).toBe(true);
    fabrikam = { joinUrl: germanJoinUrl, logoPath, simulator };
  });

  it("lets an operator create a second organisation whose own brand, Berlin time zone and TeamViewer app reach its German e-mail and join page, and neither organisation's customers see the other's brand", async () => {
    const first = fabrikam;
    if (first === undefined)
      throw new Error("The first organisation's story (the test above) did not finish.");
    const origin = new URL(first.joinUrl).origin;

    const created = await fetch(`${origin}/api/operator/v1/organisations`, {
      method: "POST",
      headers: { authorization: `Bearer ${operatorKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: "Northwind Help",
        adminEmail: "jonas@northwind.example",
        adminName: "Jonas Weber",
      }),
    });
    expect(created.status).toBe(201);
    const { signInUrl } = (await created.json()) as { signInUrl: string };

    // Its admin, in a browser of their own: a signed-in browser would not use the link.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(signInUrl);
    await expect.poll(() => new URL(admin.url()).pathname).toBe("/");

    await admin.goto(`${origin}/settings/brand`);
    await admin.getByLabel("Name shown to customers", { exact: true }).fill("Northwind Remote Help");
    await admin.getByLabel("Accent colour").fill("#00695c");
    await admin.getByLabel("Support phone").fill("+49 30 1234567");
    await admin.getByLabel("Time zone").selectOption("Europe/Berlin");
    await admin.setInputFiles("#logo", {
      name: "northwind.png",
      mimeType: "image/png",
      buffer: solidPng(96, 72, [0, 105, 92]),
    });
    await admin.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("Customers see the new brand from now on.");
    await saveScreenshot(admin, "brand-05-second-organisation-settings");

    // Its own TeamViewer app, registered in the (simulated) Management Console for this service.
    const registered = await fetch(`${first.simulator}/__sim/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Northwind Remote Help", redirectUri: `${origin}/teamviewer/callback` }),
    });
    expect(registered.status).toBe(200);
    const app = (await registered.json()) as { clientId: string; clientSecret: string };
    await admin.goto(`${origin}/settings/teamviewer`);
    await admin.getByLabel("Client ID").fill(app.clientId);
    await admin.getByLabel("Client secret").fill(app.clientSecret);
    await admin.getByLabel("Authorize URL").fill(`${first.simulator}/oauth2/authorize`);
    await admin.getByLabel("API base URL").fill(`${first.simulator}/api/v1`);
    await admin.getByRole("button", { name: "Save" }).first().click();
    await expect.poll(() => admin.textContent("main")).toContain("The TeamViewer app settings are saved.");

    // Connecting asks TeamViewer's consent for Northwind's app, not the demo's, as an account of
    // Northwind's own TeamViewer company.
    const account = await fetch(`${first.simulator}/__sim/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Jonas Weber", email: "jonas@northwind.example", company: "Northwind" }),
    });
    expect(account.status).toBe(200);
    await admin.goto(`${origin}/connection`);
    await admin.getByRole("link", { name: "Connect TeamViewer" }).click();
    await expect
      .poll(() => admin.textContent("body"))
      .toContain("Northwind Remote Help wants to use your TeamViewer account.");
    await admin.getByLabel(/Jonas Weber/).check();
    await admin.getByRole("button", { name: "Allow" }).click();
    await expect.poll(() => admin.textContent("#teamviewer-connection")).toContain("Connected");

    await admin.goto(`${origin}/sessions/new?ticket=NW-17`);
    await admin.getByLabel("Ticket title").fill("VPN trennt ständig");
    // A new TeamViewer account has no group yet; TeamViewer creates the one typed.
    await admin.fill("#group", "Northwind Support");
    await admin.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("The session is created.");
    await admin.fill("#email", "max@example.de");
    await admin.selectOption("#locale", "de");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => admin.textContent("main")).toContain("Invitation sent to max@example.de.");
    await adminContext.close();

    const mail = await smtp.nextMessage();
    expect(mail.envelopeTo).toEqual(["max@example.de"]);
    expect(mail.subject).toBe("Fernwartung durch Northwind Remote Help");
    expect(mail.html).toMatch(
      /<a href="[^"]+\/join\/[A-Za-z0-9_-]{43}"[^>]*>An der Fernwartung teilnehmen<\/a>/,
    );
    const joinUrl = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0] ?? "";
    expect(joinUrl.startsWith(origin)).toBe(true);
    expect(mail.text).toContain("Telefon: +49 30 1234567");
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain("Fabrikam");
      expect(part).not.toContain(first.logoPath);
    }

    // Without scripts, as many mail clients open links: the organisation's Berlin time, named.
    const customerContext = await browser.newContext({
      locale: "ja-JP",
      timezoneId: "Asia/Tokyo",
      javaScriptEnabled: false,
    });
    const customer = await customerContext.newPage();
    await customer.goto(joinUrl);
    expect(await customer.textContent("h1")).toBe("Ihre Fernwartung ist bereit");
    expect(await customer.textContent("#brand-name")).toBe("Northwind Remote Help");
    expect(await customer.textContent("#who")).toContain("Northwind Remote Help");
    const logoPath = (await customer.getAttribute("img.brand-logo", "src")) ?? "";
    expect(logoPath).not.toBe(first.logoPath);
    expect(mail.html).toContain(`<img src="${origin}${logoPath}"`);
    expect(await customer.$eval("img.brand-logo", (image) => (image as HTMLImageElement).naturalWidth)).toBe(
      96,
    );
    expect(await customer.$eval("a.join-button", (link) => getComputedStyle(link).backgroundColor)).toBe(
      "rgb(0, 105, 92)",
    );
    const validUntil = new Date((await customer.getAttribute("#valid-until time", "datetime")) ?? "");
    const inBerlin = formatValidUntil(validUntil, "de", "Europe/Berlin");
    expect(inBerlin).toMatch(/MEZ$|MESZ$/);
    expect(await customer.textContent("#valid-until time")).toBe(inBerlin);
    expect(await customer.textContent("body")).not.toContain("Fabrikam");
    await saveScreenshot(customer, "brand-06-second-organisation-join-page-german");
    await customerContext.close();

    // The first organisation's customer still sees that brand only.
    const firstCustomerContext = await browser.newContext();
    const firstCustomer = await firstCustomerContext.newPage();
    await firstCustomer.goto(first.joinUrl);
    await expect.poll(() => firstCustomer.textContent("#brand-name")).toBe("Fabrikam Support");
    expect(await firstCustomer.getAttribute("img.brand-logo", "src")).toBe(first.logoPath);
    expect(await firstCustomer.textContent("body")).not.toContain("Northwind");
    await firstCustomerContext.close();
  });
});
