import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectAuditLogRows } from "../../src/db/repositories/audit-log.js";
import { auditLog, webSessions } from "../../src/db/schema.js";
import { sessionAbsoluteTimeoutMs, sessionIdleTimeoutMs } from "../../src/identity/web-sessions.js";
import { testPassword, useWebHarnesses, type WebHarness } from "../web/web-harness.js";

const minute = 60_000;

function auditActionsOf(harness: WebHarness) {
  return selectAuditLogRows(
    harness.db,
    { organisationId: harness.organisation.id },
    { order: "oldest-first", limit: 100 },
  );
}

describe("web login and sessions", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("signs in with the right password and audits the success", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const browser = harness.browser();
    const response = await browser.signIn("ADMIN@example.com");
    expect(response.headers.get("location")).toBe("/");
    expect((await browser.get("/")).status).toBe(200);
    const [event] = await auditActionsOf(harness);
    expect(event).toMatchObject({ action: "login.succeeded", actorUserId: admin.id });
  });

  it("refuses a wrong password and an unknown e-mail alike, and audits both as failures", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    const wrong = await browser.submit("/login", "/login", {
      email: "admin@example.com",
      password: "not it at all",
    });
    const unknown = await browser.submit("/login", "/login", {
      email: "nobody@example.com",
      password: "whatever it is",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toContain("The e-mail address or password is not correct.");
    expect(await unknown.text()).toContain("The e-mail address or password is not correct.");
    const events = await auditActionsOf(harness);
    expect(events.map((event) => [event.action, event.details.reason])).toEqual([
      ["login.failed", "wrong_password"],
      ["login.failed", "unknown_email"],
    ]);
    expect(JSON.stringify(events)).not.toContain("not it at all");
    expect([...browser.cookies.keys()].some((name) => name.includes("session"))).toBe(false);
  });

  it("refuses a disabled account even with the right password", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await harness.addUser("supporter", "gone@example.com", { isDisabled: true });
    const response = await harness
      .browser()
      .submit("/login", "/login", { email: "gone@example.com", password: "correct horse battery staple" });
    expect(response.status).toBe(401);
  });

  it("names the session cookie __Host- on localhost, HttpOnly, SameSite=Lax, Path=/ and Secure", async () => {
    const harness = await harnesses.create({ publicUrl: "http://localhost:3000" });
    await harness.addUser("admin");
    const response = await harness.browser().signIn("admin@example.com");
    const cookie = response.headers.getSetCookie().find((value) => value.includes("attendant_session")) ?? "";
    expect(cookie).toMatch(/^__Host-attendant_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Secure");
    expect(cookie).not.toContain("Domain");
  });

  it("uses the __Host- prefix on https and a plain, non-Secure cookie on other plain-http hosts", async () => {
    const https = await harnesses.create({ publicUrl: "https://support.example.com" });
    await https.addUser("admin");
    const secure = await https.browser().signIn("admin@example.com");
    expect(secure.headers.getSetCookie().join()).toMatch(/__Host-attendant_session=[^;]+;.*Secure/);

    const plain = await harnesses.create({ publicUrl: "http://intranet.example:3000" });
    await plain.addUser("admin");
    const insecure = await plain.browser().signIn("admin@example.com");
    const cookie = insecure.headers.getSetCookie().find((value) => value.includes("attendant_session")) ?? "";
    expect(cookie).toMatch(/^attendant_session=/);
    expect(cookie).not.toContain("Secure");
    expect(cookie).toContain("HttpOnly");
  });

  it("stores only the SHA-256 of the session token, never the token", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const token = browser.cookies.get("__Host-attendant_session") ?? "";
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await harness.db.select().from(webSessions);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const { createHash } = await import("node:crypto");
    expect(rows[0]?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
  });

  it("rotates the session on login: the old token stops working and its row is gone", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await harness.addUser("supporter");
    const browser = harness.browser();
    await browser.signIn("supporter@example.com");
    const before = browser.cookies.get("__Host-attendant_session");
    // Signed in, /login redirects home; the form is posted with the session's CSRF token.
    const response = await browser.submit("/", "/login", {
      email: "admin@example.com",
      password: "correct horse battery staple",
    });
    expect(response.status).toBe(303);
    const after = browser.cookies.get("__Host-attendant_session");
    expect(after).not.toBe(before);
    expect(await harness.db.select().from(webSessions)).toHaveLength(1);
    const replay = await harness.app.request("/", {
      headers: { cookie: `__Host-attendant_session=${before}` },
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toBe("/login?next=%2F");
  });

  it("ends a session after the idle timeout, and keeps an active one alive", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    harness.clock.advance(sessionIdleTimeoutMs - minute);
    expect((await browser.get("/")).status).toBe(200);
    harness.clock.advance(sessionIdleTimeoutMs - minute);
    expect((await browser.get("/")).status).toBe(200);
    harness.clock.advance(sessionIdleTimeoutMs);
    expect((await browser.get("/")).status).toBe(303);
    expect(await harness.db.select().from(webSessions)).toHaveLength(0);
  });

  it("ends a session at the absolute timeout even while it is in use", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    for (let elapsed = 0; elapsed < sessionAbsoluteTimeoutMs - 20 * minute; elapsed += 20 * minute) {
      harness.clock.advance(20 * minute);
      expect((await browser.get("/")).status).toBe(200);
    }
    harness.clock.advance(20 * minute);
    expect((await browser.get("/")).status).toBe(303);
  });

  it("logs out: deletes the session row, clears the cookie and audits it", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const token = browser.cookies.get("__Host-attendant_session");
    const response = await browser.submit("/", "/logout", {});
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().join()).toMatch(/__Host-attendant_session=;.*Max-Age=0/);
    expect(await harness.db.select().from(webSessions)).toHaveLength(0);
    const replay = await harness.app.request("/", {
      headers: { cookie: `__Host-attendant_session=${token}` },
    });
    expect(replay.status).toBe(303);
    const logouts = await harness.db.select().from(auditLog).where(eq(auditLog.action, "logout"));
    expect(logouts).toHaveLength(1);
  });

  it.each([
    ["/users", "/users"],
    ["//evil.example/", "/"],
    ["https://evil.example/", "/"],
  ])("after sign-in, follows next=%s to %s (local paths only)", async (next, location) => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const response = await harness
      .browser()
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword, next });
    expect(response.headers.get("location")).toBe(location);
  });

  it.each([
    ["a tab that browsers strip", "/\t/evil.example/"],
    ["a carriage return that browsers strip", "/\r/evil.example/"],
    ["a line feed that browsers strip", "/\n/evil.example/"],
    ["a line feed after the first slash", "/\nx"],
    ["a backslash that browsers read as a slash", "/\\evil.example/"],
    ["a tab between two backslashes", "\\\t\\evil.example/"],
    ["a javascript: address", "javascript:alert(document.domain)"],
    ["an absolute address of another origin", "https://evil.example/users"],
    ["an absolute address of our own origin", "http://localhost:3000/users"],
    ["a scheme-relative address", "//evil.example/users"],
    ["a relative path without a leading slash", "users"],
    ["a DEL control character", "/\u007f/evil.example/"],
  ])("refuses a return path with %s and goes home instead", async (_, next) => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    const response = await browser.submit("/login", "/login", {
      email: "admin@example.com",
      password: testPassword,
      next,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const signedIn = await browser.get(`/login?next=${encodeURIComponent(next)}`);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/");
  });

  it.each([
    ["%2F%09%2Fevil.example", "/"],
    ["/%0A/x", "/"],
    ["%2F%0D%2Fevil.example", "/"],
    ["%2F%5Cevil.example", "/"],
    ["/%2F/evil.example", "/"],
    ["/%252F/evil.example", "/%2F/evil.example"],
    ["%2Freports%3Fticket%3D4711", "/reports?ticket=4711"],
  ])(
    "answers a signed-in visit to /login?next=%s with a redirect to %s on our own origin",
    async (query, location) => {
      const harness = await harnesses.create();
      await harness.addUser("admin");
      const browser = harness.browser();
      await browser.signIn("admin@example.com");
      const response = await browser.get(`/login?next=${query}`);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(location);
    },
  );
});
