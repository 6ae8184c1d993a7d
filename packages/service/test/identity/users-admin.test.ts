import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findUserById, listUsers } from "../../src/db/repositories/users.js";
import { auditLog, webSessions } from "../../src/db/schema.js";
import { testPassword, useWebHarnesses } from "../web/web-harness.js";

describe("users administration", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  async function adminSignedIn() {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    return { harness, admin, browser };
  }

  it("keeps supporters out of the users pages with 403", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn((await harness.addUser("supporter")).email);
    expect((await browser.get("/users")).status).toBe(403);
    const token = await browser.csrfTokenFrom("/");
    const attempt = await browser.post("/users", {
      _csrf: token,
      displayName: "Mallory",
      email: "mallory@example.com",
      role: "admin",
      password: "a long enough passphrase",
    });
    expect(attempt.status).toBe(403);
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(2);
  });

  it("lets auditors read the audit log but not change users", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn((await harness.addUser("auditor")).email);
    expect((await browser.get("/audit")).status).toBe(200);
    expect((await browser.get("/users")).status).toBe(403);
    const token = await browser.csrfTokenFrom("/");
    const demote = await browser.post(`/users/${admin.id}/role`, { _csrf: token, role: "supporter" });
    expect(demote.status).toBe(403);
    expect((await findUserById(harness.db, admin.id))?.role).toBe("admin");
  });

  it("sends visitors to the login page, remembering where they wanted to go", async () => {
    const harness = await harnesses.create();
    const response = await harness.browser().get("/users");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?next=%2Fusers");
  });

  it("creates a user who can then sign in, and audits the creation", async () => {
    const { harness, browser } = await adminSignedIn();
    const response = await browser.submit("/users", "/users", {
      displayName: "Sam Supporter",
      email: "sam@example.com",
      role: "supporter",
      password: "a long enough passphrase",
    });
    expect(response.status).toBe(303);
    const created = await harness.db.select().from(auditLog).where(eq(auditLog.action, "user.created"));
    expect(created).toHaveLength(1);
    expect(JSON.stringify(created)).not.toContain("a long enough passphrase");
    expect((await harness.browser().signIn("sam@example.com", "a long enough passphrase")).status).toBe(303);
  });

  it.each([
    ["a malformed e-mail", { email: "nope" }, "email"],
    ["an unknown role", { role: "owner" }, "role"],
    ["a short password", { password: "short" }, "password"],
    ["a missing name", { displayName: "" }, "displayName"],
  ])("rejects %s when creating a user with 422 and stores nothing", async (_, change, field) => {
    const { harness, browser } = await adminSignedIn();
    const response = await browser.submit("/users", "/users", {
      displayName: "Sam Supporter",
      email: "sam@example.com",
      role: "supporter",
      password: "a long enough passphrase",
      ...change,
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`id="${field}-error"`);
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(1);
  });

  it("refuses a second user with the same e-mail, in any letter case, with 409", async () => {
    const { harness, browser } = await adminSignedIn();
    await harness.addUser("supporter", "sam@example.com");
    const response = await browser.submit("/users", "/users", {
      displayName: "Sam Again",
      email: "SAM@example.com",
      role: "supporter",
      password: "a long enough passphrase",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("already exists");
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(2);
  });

  it("changes a role, disables and enables, resets a password — each audited", async () => {
    const { harness, browser } = await adminSignedIn();
    const sam = await harness.addUser("supporter", "sam@example.com");
    const samBrowser = harness.browser();
    await samBrowser.signIn("sam@example.com");

    expect((await browser.submit("/users", `/users/${sam.id}/role`, { role: "auditor" })).status).toBe(303);
    expect((await findUserById(harness.db, sam.id))?.role).toBe("auditor");

    expect((await browser.submit("/users", `/users/${sam.id}/status`, { isDisabled: "true" })).status).toBe(
      303,
    );
    expect((await findUserById(harness.db, sam.id))?.isDisabled).toBe(true);
    // Disabling ends the user's sessions at once.
    expect((await samBrowser.get("/")).status).toBe(303);
    expect(await harness.db.select().from(webSessions).where(eq(webSessions.userId, sam.id))).toHaveLength(0);

    expect((await browser.submit("/users", `/users/${sam.id}/status`, { isDisabled: "false" })).status).toBe(
      303,
    );
    const reset = await browser.submit("/users", `/users/${sam.id}/password`, {
      password: "another fine passphrase",
    });
    expect(reset.status).toBe(303);
    expect((await harness.browser().signIn("sam@example.com", "another fine passphrase")).status).toBe(303);

    const updates = await harness.db.select().from(auditLog).where(eq(auditLog.action, "user.updated"));
    expect(updates.map((event) => event.details)).toEqual([
      expect.objectContaining({ role: "auditor" }),
      expect.objectContaining({ isDisabled: true }),
      expect.objectContaining({ isDisabled: false }),
      expect.objectContaining({ passwordReset: true }),
    ]);
  });

  it("never demotes or disables the last active admin", async () => {
    const { harness, admin, browser } = await adminSignedIn();
    await harness.addUser("admin", "disabled-admin@example.com", { isDisabled: true });
    const demote = await browser.submit("/users", `/users/${admin.id}/role`, { role: "supporter" });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain("last active administrator");
    const disable = await browser.submit("/users", `/users/${admin.id}/status`, { isDisabled: "true" });
    expect(disable.status).toBe(409);
    const stored = await findUserById(harness.db, admin.id);
    expect(stored).toMatchObject({ role: "admin", isDisabled: false });
    expect(await harness.db.select().from(auditLog).where(eq(auditLog.action, "user.updated"))).toHaveLength(
      0,
    );
  });

  it("lets an admin step down once another active admin exists", async () => {
    const { harness, admin, browser } = await adminSignedIn();
    await harness.addUser("admin", "second@example.com");
    const demote = await browser.submit("/users", `/users/${admin.id}/role`, { role: "supporter" });
    expect(demote.status).toBe(303);
    expect((await findUserById(harness.db, admin.id))?.role).toBe("supporter");
  });

  it.each([
    ["an unknown role", "role", { role: "root" }, 422],
    ["a bad status value", "status", { isDisabled: "maybe" }, 422],
    ["a short new password", "password", { password: "short" }, 422],
  ])("rejects %s on a user row with 4xx and changes nothing", async (_, action, fields, status) => {
    const { harness, browser } = await adminSignedIn();
    const sam = await harness.addUser("supporter", "sam@example.com");
    const response = await browser.submit("/users", `/users/${sam.id}/${action}`, fields);
    expect(response.status).toBe(status);
    const stored = await findUserById(harness.db, sam.id);
    expect(stored).toMatchObject({ role: "supporter", isDisabled: false, passwordHash: sam.passwordHash });
    expect((await harness.browser().signIn("sam@example.com", testPassword)).status).toBe(303);
  });

  it("answers 404 for a user id that does not exist or is not a uuid", async () => {
    const { browser } = await adminSignedIn();
    const missing = await browser.submit("/users", "/users/00000000-0000-4000-8000-000000000000/role", {
      role: "auditor",
    });
    expect(missing.status).toBe(404);
    const garbage = await browser.submit("/users", "/users/not-a-uuid/role", { role: "auditor" });
    expect(garbage.status).toBe(404);
  });
});
