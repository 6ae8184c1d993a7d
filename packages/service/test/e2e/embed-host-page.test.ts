/**
 * End to end in Chromium: a helpdesk page frames the ticket widget. The helpdesk is a tiny server
 * on 127.0.0.1 while Attendant is at localhost: a different site, not only a different origin
 * (IP addresses are sites of their own), so Chromium treats the widget as a third-party frame,
 * exactly as in a real helpdesk. The admin registers the helpdesk through the settings page,
 * then the host page signs assertions the way docs/embedding.md describes. This branch asserts
 * the redirect into the widget and the framing rules, not the widget's content.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAdminEmail } from "../../src/identity/first-start.js";
import { signAssertion } from "../embedding/assertion-signer.js";
import { captureLogs } from "../support/capture-logs.js";
import { type DemoService, launchChromium, saveScreenshot, startDemoService } from "./support/e2e-service.js";

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

  beforeAll(async () => {
    demo = await startDemoService({ logger: captureLogs().logger });
    browser = await launchChromium();
    allowedHost = await startHostPage();
    otherHost = await startHostPage();
    const admin = await browser.newPage();
    await admin.goto(demo.signInUrl);
    await admin.waitForURL((url) => url.pathname === "/");
    await admin.goto(`${new URL(demo.signInUrl).origin}/settings/embedding`);
    await admin.getByLabel("Name").fill("Helpdesk on 127.0.0.1");
    await admin.getByLabel("Allowed origins").fill(allowedHost.origin);
    await admin.getByRole("button", { name: "Register" }).click();
    integration = {
      id: await admin.inputValue("#integration-id"),
      secret: await admin.inputValue("#secret"),
    };
    await admin.close();
  });

  afterAll(async () => {
    await browser?.close();
    await allowedHost?.close();
    await otherHost?.close();
    await demo?.close();
  });

  async function openIn(host: Awaited<ReturnType<typeof startHostPage>>): Promise<Page> {
    const assertion = await signAssertion({
      integrationId: integration.id,
      secret: integration.secret,
      now: new Date(),
      agentEmail: demoAdminEmail,
    });
    host.show(`${new URL(demo.signInUrl).origin}/embed/ticket?assertion=${assertion}`);
    // A fresh context: no Attendant cookie, as for an agent who only ever uses the helpdesk.
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.origin);
    return page;
  }

  it("lands a good assertion on the widget's address inside the allowed helpdesk, token in the fragment", async () => {
    const page = await openIn(allowedHost);
    const frame = await widgetFrameOf(page);
    await expect.poll(() => new URL(frame.url()).pathname).toBe(`/embed/widget/${integration.id}`);
    expect(new URL(frame.url()).hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
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
});
