import { describe, expect, it } from "vitest";
import { createUser, findUserById } from "../../src/db/repositories/users.js";
import { webSessions } from "../../src/db/schema.js";
import { issueOneTimeLogin } from "../../src/identity/one-time-login.js";
import { testPassword, useWebHarnesses } from "./web-harness.js";

describe("my profile", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("changes the own password with the current one, signing out other sessions but not this one", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const other = harness.browser();
    await other.signIn("admin@example.com");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const response = await browser.submit("/profile", "/profile/password", {
      currentPassword: testPassword,
      newPassword: "a brand new passphrase",
      newPasswordConfirmation: "a brand new passphrase",
    });
    expect(response.status).toBe(303);
    expect((await browser.get("/profile")).status).toBe(200);
    expect((await other.get("/profile")).status).toBe(303);
    expect(await harness.db.select().from(webSessions)).toHaveLength(1);
    expect((await harness.browser().signIn(admin.email, "a brand new passphrase")).status).toBe(303);
  });

  it("lets a user signed in by a one-time link, who has no password, set one without a current password and stay signed in", async () => {
    const harness = await harnesses.create();
    const demoAdmin = await createUser(harness.db, {
      organisationId: harness.organisation.id,
      email: "demo@example.com",
      displayName: "Demo admin",
      role: "admin",
      passwordHash: null,
    });
    const link = await issueOneTimeLogin(harness, { userId: demoAdmin.id, publicUrl: harness.origin });
    const browser = harness.browser();
    expect((await browser.get(link.slice(harness.origin.length))).status).toBe(303);
    const page = await (await browser.get("/profile")).text();
    expect(page).toContain("Set a password");
    expect(page).not.toContain('name="currentPassword"');

    const response = await browser.submit("/profile", "/profile/password", {
      newPassword: "a brand new passphrase",
      newPasswordConfirmation: "a brand new passphrase",
    });
    expect(response.status).toBe(303);
    expect((await browser.get("/profile")).status).toBe(200);
    expect((await harness.browser().signIn(demoAdmin.email, "a brand new passphrase")).status).toBe(303);
    const withPassword = await (await browser.get("/profile")).text();
    expect(withPassword).toContain('name="currentPassword"');
  });

  it("refuses a password change without the current password once the user has one", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const hashBefore = (await findUserById(harness.db, admin.id))?.passwordHash;
    const response = await browser.submit("/profile", "/profile/password", {
      newPassword: "a brand new passphrase",
      newPasswordConfirmation: "a brand new passphrase",
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('id="currentPassword-error"');
    expect((await findUserById(harness.db, admin.id))?.passwordHash).toBe(hashBefore);
  });

  it.each([
    ["a wrong current password", { currentPassword: "not my password" }, "currentPassword"],
    ["a short new password", { newPassword: "short", newPasswordConfirmation: "short" }, "newPassword"],
    ["a mismatched confirmation", { newPasswordConfirmation: "something else" }, "newPasswordConfirmation"],
  ])("rejects %s with 422 next to the field and keeps the old password", async (_, change, field) => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    // Read after signing in: the first login upgrades the test's cheap hash.
    const hashBefore = (await findUserById(harness.db, admin.id))?.passwordHash;
    const response = await browser.submit("/profile", "/profile/password", {
      currentPassword: testPassword,
      newPassword: "a brand new passphrase",
      newPasswordConfirmation: "a brand new passphrase",
      ...change,
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`id="${field}-error"`);
    expect((await findUserById(harness.db, admin.id))?.passwordHash).toBe(hashBefore);
  });

  it.each([
    ["an empty name", { displayName: "  " }, "displayName"],
    ["an unsupported language", { locale: "fr" }, "locale"],
  ])(
    "rejects %s on the details form with 422, keeping the input and storing nothing",
    async (_, change, field) => {
      const harness = await harnesses.create();
      const admin = await harness.addUser("admin");
      const browser = harness.browser();
      await browser.signIn("admin@example.com");
      const response = await browser.submit("/profile", "/profile", {
        displayName: "Ada",
        locale: "de",
        ...change,
      });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain(`id="${field}-error"`);
      expect(await findUserById(harness.db, admin.id)).toMatchObject({
        displayName: admin.displayName,
        locale: null,
      });
    },
  );
});
