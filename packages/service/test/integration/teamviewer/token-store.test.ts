/**
 * The token store against the strict simulator: refresh ahead of expiry, one refresh at a time
 * per grant (in one process and across instances), rotation saved before use, `invalid_grant`
 * handling and the one forced refresh after a 401 (docs/security.md).
 */
import { AuthenticationError } from "@attendant/teamviewer";
import { expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { findTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import {
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "../../../src/teamviewer/teamviewer-errors.js";
import { refreshAheadMs } from "../../../src/teamviewer/token-store.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, type Harness, pageText } from "./harness.js";

const day = 24 * 60 * 60_000;

async function connectedUser(h: Harness) {
  const browser = await h.signIn();
  const answer = await h.connect(browser);
  if (answer.headers.get("location") !== "/connection?notice=connected") throw new Error("connect failed");
  const connection = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
  if (connection === undefined) throw new Error("expected a connection");
  h.simulator.admin.clearJournal();
  return { browser, connection };
}

describeEachEngine("the TeamViewer token store", (engine) => {
  it("hands out the stored token while it has more than five minutes left", async () => {
    const h = await createHarness(engine);
    const { browser, connection } = await connectedUser(h);
    h.clock.set(new Date(connection.expiresAt.getTime() - refreshAheadMs - 1_000));
    expect(await h.createAccess().tokenStore.getAccessToken(browser.userId)).toBe(connection.accessToken);
    expect(h.tokenCalls()).toHaveLength(0);
  });

  it("refreshes ahead of expiry, when less than five minutes are left", async () => {
    const h = await createHarness(engine);
    const { browser, connection } = await connectedUser(h);
    h.clock.set(new Date(connection.expiresAt.getTime() - refreshAheadMs + 1_000));
    const token = await h.createAccess().tokenStore.getAccessToken(browser.userId);
    expect(token).not.toBe(connection.accessToken);
    expect(h.tokenCalls()).toEqual([{ status: 200 }]);
  });

  it("refreshes exactly once for 20 concurrent requests with an expired token", async () => {
    const h = await createHarness(engine);
    const { browser, connection } = await connectedUser(h);
    h.clock.advance(day + 1_000);
    const client = await h
      .createAccess()
      .createTeamViewerClientFor({ userId: browser.userId, organisationId: h.organisationId });

    const accounts = await Promise.all(Array.from({ length: 20 }, () => client.account.retrieve()));

    expect(accounts.every((account) => account.userid === "u7005")).toBe(true);
    expect(h.tokenCalls()).toEqual([{ status: 200 }]);
    const stored = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
    expect(stored?.version).toBe(connection.version + 1);
  });

  it("refreshes exactly once when two service instances share the database", async () => {
    const h = await createHarness(engine);
    const { browser } = await connectedUser(h);
    h.clock.advance(day + 1_000);
    // PostgreSQL: a second connection pool, as a second process would have. PGlite serves one
    // process only, so there the second instance shares the database but not the single flight.
    const secondDatabase = engine.name === "postgresql" ? await openDatabase(h.config) : h.database;
    try {
      const instances = [h.createAccess(), h.createAccess(secondDatabase)];
      const clients = await Promise.all(
        instances.map((access) =>
          access.createTeamViewerClientFor({ userId: browser.userId, organisationId: h.organisationId }),
        ),
      );

      const accounts = await Promise.all(
        Array.from({ length: 20 }, (_, index) => clients[index % 2]?.account.retrieve()),
      );

      expect(accounts.every((account) => account?.userid === "u7005")).toBe(true);
      expect(h.tokenCalls()).toEqual([{ status: 200 }]);
    } finally {
      if (secondDatabase !== h.database) await secondDatabase.close();
    }
  });

  it("saves the rotated refresh token before using it, so strict rotation never sees a reuse", async () => {
    const h = await createHarness(engine);
    const { browser, connection } = await connectedUser(h);
    const store = h.createAccess().tokenStore;
    const seen = [connection.refreshToken];
    for (let round = 0; round < 3; round += 1) {
      h.clock.advance(day + 1_000);
      await store.getAccessToken(browser.userId);
      const stored = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
      expect(seen).not.toContain(stored?.refreshToken);
      seen.push(stored?.refreshToken ?? "");
    }
    // Three refreshes, each presenting the newest token: under strict mode any reuse would
    // have revoked the grant and answered invalid_grant.
    expect(h.tokenCalls()).toEqual([{ status: 200 }, { status: 200 }, { status: 200 }]);
    const client = await h
      .createAccess()
      .createTeamViewerClientFor({ userId: browser.userId, organisationId: h.organisationId });
    expect((await client.ping()).token_valid).toBe(true);
  });

  it("marks the connection 'needs reconnect' on invalid_grant, audits it, and does not retry", async () => {
    const h = await createHarness(engine);
    const { browser } = await connectedUser(h);
    h.simulator.admin.reset(); // TeamViewer forgets every grant
    h.clock.advance(day + 1_000);
    const store = h.createAccess().tokenStore;

    await expect(store.getAccessToken(browser.userId)).rejects.toThrow(TeamViewerReconnectRequiredError);
    await expect(store.getAccessToken(browser.userId)).rejects.toThrow(TeamViewerReconnectRequiredError);

    expect(h.tokenCalls()).toEqual([{ status: 400 }]);
    const stored = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
    expect(stored?.status).toBe("needs_reconnect");
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events[0]).toMatchObject({
      action: "teamviewer.token_refresh_failed",
      details: { userId: browser.userId, reason: "invalid_grant" },
    });
    const page = await pageText(await h.get("/connection", await h.reopen(browser)));
    expect(page).toContain("Needs reconnect");
    expect(page).toContain("Reconnect TeamViewer");
  });

  it("reconnecting replaces a dead connection", async () => {
    const h = await createHarness(engine);
    const { browser } = await connectedUser(h);
    h.simulator.admin.reset();
    h.clock.advance(day + 1_000);
    await expect(h.createAccess().tokenStore.getAccessToken(browser.userId)).rejects.toThrow(
      TeamViewerReconnectRequiredError,
    );
    await h.connect(await h.reopen(browser));
    const stored = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
    expect(stored?.status).toBe("connected");
  });

  it("answers a 401 with at most one forced refresh", async () => {
    const h = await createHarness(engine);
    const { browser } = await connectedUser(h);
    const client = await h
      .createAccess()
      .createTeamViewerClientFor({ userId: browser.userId, organisationId: h.organisationId });
    h.simulator.admin.planFault({ path: "/api/v1/account", kind: "status", status: 401, times: "always" });

    await expect(client.account.retrieve()).rejects.toThrow(AuthenticationError);

    expect(h.tokenCalls()).toEqual([{ status: 200 }]);
    const accountCalls = h.simulator.admin.journal().filter((entry) => entry.path === "/api/v1/account");
    expect(accountCalls).toHaveLength(2);
  });

  it("recovers from a 401 on a token that looked fresh by refreshing once", async () => {
    const h = await createHarness(engine);
    const { browser } = await connectedUser(h);
    const client = await h
      .createAccess()
      .createTeamViewerClientFor({ userId: browser.userId, organisationId: h.organisationId });
    h.simulator.admin.planFault({ path: "/api/v1/account", kind: "status", status: 401 });

    expect((await client.account.retrieve()).userid).toBe("u7005");
    expect(h.tokenCalls()).toEqual([{ status: 200 }]);
  });

  it("says 'not connected' for a user without a connection", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    await expect(h.createAccess().tokenStore.getAccessToken(browser.userId)).rejects.toThrow(
      TeamViewerNotConnectedError,
    );
  });

  it("gives the organisation a client on its script token", async () => {
    const h = await createHarness(engine);
    const access = h.createAccess();
    expect(await access.forOrganisation(h.organisationId)).toBeUndefined();
    const admin = await h.signIn("admin");
    await h.post("/settings/teamviewer/script-token", admin, { scriptToken: h.simulator.demo().scriptToken });
    const client = await access.forOrganisation(h.organisationId);
    expect((await client?.account.retrieve())?.userid).toBe("u7005");
  });
});
