import { describe, expect, it } from "vitest";
import { selectAuditLogRows } from "../../src/db/repositories/audit-log.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { createUser, listUsers } from "../../src/db/repositories/users.js";
import { issueOneTimeLogin } from "../../src/identity/one-time-login.js";
import { hashPassword } from "../../src/identity/passwords.js";
import { fastPasswordHashing } from "../support/fast-password-hashing.js";
import { testPassword, useWebHarnesses, type WebHarness } from "../web/web-harness.js";

/** A second organisation beside the harness's first, with one admin who has a password. */
async function addFabrikam(harness: WebHarness) {
  const organisation = await createOrganisation(harness.db, { name: "Fabrikam" });
  const admin = await createUser(harness.db, {
    organisationId: organisation.id,
    email: "lee@fabrikam.example",
    displayName: "Lee",
    role: "admin",
    passwordHash: await hashPassword(testPassword, fastPasswordHashing),
  });
  return { organisation, admin };
}

function auditOf(harness: WebHarness, organisationId: string) {
  return selectAuditLogRows(harness.db, { organisationId }, { order: "oldest-first", limit: 100 });
}

describe("sign-in with several organisations", { timeout: 120_000 }, () => {
  const harnesses = useWebHarnesses();

  it("finds the user's organisation from the e-mail address alone and shows only that organisation", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const fabrikam = await addFabrikam(harness);
    const browser = harness.browser();
    await browser.signIn("LEE@fabrikam.example");
    const users = await (await browser.get("/users")).text();
    expect(users).toContain("lee@fabrikam.example");
    expect(users).not.toContain("admin@example.com");
    expect(await auditOf(harness, fabrikam.organisation.id)).toMatchObject([
      { action: "login.succeeded", actorUserId: fabrikam.admin.id },
    ]);
    expect(await auditOf(harness, harness.organisation.id)).toEqual([]);
  });

  it("records a wrong password in the user's own organisation's log, and an unknown address in the first one's", async () => {
    const harness = await harnesses.create();
    const fabrikam = await addFabrikam(harness);
    const wrong = await harness
      .browser()
      .submit("/login", "/login", { email: "lee@fabrikam.example", password: "not it at all" });
    const unknown = await harness
      .browser()
      .submit("/login", "/login", { email: "nobody@fabrikam.example", password: "whatever it is" });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await auditOf(harness, fabrikam.organisation.id)).map((event) => event.details.reason)).toEqual([
      "wrong_password",
    ]);
    expect((await auditOf(harness, harness.organisation.id)).map((event) => event.details.reason)).toEqual([
      "unknown_email",
    ]);
  });

  it("closes /setup once any organisation has a user, so nobody claims the empty first organisation and /login stays reachable", async () => {
    const harness = await harnesses.create();
    const browser = harness.browser();
    expect((await browser.get("/setup")).status).toBe(200);
    await addFabrikam(harness);
    expect((await browser.get("/setup")).status).toBe(404);
    const refused = await browser.post("/setup", {
      _csrf: await browser.csrfTokenFrom("/login"),
      displayName: "Mallory",
      email: "mallory@example.com",
      password: testPassword,
      passwordConfirmation: testPassword,
    });
    expect(refused.status).toBe(404);
    expect(await auditOf(harness, harness.organisation.id)).toEqual([]);
  });

  it("refuses (409) a new user whose address another organisation already uses, storing nothing, so an address names one organisation", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await addFabrikam(harness);
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const response = await browser.submit("/users", "/users", {
      displayName: "Lee Again",
      email: "Lee@Fabrikam.example",
      role: "supporter",
      password: "a long enough passphrase",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("already exists");
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(1);
  });

  it("signs a one-time link's user into their own organisation and audits it there", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const fabrikam = await addFabrikam(harness);
    const link = await issueOneTimeLogin(harness, {
      userId: fabrikam.admin.id,
      publicUrl: harness.origin,
    });
    const browser = harness.browser();
    expect((await browser.get(link.slice(harness.origin.length))).status).toBe(303);
    expect(await (await browser.get("/users")).text()).toContain("lee@fabrikam.example");
    expect(await auditOf(harness, fabrikam.organisation.id)).toMatchObject([
      { action: "login.succeeded", actorUserId: fabrikam.admin.id, details: { method: "one_time_link" } },
    ]);
    expect(await auditOf(harness, harness.organisation.id)).toEqual([]);
  });
});
