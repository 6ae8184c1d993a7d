/**
 * End to end in Chromium: a helpdesk page frames the ticket widget. The helpdesk is a tiny server
 * on 127.0.0.1 while Attendant is at localhost: a different site, not only a different origin
 * (IP addresses are sites of their own), so Chromium treats the widget as a third-party frame,
 * exactly as in a real helpdesk. The admin registers the helpdesk through the settings page,
 * then the host page signs assertions the way docs/embedding.md describes. The tests cover the
 * redirect into the widget, the framing rules, each refusal page as the agent sees it inside the
 * helpdesk's frame, and what one agent's widget shows of another agent's session.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminEmail } from "../../src/identity/first-start.js";
import { type AssertionParts, signAssertion } from "../embedding/assertion-signer.js";
import { captureLogs } from "../support/capture-logs.js";
import { type DemoService, launchChromium, saveScreenshot, startDemoService } from "./support/e2e-service.js";

const supporterEmail = "sam.supporter@contoso.example";

/** Serves one page with an iframe of whatever address the test puts into `frameSource`. */
async function startHostPage(): Promise<{
  origin: string;
  show(frameSource: string): void;
  close(): Promise<void>;
}> {
  let frameSource = "about:blank";
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>Ticket 4711</title><h1>Ticket 4711</h1><iframe id="attendant" title="Attendant" src="${frameSource}" width="350" height="500"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    show: (source) => {
      frameSource = source;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function widgetFrameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("#attendant");
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error("the iframe has no frame");
  return frame;
}

describe("the ticket widget framed by a helpdesk on another site", () => {
  let demo: DemoService;
  let browser: Browser;
  let allowedHost: Awaited<ReturnType<typeof startHostPage>>;
  let otherHost: Awaited<ReturnType<typeof startHostPage>>;
  let integration: { id: string; secret: string };
  /** The demo admin's browser, signed in on Attendant's own site. */
  let adminContext: BrowserContext;

  beforeAll(async () => {
    demo = await startDemoService({ logger: captureLogs().logger });
    browser = await launchChromium();
    allowedHost = await startHostPage();
    otherHost = await startHostPage();
    adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(demo.signInUrl);
    await admin.waitForURL((url) => url.pathname === "/");
    const origin = new URL(demo.signInUrl).origin;
    await admin.goto(`${origin}/settings/embedding`);
    await admin.getByLabel("Name").fill("Helpdesk on 127.0.0.1");
    await admin.getByLabel("Allowed origins").fill(allowedHost.origin);
    await admin.getByRole("button", { name: "Register" }).click();
    integration = {
      id: await admin.inputValue("#integration-id"),
      secret: await admin.inputValue("#secret"),
    };
    // A second agent, a supporter, for the test of whose supporter links a widget shows.
    await admin.goto(`${origin}/users`);
    const addUser = admin.locator('form[action="/users"]');
    await addUser.locator("[name=displayName]").fill("Sam Supporter");
    await addUser.locator("[name=email]").fill(supporterEmail);
    await addUser.locator("[name=role]").selectOption("supporter");
    await addUser.locator("[name=password]").fill("a long enough password for Sam");
    await addUser.locator("button[type=submit]").click();
    await admin.waitForURL((url) => url.searchParams.get("saved") === "1");
    // The demo admin starts sessions from the widget: TeamViewer connected on Attendant's own site
    // (what connectAsKenji does, without expect.poll, which runs only inside a test).
    await admin.goto(`${origin}/connection`);
    await admin.getByRole("link", { name: "Connect TeamViewer" }).click();
    await admin.getByLabel(/Kenji Sato/).check();
    await admin.getByRole("button", { name: "Allow" }).click();
    await admin.locator("#teamviewer-connection", { hasText: "Connected" }).waitFor();
    await admin.close();
  });

  afterAll(async () => {
    await browser?.close();
    await allowedHost?.close();
    await otherHost?.close();
    await demo?.close();
  });

  /** An assertion for the demo admin and the sample ticket, signed with the integration's secret. */
  function assertion(parts: Partial<AssertionParts> = {}): Promise<string> {
    return signAssertion({
      integrationId: integration.id,
      secret: integration.secret,
      now: new Date(),
      agentEmail: demoAdminEmail,
      ...parts,
    });
  }

  async function openIn(host: Awaited<ReturnType<typeof startHostPage>>, signed?: string): Promise<Page> {
    host.show(`${new URL(demo.signInUrl).origin}/embed/ticket?assertion=${signed ?? (await assertion())}`);
    // A fresh context: no Attendant cookie, as for an agent who only ever uses the helpdesk.
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.origin);
    return page;
  }

  /** The refusal page the frame shows: its reason, heading and text. */
  async function refusalIn(page: Page): Promise<{ reason: string | null; title: string; text: string }> {
    const frame = await widgetFrameOf(page);
    const main = frame.locator("main.embed-refusal");
    await main.waitFor();
    // Our document, framed: not Chromium's error page for a refused frame.
    expect(await frame.evaluate(() => document.location.origin)).toBe(new URL(demo.signInUrl).origin);
    return {
      reason: await main.getAttribute("data-refusal"),
      title: (await main.locator("h1").textContent()) ?? "",
      text: (await main.locator("p").first().textContent()) ?? "",
    };
  }

  it("lands a good assertion on the widget's address inside the allowed helpdesk, token in the fragment", async () => {
    allowedHost.show(`${new URL(demo.signInUrl).origin}/embed/ticket?assertion=${await assertion()}`);
    const page = await (await browser.newContext()).newPage();
    const entry = page.waitForResponse((response) => new URL(response.url()).pathname === "/embed/ticket");
    await page.goto(allowedHost.origin);
    const redirect = await entry;
    expect(redirect.status()).toBe(303);
    expect(redirect.headers().location).toMatch(
      new RegExp(`^/embed/widget/${integration.id}#token=[A-Za-z0-9_-]{43}$`),
    );
    const frame = await widgetFrameOf(page);
    await expect.poll(() => new URL(frame.url()).pathname).toBe(`/embed/widget/${integration.id}`);
    // The widget took the token into memory and out of the frame's address.
    await expect.poll(() => new URL(frame.url()).hash).toBe("");
    // The frame's document is ours, not Chromium's error page for a refused frame.
    expect(await frame.evaluate(() => document.location.origin)).toBe(new URL(demo.signInUrl).origin);
    await saveScreenshot(page, "embedded-widget-allowed-host");
  });

  it("is refused by the browser inside a helpdesk whose origin is not on the list", async () => {
    const page = await openIn(otherHost);
    const frame = await widgetFrameOf(page);
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    await saveScreenshot(page, "embedded-widget-other-host");
  });

  it("shows the bad-signature refusal inside the helpdesk's frame for an assertion signed with another secret", async () => {
    const page = await openIn(
      allowedHost,
      await assertion({ secret: "a-secret-that-is-not-the-integrations-one" }),
    );
    expect(await refusalIn(page)).toEqual({
      reason: "bad-signature",
      title: "The helpdesk's signature does not match",
      text: "The assertion was not signed with this integration's current secret using HS256. If the secret was rotated, an administrator must put the new one into the helpdesk.",
    });
    await saveScreenshot(page, "embedded-widget-refused-bad-signature");
  });

  it("shows the expired refusal inside the helpdesk's frame for an assertion past its expiry and the skew", async () => {
    const page = await openIn(allowedHost, await assertion({ issuedAtOffset: -400, lifetimeSeconds: 300 }));
    expect(await refusalIn(page)).toMatchObject({
      reason: "expired",
      title: "The helpdesk's sign-in has expired",
      text: "Reload the ticket page to get a fresh one. If this keeps happening, the helpdesk server's clock may be wrong.",
    });
  });

  it("shows the replayed refusal inside the helpdesk's frame when the same assertion comes a second time", async () => {
    const once = await assertion();
    const first = await openIn(allowedHost, once);
    const firstFrame = await widgetFrameOf(first);
    await expect.poll(() => new URL(firstFrame.url()).pathname).toBe(`/embed/widget/${integration.id}`);
    const second = await openIn(allowedHost, once);
    expect(await refusalIn(second)).toMatchObject({
      reason: "replayed",
      title: "This sign-in was already used",
      text: "Each assertion opens the widget once. Reload the ticket page: the helpdesk signs a new one every time.",
    });
  });

  it("shows the unknown-agent refusal inside the helpdesk's frame for an e-mail address no Attendant user has", async () => {
    const page = await openIn(allowedHost, await assertion({ agentEmail: "stranger@contoso.example" }));
    expect(await refusalIn(page)).toMatchObject({
      reason: "unknown-agent",
      title: "You have no Attendant account",
    });
    await saveScreenshot(page, "embedded-widget-refused-unknown-agent");
  });

  it("shows the unknown-integration refusal inside the frame of any helpdesk, even one on no list", async () => {
    const page = await openIn(
      otherHost,
      await assertion({ integrationId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(await refusalIn(page)).toMatchObject({
      reason: "unknown-integration",
      title: "This helpdesk is not registered",
    });
    await saveScreenshot(page, "embedded-widget-refused-unknown-integration");
  });

  it("never shows a supporter the supporter links of another agent's session on the same ticket", async () => {
    const adminPage = await openIn(allowedHost);
    const adminWidget = adminPage.frameLocator("#attendant");
    await adminWidget.getByRole("button", { name: "Start remote session" }).click();
    const supporterLink =
      (await adminWidget.getByRole("link", { name: "Open in TeamViewer" }).getAttribute("href")) ?? "";
    expect(supporterLink).toMatch(/\/v15\/s\d+-[A-Za-z0-9]{12}$/);

    const supporterPage = await openIn(allowedHost, await assertion({ agentEmail: supporterEmail }));
    const supporterWidget = supporterPage.frameLocator("#attendant");
    await expect
      .poll(() => supporterWidget.locator("#embed-panel").textContent())
      .toContain("Outlook does not start");
    expect(await supporterWidget.getByRole("link", { name: "Open in TeamViewer" }).count()).toBe(0);
    expect(await supporterWidget.locator("html").innerHTML()).not.toContain(
      supporterLink.split("/").at(-1) ?? "missing",
    );
    await saveScreenshot(supporterPage, "embedded-widget-other-agents-session");
  });

  it("shows the widget on the demo helpdesk ticket page, which only a demo has, for the signed-in demo admin", async () => {
    const page = await adminContext.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`${new URL(demo.signInUrl).origin}/demo/helpdesk-ticket`);
    const widget = page.frameLocator("#attendant-widget");
    await expect
      .poll(() => widget.locator("#embed-panel").textContent())
      .toContain("Printer in room 2.14 prints blank pages");
    expect(await widget.getByRole("button", { name: "Start remote session" }).count()).toBe(1);
    await saveScreenshot(page, "demo-helpdesk-ticket");
  });
});
