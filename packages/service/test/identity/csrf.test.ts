import { describe, expect, it } from "vitest";
import { findUserById } from "../../src/db/repositories/users.js";
import { useWebHarnesses } from "../web/web-harness.js";

describe("CSRF protection of form routes", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  async function signedInAdmin() {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const supporter = await harness.addUser("supporter");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    return { harness, browser, supporter };
  }

  it("refuses a post without a token with 403 and a reload hint, and changes nothing", async () => {
    const { harness, browser, supporter } = await signedInAdmin();
    const response = await browser.post(`/users/${supporter.id}/role`, { role: "admin" });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Reload the page");
    expect((await findUserById(harness.db, supporter.id))?.role).toBe("supporter");
  });

  it("refuses a wrong token, and a token from another session", async () => {
    const { harness, browser, supporter } = await signedInAdmin();
    const wrong = await browser.post(`/users/${supporter.id}/role`, { _csrf: "x".repeat(43), role: "admin" });
    expect(wrong.status).toBe(403);
    const other = harness.browser();
    await other.signIn("supporter@example.com");
    const foreignToken = await other.csrfTokenFrom("/");
    const borrowed = await browser.post(`/users/${supporter.id}/role`, {
      _csrf: foreignToken,
      role: "admin",
    });
    expect(borrowed.status).toBe(403);
    expect((await findUserById(harness.db, supporter.id))?.role).toBe("supporter");
  });

  it("lets the embed header spare the token only on the ticket widget's actions, never on another form route", async () => {
    const { harness, browser, supporter } = await signedInAdmin();
    const elsewhere = await browser.post(
      `/users/${supporter.id}/role`,
      { role: "admin" },
      { "x-attendant-embed": "any-value" },
    );
    expect(elsewhere.status).toBe(403);
    expect((await findUserById(harness.db, supporter.id))?.role).toBe("supporter");
    // Without the header, a post to the widget's actions is a cookie form post like any other.
    const withoutHeader = await browser.post("/embed/actions/start", { group: "Helpdesk" });
    expect(withoutHeader.status).toBe(403);
    expect(await withoutHeader.text()).toContain("Reload the page");
  });

  it("refuses a cross-origin post even with a valid token", async () => {
    const { harness, browser, supporter } = await signedInAdmin();
    const token = await browser.csrfTokenFrom("/users");
    const fromOrigin = await browser.post(
      `/users/${supporter.id}/role`,
      { _csrf: token, role: "admin" },
      { origin: "https://evil.example" },
    );
    expect(fromOrigin.status).toBe(403);
    const fromSite = await browser.post(
      `/users/${supporter.id}/role`,
      { _csrf: token, role: "admin" },
      { "sec-fetch-site": "cross-site" },
    );
    expect(fromSite.status).toBe(403);
    expect((await findUserById(harness.db, supporter.id))?.role).toBe("supporter");
    const sameOrigin = await browser.post(
      `/users/${supporter.id}/role`,
      { _csrf: token, role: "admin" },
      { "sec-fetch-site": "same-origin" },
    );
    expect(sameOrigin.status).toBe(303);
  });

  it("protects the login form of visitors with the visitor cookie's token", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    const noToken = await browser.post("/login", {
      email: "admin@example.com",
      password: "correct horse battery staple",
    });
    expect(noToken.status).toBe(403);
    const token = await browser.csrfTokenFrom("/login");
    const stranger = harness.browser();
    const withoutCookie = await stranger.post("/login", {
      _csrf: token,
      email: "admin@example.com",
      password: "correct horse battery staple",
    });
    expect(withoutCookie.status).toBe(403);
  });

  it("refuses a JSON body on a form route", async () => {
    const { browser, supporter } = await signedInAdmin();
    const response = await browser.request(`/users/${supporter.id}/role`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "admin" }),
    });
    expect(response.status).toBe(403);
  });
});
