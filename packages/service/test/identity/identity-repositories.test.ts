import { expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/audit-events.js";
import { createFakeClock } from "../../src/clock.js";
import { migrate } from "../../src/db/migrate.js";
import { countRecentLoginFailures } from "../../src/db/repositories/audit-log.js";
import { consumeOneTimeLogin, createOneTimeLogin } from "../../src/db/repositories/one-time-logins.js";
import { createOrganisation, findFirstOrganisation } from "../../src/db/repositories/organisations.js";
import { countActiveAdmins, createUser, updateUser } from "../../src/db/repositories/users.js";
import { describeEachEngine } from "../support/engines.js";

describeEachEngine("identity repositories", (engine) => {
  async function setUp() {
    const { database } = await engine.openDatabase();
    await migrate(database);
    const organisation = await createOrganisation(database.db, { name: "Org" });
    return { db: database.db, organisation, clock: createFakeClock() };
  }

  it("consumes a one-time login once, and not after it expires", { timeout: 60_000 }, async () => {
    const { db, organisation, clock } = await setUp();
    const user = await createUser(db, {
      organisationId: organisation.id,
      email: "a@example.com",
      role: "admin",
    });
    const now = clock.now();
    await createOneTimeLogin(db, {
      tokenHash: "h1",
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + 1000),
    });
    await createOneTimeLogin(db, {
      tokenHash: "h2",
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + 1000),
    });
    const racing = await Promise.all([
      consumeOneTimeLogin(db, "h1", now),
      consumeOneTimeLogin(db, "h1", now),
    ]);
    expect(racing.filter((result) => result !== undefined)).toEqual([{ userId: user.id }]);
    expect(await consumeOneTimeLogin(db, "h2", new Date(now.getTime() + 1000))).toBeUndefined();
  });

  it("counts recent login failures per e-mail and per IP, ignoring throttled ones and old ones", {
    timeout: 60_000,
  }, async () => {
    const { db, organisation, clock } = await setUp();
    const fail = (email: string, ip: string, reason: string) =>
      recordAuditEvent(
        { db, clock },
        {
          organisationId: organisation.id,
          actor: { label: "anonymous" },
          action: "login.failed",
          ip,
          details: { email, reason },
        },
      );
    await fail("a@example.com", "192.0.2.1", "wrong_password");
    clock.advance(10 * 60_000);
    const since = clock.now();
    await fail("a@example.com", "192.0.2.1", "wrong_password");
    await fail("a@example.com", "192.0.2.2", "throttled");
    await fail("b@example.com", "192.0.2.1", "unknown_email");
    expect(await countRecentLoginFailures(db, { since, by: { email: "a@example.com" } })).toBe(1);
    expect(await countRecentLoginFailures(db, { since, by: { ip: "192.0.2.1" } })).toBe(2);
    expect(await countRecentLoginFailures(db, { since, by: { ip: "192.0.2.2" } })).toBe(0);
  });

  it("counts only enabled admins as active admins, and finds the oldest organisation", {
    timeout: 60_000,
  }, async () => {
    const { db, organisation, clock } = await setUp();
    await createOrganisation(db, { name: "Later" });
    expect((await findFirstOrganisation(db))?.id).toBe(organisation.id);
    const admin = await createUser(db, {
      organisationId: organisation.id,
      email: "a@example.com",
      role: "admin",
    });
    await createUser(db, { organisationId: organisation.id, email: "s@example.com", role: "supporter" });
    expect(await countActiveAdmins(db, organisation.id)).toBe(1);
    await updateUser(db, admin.id, { isDisabled: true }, clock.now());
    expect(await countActiveAdmins(db, organisation.id)).toBe(0);
  });
});
