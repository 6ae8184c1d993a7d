/**
 * End to end in Chromium, issue 23's whole support case from Request Tracker's sidebar: the run's
 * real RT (test/support/request-tracker-setup.ts) was installed with Attendant's panel
 * (integrations/request-tracker/) pointed at `panel.url`, so this file starts the real service in
 * demo mode at exactly that address, with the integration id and secret RT signs with already
 * stored, as an admin would have registered them. An agent signs in to RT's web UI, opens a
 * ticket, and runs the case inside the widget that RT's page frames from another site: starts a
 * session, invites the customer by e-mail (a loopback SMTP server catches it), and sees the
 * customer online without a reload once they joined through the join page in a browser of their
 * own. Screenshots of RT's page with the widget are kept under artifacts/e2e/.
 *
 * Chromium keeps its default third-party cookie rules: the widget needs no cookie, it holds its
 * embed token in memory and sends it as the X-Attendant-Embed header (docs/embedding.md).
 */
import type { Browser, FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { panelAgents } from "../../../../scripts/support/request-tracker.js";
import type { Config } from "../../src/config/config-schema.js";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/open-database.js";
import { insertEmbeddingIntegration } from "../../src/db/repositories/embedding-integrations.js";
import { ensureDefaultOrganisation } from "../../src/identity/organisation.js";
import { resolveKeyring } from "../../src/vault/demo-keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import {
  connectAsKenji,
  type DemoService,
  launchChromium,
  saveScreenshot,
  startDemoService,
} from "../e2e/support/e2e-service.js";
import { captureLogs } from "../support/capture-logs.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";
import { type SmtpCapture, startSmtpCapture } from "../support/smtp-capture.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined || rt.server.panel === null)(
  "a support case run from the Attendant widget in Request Tracker's ticket page",
  () => {
    const api = rt as NonNullable<typeof rt>;
    const panel = api.server.panel as NonNullable<typeof api.server.panel>;
    const logs = captureLogs();
    let smtp: SmtpCapture;
    let demo: DemoService;
    let browser: Browser;

    /** The embedding integration RT was installed with, stored before Attendant's first start. */
    async function storeRequestTrackerIntegration(config: Config): Promise<void> {
      const database = await openDatabase(config, { logger: logs.logger });
      try {
        await migrate(database);
        const organisation = await ensureDefaultOrganisation(database.db);
        await insertEmbeddingIntegration(database.db, new SecretBox(resolveKeyring(config, logs.logger)), {
          id: panel.integrationId,
          organisationId: organisation.id,
          name: "Request Tracker",
          kind: "hmac",
          platformConfig: null,
          allowedOrigins: [new URL(api.server.url).origin],
          secret: panel.secret,
          createdByUserId: null,
          now: new Date(),
        });
      } finally {
        await database.close();
      }
    }

    beforeAll(async () => {
      smtp = await startSmtpCapture();
      demo = await startDemoService({
        logger: logs.logger,
        env: {
          ATTENDANT_PORT: new URL(panel.url).port,
          ATTENDANT_PUBLIC_URL: panel.url,
          ATTENDANT_SMTP_URL: smtp.url,
          ATTENDANT_MAIL_FROM: "Contoso Helpdesk <support@contoso.example>",
          ATTENDANT_SESSION_WATCH_SECONDS: "1",
        },
        beforeFirstStart: storeRequestTrackerIntegration,
      });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await demo?.close();
      await smtp?.close();
    });

    it("starts a session and invites the customer from RT's sidebar, and shows them online without a reload", async () => {
      // The agent (the demo admin, whose e-mail address is also an RT agent's) connected
      // TeamViewer once on Attendant's own site, in another browser; the case never goes there.
      const attendant = await browser.newContext();
      const attendantPage = await attendant.newPage();
      await attendantPage.goto(demo.signInUrl);
      await expect.poll(() => new URL(attendantPage.url()).pathname).toBe("/");
      await connectAsKenji(attendantPage, new URL(panel.url).origin);
      await attendant.close();

      const ticketId = await api.createTicket({
        subject: "Laptop will not connect to the VPN",
        requestor: "Erika Widget <erika.widget@example.org>",
      });
      // A fresh context: no Attendant cookie, as for an agent who only ever uses RT.
      const agentContext = await browser.newContext({ locale: "en-GB" });
      const rtPage = await agentContext.newPage();
      await rtPage.setViewportSize({ width: 1400, height: 1100 });
      // RT answers the ticket's address with its login form and shows the ticket once signed in.
      await rtPage.goto(`${api.server.url}/Ticket/Display.html?id=${ticketId}`);
      await rtPage.fill("#user", panelAgents.attendantDemoAdmin);
      await rtPage.fill("input[name=pass]", api.server.rootPassword);
      await rtPage.click("input[type=submit]");
      await expect
        .poll(() => rtPage.title(), { timeout: 30_000 })
        .toContain("Laptop will not connect to the VPN");

      const widget: FrameLocator = rtPage.frameLocator("iframe.attendant-widget");
      await expect
        .poll(() => widget.locator("#embed-panel").textContent(), { timeout: 30_000 })
        .toContain("No remote session for this ticket yet.");
      const frame = rtPage.frames().find((each) => each.url().startsWith(panel.url));
      expect(new URL(frame?.url() ?? "about:blank").pathname).toBe(`/embed/widget/${panel.integrationId}`);
      // The token left the frame's address as soon as the widget read it.
      expect(new URL(frame?.url() ?? "about:blank").hash).toBe("");
      await saveScreenshot(rtPage, "rt-widget-01-ticket");

      await widget.getByRole("button", { name: "Start remote session" }).click();
      await expect
        .poll(() => widget.locator("#embed-panel").textContent())
        .toContain("The session is created.");
      expect(await widget.locator(".embed-session .status-badge").textContent()).toBe(
        "Waiting for the customer",
      );
      await widget.locator("html").evaluate((html) => html.setAttribute("data-test-unreloaded", "yes"));

      await widget.getByLabel("Customer's e-mail address").fill("erika.widget@example.org");
      await widget.getByRole("button", { name: "Send invitation" }).click();
      await expect
        .poll(() => widget.locator("#embed-panel").textContent())
        .toContain("Invitation sent to erika.widget@example.org.");
      await saveScreenshot(rtPage, "rt-widget-02-invitation-sent");
      const mail = await smtp.nextMessage();
      expect(mail.envelopeTo).toEqual(["erika.widget@example.org"]);
      const joinUrl = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0] ?? "";
      expect(joinUrl.startsWith(`${panel.url}/join/`)).toBe(true);

      // The customer, in a browser of their own.
      const customerContext = await browser.newContext({ locale: "en-GB" });
      const customer = await customerContext.newPage();
      await customer.goto(joinUrl);
      await expect.poll(() => customer.textContent("h1")).toBe("Remote support is ready for you");
      await customer.getByRole("link", { name: "Join", exact: true }).click();
      await customer.getByRole("button", { name: "Join the session" }).click();

      await expect
        .poll(() => widget.locator(".embed-session .status-badge").textContent(), { timeout: 60_000 })
        .toBe("Customer online");
      expect(await widget.locator("html").getAttribute("data-test-unreloaded")).toBe("yes");
      // Everything above ran without a single cookie of Attendant's in the agent's browser.
      expect(await agentContext.cookies(panel.url)).toEqual([]);
      await saveScreenshot(rtPage, "rt-widget-03-customer-online");
      await customerContext.close();
      await agentContext.close();
    });
  },
);
