/**
 * Issue 24, "A waiting-customers queue" and the pages that update themselves: what the server
 * renders (so it all works with scripts off, on reload), the count badge, and how the pages name
 * their event stream and script under the strict CSP.
 */
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import type { Browser } from "../../web/web-harness.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  type PagesHarness,
} from "../session-pages/pages-harness.js";

async function customerArrives(h: PagesHarness, browser: Browser, sessionPath: string) {
  const page = await (await browser.get(sessionPath)).text();
  h.simulator.admin.customerJoin(/<code>(s[0-9-]+)<\/code>/.exec(page)?.[1] ?? "");
  expect((await browser.submit(sessionPath, `${sessionPath}/refresh`, {})).status).toBe(303);
}

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createPagesHarness(engine);
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const browser = await h.signIn(supporter, "Kenji Sato");
  const sessionPath = await createSessionThroughPage(browser);
  return { h, browser, sessionPath };
}

const badgeOf = (html: string) =>
  /<span class="nav-badge" id="waiting-badge"[^>]*>(\d+)<\/span>/.exec(html)?.[1];

describe("the customers-waiting queue and the live pages", () => {
  const engine = usePgliteEngine();

  it("lists a waiting customer on Home with since when and for how long, and counts them in the navigation badge", async () => {
    const { h, browser, sessionPath } = await setUp(engine);
    const before = await (await browser.get("/")).text();
    expect(before).toContain("Nobody is waiting right now.");
    expect(badgeOf(before)).toBeUndefined();

    await customerArrives(h, browser, sessionPath);
    h.clock.advance(3 * 60_000);
    const home = await (await browser.get("/")).text();
    expect(home).toContain('id="waiting-customers"');
    expect(home).toContain("Outlook does not start</a>");
    expect(home).toContain("waiting since 9:00 AM UTC · 3 min");
    expect(badgeOf(home)).toBe("1");
    expect(home).toContain('title="1 customer waiting"');
    // The badge is in the navigation of every page, not only Home.
    expect(badgeOf(await (await browser.get("/profile")).text())).toBe("1");
  });

  it("orders the queue by the longest wait first and scopes it: a colleague sees none of it, an admin all of it", async () => {
    const { h, browser, sessionPath } = await setUp(engine);
    const second = await createSessionThroughPage(browser, { externalId: "4712", title: "Printer offline" });
    await customerArrives(h, browser, second);
    h.clock.advance(60_000);
    await customerArrives(h, browser, sessionPath);

    const home = await (await browser.get("/")).text();
    const queue = home.slice(home.indexOf('id="waiting-customers"'));
    expect(queue.indexOf("Printer offline")).toBeLessThan(queue.indexOf("Outlook does not start</a>"));
    expect(badgeOf(home)).toBe("2");
    const colleague = await h.signIn(await h.addUser("supporter", { teamViewerUserid: "u7006" }), "Mia");
    const colleagueHome = await (await colleague.get("/")).text();
    expect(colleagueHome).toContain("Nobody is waiting right now.");
    expect(colleagueHome).not.toContain("Printer offline");
    const admin = await h.signIn(await h.addUser("admin"), "Ada");
    expect(badgeOf(await (await admin.get("/")).text())).toBe("2");
  });

  it("shows the wait on the session page on reload, with scripts off as on", async () => {
    const { h, browser, sessionPath } = await setUp(engine);
    await customerArrives(h, browser, sessionPath);
    h.clock.advance(14 * 60_000);
    const page = await (await browser.get(sessionPath)).text();
    expect(page).toContain("Customer waiting since 9:00 AM UTC (14 min)");
    expect(page).toContain('data-live-region="session-status"');
  });

  it("names each page's event stream in a meta element and loads the one script from our origin, nothing inline without the response's nonce", async () => {
    const { browser, sessionPath } = await setUp(engine);
    const sessionId = sessionPath.split("/")[2];
    const pages = [
      { path: "/", stream: "/live/desk", page: "/" },
      { path: "/sessions?scope=mine", stream: "/live/desk", page: "/sessions?scope=mine" },
      { path: sessionPath, stream: `/live/sessions/${sessionId}`, page: sessionPath },
    ];
    for (const expected of pages) {
      const response = await browser.get(expected.path);
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain(
        `<meta name="attendant-live-stream" content="${expected.stream}" data-alert-title="A customer is waiting"/>`,
      );
      expect(html).toContain(`<meta name="attendant-live-page" content="${expected.page}"/>`);
      // The session page's copy buttons bring the only inline script, which the CSP's nonce allows.
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(
        response.headers.get("content-security-policy") ?? "",
      )?.[1];
      for (const inline of html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []) {
        expect(inline).toBe(`<script nonce="${nonce}">`);
      }
      const script = /<script src="(\/assets\/live-desk-[0-9a-f]{12}\.js)" defer/.exec(html)?.[1] ?? "";
      const asset = await browser.get(script);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(asset.headers.get("cache-control")).toContain("immutable");
    }
    // The alerts' switch needs the script: hidden until it runs.
    expect(await (await browser.get("/")).text()).toMatch(
      /<button type="button" class="secondary" id="waiting-alerts" hidden=""/,
    );
    // Pages that do not update themselves load no script.
    expect(await (await browser.get("/profile")).text()).not.toContain("<script");
  });
});
