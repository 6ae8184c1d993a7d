import { describe, expect, it } from "vitest";
import { useWebHarnesses } from "./web-harness.js";

describe("page shell", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("shows navigation by role: admins see Users, supporters do not", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await harness.addUser("supporter");
    const admin = harness.browser();
    await admin.signIn("admin@example.com");
    expect(await (await admin.get("/")).text()).toContain('href="/users"');
    const supporter = harness.browser();
    await supporter.signIn("supporter@example.com");
    const html = await (await supporter.get("/")).text();
    expect(html).not.toContain('href="/users"');
    expect(html).not.toContain('href="/audit"');
    expect(html).toContain("Supporter");
  });

  it("serves the stylesheet from our origin, cacheable, and pages use no inline script or style", async () => {
    const harness = await harnesses.create();
    const page = await (await harness.browser().get("/setup")).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1] ?? "";
    const css = await harness.app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect(page).not.toMatch(/<script|<style| style="/);
  });

  it("answers /favicon.ico with an icon instead of a 404, and every page links it without loosening the CSP", async () => {
    const harness = await harnesses.create();
    const favicon = await harness.app.request("/favicon.ico");
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await favicon.text()).toContain("<svg");
    const page = await harness.browser().get("/setup");
    expect(page.headers.get("content-security-policy")).toContain("img-src 'self' data:");
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const linked = await harness.app.request(href);
    expect(linked.status).toBe(200);
    expect(linked.headers.get("cache-control")).toContain("immutable");
  });

  it("tells browsers to store no page shown to a signed-in user, so Back after sign-out shows none", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    const signInPage = await browser.get("/login");
    expect(signInPage.headers.get("cache-control")).toBeNull();
    await browser.signIn("admin@example.com");
    for (const path of ["/", "/profile", "/users", "/no-such-page"]) {
      const response = await browser.get(path);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("keeps code-like text such as sessions:read on one line, and lets only long values wrap", async () => {
    const harness = await harnesses.create();
    const page = await (await harness.browser().get("/setup")).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1] ?? "";
    const css = await (await harness.app.request(href)).text();
    expect(css).toMatch(/(^|\n)code \{[^}]*white-space: nowrap;[^}]*\}/);
    expect(css).toMatch(/code\.long \{[^}]*overflow-wrap: anywhere;[^}]*\}/);
    expect(css).not.toContain("break-all");
  });

  it("answers unknown pages with a translated 404 page", async () => {
    const harness = await harnesses.create();
    const response = await harness.browser().get("/no-such-page?lang=de");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Diese Seite gibt es nicht.");
  });
});
