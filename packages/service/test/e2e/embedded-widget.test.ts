/**
 * End to end, issue 23's ticket widget in Chromium: the shell opened top-level with the embed
 * token in its fragment, as the entry route's redirect leaves it after test/support/embedded-agent.ts
 * opened it with a signed assertion, served on a loopback port with the in-process simulator as
 * TeamViewer. The panel appears, the token leaves the address, the agent starts a session from
 * the panel, and when the customer arrives the panel shows them waiting without a reload, through
 * the event stream read with fetch. Chromium sends no cookie: the widget never needs one.
 * Screenshots are kept under artifacts/e2e/.
 */
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { refreshSupportSessionStatus } from "../../src/sessions/refresh-support-session-status.js";
import { createPagesHarness } from "../integration/session-pages/pages-harness.js";
import { createEmbedWorld } from "../support/embedded-agent.js";
import { usePgliteEngine } from "../support/engines.js";
import { findFreePort } from "../support/free-port.js";
import { launchChromium, saveScreenshot } from "./support/e2e-service.js";

describe("the ticket widget", () => {
  const engine = usePgliteEngine();

  it("loads the panel with the fragment's token, starts a session and shows the customer arriving without a reload", async () => {
    const h = await createPagesHarness(engine);
    const world = createEmbedWorld(h);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const agent = await world.openWidget({
      user: supporter,
      ticket: { externalId: "RT-23", title: "VPN drops every hour", requesterEmail: "erika@example.org" },
    });
    const port = await findFreePort();
    const server = serve({ fetch: h.app.fetch, port, hostname: "127.0.0.1" });
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
      await page.setViewportSize({ width: 360, height: 900 });
      await page.goto(
        `http://127.0.0.1:${port}/embed/widget/${await world.integrationId()}#token=${agent.token}`,
      );
      await expect
        .poll(() => page.textContent("#embed-panel"))
        .toContain("No remote session for this ticket yet.");
      expect(page.url()).not.toContain(agent.token);
      expect(await page.context().cookies()).toEqual([]);

      await page.getByRole("button", { name: "Start remote session" }).click();
      await expect.poll(() => page.textContent("#embed-panel")).toContain("The session is created.");
      expect(await page.locator(".embed-session .status-badge").textContent()).toBe(
        "Waiting for the customer",
      );
      await saveScreenshot(page, "embedded-widget-started");
      await page.evaluate(() => document.documentElement.setAttribute("data-test-unreloaded", "yes"));

      const code = /Session (s[0-9-]+)/.exec((await page.textContent(".embed-session h4")) ?? "")?.[1] ?? "";
      const sessionId = (await page.getAttribute(".embed-session", "data-session-id")) ?? "";
      h.simulator.admin.customerJoin(code);
      // What the background status watch does by itself in the service.
      await refreshSupportSessionStatus(h.deps, { actor: h.actorOf(supporter), sessionId });

      await expect
        .poll(() => page.textContent(".embed-session [data-live-region]"), { timeout: 30_000 })
        .toContain("Customer waiting since");
      expect(await page.getAttribute("html", "data-test-unreloaded")).toBe("yes");
      await saveScreenshot(page, "embedded-widget-customer-waiting");
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
