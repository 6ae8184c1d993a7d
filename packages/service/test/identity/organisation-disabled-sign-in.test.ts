import { describe, expect, it } from "vitest";
import { selectAuditLogRows } from "../../src/db/repositories/audit-log.js";
import { setOrganisationDisabledAt } from "../../src/db/repositories/organisations.js";
import { issueOneTimeLogin } from "../../src/identity/one-time-login.js";
import { testPassword, useWebHarnesses, type WebHarness } from "../web/web-harness.js";

function disable(harness: WebHarness) {
  return setOrganisationDisabledAt(harness.db, harness.organisation.id, harness.clock.now());
}

describe("a disabled organisation's people", { timeout: 120_000 }, () => {
  const harnesses = useWebHarnesses();

  it("refuses a sign-in with the right password saying the organisation is disabled (403), not that the password is wrong, and audits why", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await disable(harness);
    const response = await harness
      .browser()
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain("Your organisation has been disabled by the operator of this installation");
    expect(page).not.toContain("password is not correct");
    const audit = await selectAuditLogRows(
      harness.db,
      { organisationId: harness.organisation.id },
      { order: "oldest-first", limit: 10 },
    );
    expect(audit.map((event) => [event.action, event.details.reason])).toEqual([
      ["login.failed", "organisation_disabled"],
    ]);
  });

  it("tells a wrong password on a disabled organisation only that it is wrong, so a guesser learns nothing about the organisation", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await disable(harness);
    const response = await harness
      .browser()
      .submit("/login", "/login", { email: "admin@example.com", password: "not it at all" });
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain("The e-mail address or password is not correct.");
    expect(page).not.toContain("disabled");
  });

  it("ends a signed-in browser session at its next request once the organisation is disabled, and signs in again once enabled", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    expect((await browser.get("/users")).status).toBe(200);
    await disable(harness);
    const after = await browser.get("/users");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/login?next=%2Fusers");

    await setOrganisationDisabledAt(harness.db, harness.organisation.id, null);
    expect((await browser.get("/users")).status).toBe(303);
    await browser.signIn("admin@example.com");
    expect((await browser.get("/users")).status).toBe(200);
  });

  it("uses up a one-time sign-in link of a disabled organisation without signing anyone in, saying why (403)", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    const link = await issueOneTimeLogin(harness, { userId: admin.id, publicUrl: harness.origin });
    await disable(harness);
    const browser = harness.browser();
    const refused = await browser.get(link.slice(harness.origin.length));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Your organisation has been disabled by the operator");
    expect((await browser.get("/users")).status).toBe(303);
    const audit = await selectAuditLogRows(
      harness.db,
      { organisationId: harness.organisation.id },
      { order: "oldest-first", limit: 10 },
    );
    expect(audit.map((event) => [event.action, event.details.reason])).toEqual([
      ["login.failed", "organisation_disabled"],
    ]);
  });
});
