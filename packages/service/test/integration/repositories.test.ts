import { expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import type { Db } from "../../src/db/open-database.js";
import { findApiKeyCountingRequest, insertApiKey } from "../../src/db/repositories/api-keys.js";
import { consumeOAuthState, createOAuthState } from "../../src/db/repositories/oauth-states.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../src/db/repositories/teamviewer-apps.js";
import {
  findTeamViewerConnection,
  lockTeamViewerConnection,
  markTeamViewerConnectionNeedsReconnect,
  saveTeamViewerConnection,
  updateTeamViewerTokens,
} from "../../src/db/repositories/teamviewer-connections.js";
import {
  findTeamViewerCredentials,
  openTeamViewerCredentials,
} from "../../src/db/repositories/teamviewer-credentials.js";
import {
  createUser,
  findUserByEmail,
  findUserByEmailInInstallation,
} from "../../src/db/repositories/users.js";
import { createWebSession } from "../../src/db/repositories/web-sessions.js";
import { transaction } from "../../src/db/transaction.js";
import { parseKeyring } from "../../src/vault/keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import { databaseErrorOf } from "../support/database-errors.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";
import { generateKeyEntry } from "../support/keys.js";

const now = new Date("2030-01-01T00:00:00Z");
const vault = new SecretBox(parseKeyring({ keys: generateKeyEntry("k1") }));

async function setUp(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  await migrate(database);
  const db = database.db;
  const organisation = await createOrganisation(db, { name: "Helpdesk" });
  const user = await createUser(db, {
    organisationId: organisation.id,
    email: "Ann@Example.com",
    role: "supporter",
  });
  const session = await createWebSession(db, {
    tokenHash: "session-hash",
    userId: user.id,
    csrfSecret: "csrf",
    now,
    expiresAt: new Date("2030-01-02T00:00:00Z"),
  });
  return { db, organisation, user, session };
}

const tokens = (suffix: string) => ({
  accessToken: `AT-${suffix}`,
  refreshToken: `RT-${suffix}`,
  expiresAt: new Date("2030-01-01T01:00:00Z"),
});

const appOf = (organisationId: string) => ({
  organisationId,
  clientId: "client-1",
  clientSecret: "secret-1",
  redirectUri: "https://attendant.example/teamviewer/callback",
  authorizeUrl: "https://tv.example/oauth2/authorize",
  apiBaseUrl: "https://tv.example/api/v1",
});

function connectTeamViewer(db: Db, userId: string): Promise<void> {
  const identity = { teamViewerUserId: "u1", teamViewerName: "Ann", teamViewerEmail: "ann@tv.example" };
  return saveTeamViewerConnection(db, vault, { userId, ...identity, ...tokens("1") }, now);
}

describeEachEngine("repositories", (engine) => {
  it("treat e-mail addresses case-insensitively and keep them unique in the whole installation", async () => {
    const { db, organisation, user } = await setUp(engine);
    expect((await findUserByEmail(db, organisation.id, " ann@EXAMPLE.com "))?.id).toBe(user.id);
    const duplicate = createUser(db, {
      organisationId: organisation.id,
      email: "ANN@example.com",
      role: "admin",
    });
    expect(await databaseErrorOf(duplicate)).toMatch(/users_email_unique/);
    const other = await createOrganisation(db, { name: "Other helpdesk" });
    const inOtherOrganisation = createUser(db, {
      organisationId: other.id,
      email: "Ann@Example.com",
      role: "admin",
    });
    expect(await databaseErrorOf(inOtherOrganisation)).toMatch(/users_email_unique/);
    expect((await findUserByEmailInInstallation(db, "ANN@example.com"))?.organisationId).toBe(
      organisation.id,
    );
  });

  it("refuse a role outside admin, supporter and auditor", async () => {
    const { db, organisation } = await setUp(engine);
    const attempt = createUser(db, {
      organisationId: organisation.id,
      email: "eve@example.com",
      role: "owner" as "admin",
    });
    expect(await databaseErrorOf(attempt)).toMatch(/users_role_check/);
  });

  it("save refreshed tokens only from the version that was read, so a stale refresh cannot win", async () => {
    const { db, user } = await setUp(engine);
    await connectTeamViewer(db, user.id);
    const read = await findTeamViewerConnection(db, vault, user.id);
    if (read === undefined) throw new Error("connection missing");
    expect(
      await updateTeamViewerTokens(
        db,
        vault,
        { id: read.id, expectedVersion: read.version, ...tokens("2") },
        now,
      ),
    ).toBe(true);
    expect(
      await updateTeamViewerTokens(
        db,
        vault,
        { id: read.id, expectedVersion: read.version, ...tokens("3") },
        now,
      ),
    ).toBe(false);
    expect(await findTeamViewerConnection(db, vault, user.id)).toMatchObject({
      accessToken: "AT-2",
      refreshToken: "RT-2",
      version: read.version + 1,
      status: "connected",
    });
  });

  it("lock a connection row inside a transaction and mark it as needing reconnection", async () => {
    const { db, user } = await setUp(engine);
    await connectTeamViewer(db, user.id);
    await transaction(db, async (tx) => {
      const locked = await lockTeamViewerConnection(tx, vault, user.id);
      if (locked === undefined) throw new Error("connection missing");
      await markTeamViewerConnectionNeedsReconnect(tx, locked.id, now);
    });
    expect((await findTeamViewerConnection(db, vault, user.id))?.status).toBe("needs_reconnect");
  });

  it("read an organisation's app and a user's connection together, and no connection of another organisation's user", async () => {
    const { db, organisation, user } = await setUp(engine);
    const holder = { organisationId: organisation.id, userId: user.id };
    expect(await findTeamViewerCredentials(db, vault, holder)).toEqual({
      app: undefined,
      connection: undefined,
    });

    await connectTeamViewer(db, user.id);
    const app = appOf(organisation.id);
    await saveTeamViewerApp(db, vault, app, now);
    const credentials = await findTeamViewerCredentials(db, vault, holder);
    expect(credentials.app).toMatchObject(app);
    expect(credentials.connection).toEqual(await findTeamViewerConnection(db, vault, user.id));
    expect(credentials.connection).toMatchObject({ userId: user.id, ...tokens("1") });

    const other = await createOrganisation(db, { name: "Other helpdesk" });
    expect(await findTeamViewerCredentials(db, vault, { organisationId: other.id, userId: user.id })).toEqual(
      {
        app: undefined,
        connection: undefined,
      },
    );
  });

  it("bring the acting user's app and connection, still sealed, along with an API key, and none for an organisation-wide key", async () => {
    const { db, organisation, user } = await setUp(engine);
    const colleague = await createUser(db, {
      organisationId: organisation.id,
      email: "ben@example.com",
      role: "supporter",
    });
    await connectTeamViewer(db, user.id);
    await connectTeamViewer(db, colleague.id);
    await saveTeamViewerApp(db, vault, appOf(organisation.id), now);
    const keyFor = (prefix: string, actingUserId: string | null) =>
      insertApiKey(db, {
        organisationId: organisation.id,
        name: prefix,
        prefix,
        secretHash: `hash-${prefix}`,
        scopes: ["sessions:write"],
        actingUserId,
        createdByUserId: null,
        now,
      });
    await keyFor("annkey", user.id);
    await keyFor("orgkey", null);
    const find = (prefix: string) =>
      findApiKeyCountingRequest(db, { prefix, secretHash: `hash-${prefix}`, windowStart: now });

    const { actingUserTeamViewer } = (await find("annkey")) ?? expect.fail("the key was not found");

    expect(actingUserTeamViewer.connection?.accessTokenEncrypted).not.toContain("AT-1");
    expect(openTeamViewerCredentials(vault, actingUserTeamViewer)).toEqual(
      await findTeamViewerCredentials(db, vault, { organisationId: organisation.id, userId: user.id }),
    );
    expect((await find("orgkey"))?.actingUserTeamViewer).toEqual({ app: null, connection: null });
  });

  it("consume an OAuth state once, only from its browser session and only before it expires", async () => {
    const { db, user, session } = await setUp(engine);
    const expiresAt = new Date(now.getTime() + 10 * 60_000);
    for (const stateHash of ["s1", "s2"]) {
      await createOAuthState(db, vault, {
        stateHash,
        userId: user.id,
        webSessionId: session.id,
        pkceVerifier: `verifier-${stateHash}`,
        now,
        expiresAt,
      });
    }
    const otherSession = "00000000-0000-4000-8000-000000000000";
    expect(
      await consumeOAuthState(db, vault, { stateHash: "s1", webSessionId: otherSession, now }),
    ).toBeUndefined();
    expect(await consumeOAuthState(db, vault, { stateHash: "s1", webSessionId: session.id, now })).toEqual({
      userId: user.id,
      pkceVerifier: "verifier-s1",
    });
    expect(
      await consumeOAuthState(db, vault, { stateHash: "s1", webSessionId: session.id, now }),
    ).toBeUndefined();
    expect(
      await consumeOAuthState(db, vault, { stateHash: "s2", webSessionId: session.id, now: expiresAt }),
    ).toBeUndefined();
  });
});
