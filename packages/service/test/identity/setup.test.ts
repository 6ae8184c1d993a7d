import { describe, expect, it } from "vitest";
import { listUsers } from "../../src/db/repositories/users.js";
import { auditLog, webSessions } from "../../src/db/schema.js";
import { useWebHarnesses } from "../web/web-harness.js";

const goodSetup = {
  displayName: "Ada Admin",
  email: "ada@example.com",
  password: "a long enough passphrase",
  passwordConfirmation: "a long enough passphrase",
};

describe("first admin setup", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("creates the first admin while no user exists, signs them in and audits it", async () => {
    const harness = await harnesses.create();
    const browser = harness.browser();
    expect((await browser.get("/login")).headers.get("location")).toBe("/setup");
    const response = await browser.submit("/setup", "/setup", goodSetup);
    expect(response.status).toBe(303);
    const [admin] = await listUsers(harness.db, harness.organisation.id);
    expect(admin).toMatchObject({ email: "ada@example.com", role: "admin", displayName: "Ada Admin" });
    expect(admin?.passwordHash).toMatch(/^\$scrypt\$/);
    expect(await harness.db.select().from(webSessions)).toHaveLength(1);
    expect((await browser.get("/")).status).toBe(200);
    const events = await harness.db.select().from(auditLog);
    expect(events.map((event) => event.action)).toEqual(["user.created"]);
  });

  it("answers 404 on /setup, GET and POST, once any user exists", async () => {
    const harness = await harnesses.create();
    await harness.addUser("supporter");
    const browser = harness.browser();
    expect((await browser.get("/setup")).status).toBe(404);
    const token = await browser.csrfTokenFrom("/login");
    const response = await browser.post("/setup", { _csrf: token, ...goodSetup });
    expect(response.status).toBe(404);
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(1);
  });

  it.each([
    ["an empty name", { displayName: " " }, "displayName", "This field is required."],
    [
      "a malformed e-mail",
      { email: "ada-at-example" },
      "email",
      "Enter an e-mail address like name@example.com.",
    ],
    [
      "a short password",
      { password: "short", passwordConfirmation: "short" },
      "password",
      "The password must be at least 12 characters long.",
    ],
    [
      "a mismatched confirmation",
      { passwordConfirmation: "something else!" },
      "passwordConfirmation",
      "do not match",
    ],
  ])(
    "rejects %s with 422, the message at the field, input kept, nothing stored",
    async (_, change, field, message) => {
      const harness = await harnesses.create();
      const browser = harness.browser();
      const response = await browser.submit("/setup", "/setup", { ...goodSetup, ...change });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(`id="${field}-error"`);
      expect(html).toContain(message);
      expect(html).not.toContain("a long enough passphrase");
      if (field !== "email") expect(html).toContain('value="ada@example.com"');
      expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(0);
    },
  );
});
