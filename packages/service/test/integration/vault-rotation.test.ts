import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import type { Db } from "../../src/db/open-database.js";
import {
  findOrganisationScriptToken,
  saveOrganisationScriptToken,
} from "../../src/db/repositories/organisation-script-tokens.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { listKeyIdsInUse } from "../../src/db/repositories/stored-secrets.js";
import { findTeamViewerApp, saveTeamViewerApp } from "../../src/db/repositories/teamviewer-apps.js";
import {
  findTeamViewerConnection,
  saveTeamViewerConnection,
} from "../../src/db/repositories/teamviewer-connections.js";
import { createUser } from "../../src/db/repositories/users.js";
import { assertKeyringCoversStoredSecrets } from "../../src/vault/check-stored-key-ids.js";
import { type Keyring, KeyringError, parseKeyring } from "../../src/vault/keyring.js";
import { rewrapSecrets } from "../../src/vault/rewrap-secrets.js";
import { SecretBox, SecretDecryptionError } from "../../src/vault/secret-box.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";

const now = new Date("2030-01-01T00:00:00Z");
const keyMaterial = { old: randomBytes(32).toString("base64"), new: randomBytes(32).toString("base64") };
const keyringOf = (ids: Array<keyof typeof keyMaterial>, primaryKeyId: string): Keyring =>
  parseKeyring({ keys: ids.map((id) => `${id}:${keyMaterial[id]}`).join(","), primaryKeyId });

const oldOnly = keyringOf(["old"], "old");
const bothNewPrimary = keyringOf(["old", "new"], "new");
const newOnly = keyringOf(["new"], "new");

/** An organisation with an app and script token, and three users with TeamViewer connections. */
async function seed(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  await migrate(database);
  const db = database.db;
  const vault = new SecretBox(oldOnly);
  const organisation = await createOrganisation(db, { name: "Helpdesk" });
  await saveTeamViewerApp(
    db,
    vault,
    {
      organisationId: organisation.id,
      clientId: "client-1",
      clientSecret: "CLIENT-SECRET",
      redirectUri: "http://localhost:3000/connect/callback",
      authorizeUrl: "https://login.teamviewer.com/oauth2/authorize",
      apiBaseUrl: "https://webapi.teamviewer.com/api/v1",
    },
    now,
  );
  await saveOrganisationScriptToken(
    db,
    vault,
    { organisationId: organisation.id, token: "SCRIPT-TOKEN", createdByUserId: null },
    now,
  );
  const userIds: string[] = [];
  for (const name of ["ann", "ben", "cem"]) {
    const user = await createUser(db, {
      organisationId: organisation.id,
      email: `${name}@example.com`,
      role: "supporter",
    });
    userIds.push(user.id);
    await saveTeamViewerConnection(
      db,
      vault,
      {
        userId: user.id,
        teamViewerUserId: `u-${name}`,
        teamViewerName: name,
        teamViewerEmail: `${name}@tv.example`,
        accessToken: `AT-${name}`,
        refreshToken: `RT-${name}`,
        expiresAt: new Date("2030-01-01T01:00:00Z"),
      },
      now,
    );
  }
  return { db, organisationId: organisation.id, userIds };
}

/** Reads every stored secret through the repositories, as the application would. */
async function readAllSecrets(db: Db, vault: SecretBox, organisationId: string, userIds: string[]) {
  const app = await findTeamViewerApp(db, vault, organisationId);
  const connections = await Promise.all(userIds.map((userId) => findTeamViewerConnection(db, vault, userId)));
  return {
    clientSecret: app?.clientSecret,
    scriptToken: await findOrganisationScriptToken(db, vault, organisationId),
    tokens: connections.map((connection) => `${connection?.accessToken}/${connection?.refreshToken}`),
  };
}

const expectedSecrets = {
  clientSecret: "CLIENT-SECRET",
  scriptToken: "SCRIPT-TOKEN",
  tokens: ["AT-ann/RT-ann", "AT-ben/RT-ben", "AT-cem/RT-cem"],
};

describeEachEngine("vault with stored secrets", (engine) => {
  it("refuses a token ciphertext copied into another user's row", async () => {
    const { db, userIds } = await seed(engine);
    const [ann, ben] = userIds;
    await db.execute(sql`
      update teamviewer_connections
         set access_token_encrypted = (select access_token_encrypted from teamviewer_connections where user_id = ${ann})
       where user_id = ${ben}`);
    await expect(findTeamViewerConnection(db, new SecretBox(oldOnly), ben ?? "")).rejects.toThrow(
      SecretDecryptionError,
    );
  });

  it("rotates keys without downtime: add key, make it primary, rewrap while reading, drop the old key", async () => {
    const { db, organisationId, userIds } = await seed(engine);
    expect(await listKeyIdsInUse(db)).toEqual(["old"]);

    // Steps 1 and 2: the new key joins as primary; old ciphertexts stay readable.
    const rotating = new SecretBox(bothNewPrimary);
    await assertKeyringCoversStoredSecrets(db, bothNewPrimary);

    // Step 3: rewrap one row at a time, reading everything between batches.
    const readsDuringRewrap: unknown[] = [];
    const result = await rewrapSecrets({
      db,
      vault: rotating,
      batchSize: 1,
      onBatch: async () => {
        readsDuringRewrap.push(await readAllSecrets(db, rotating, organisationId, userIds));
      },
    });
    // 1 client secret + 1 script token + 3 × 2 connection tokens.
    expect(result).toEqual({ rewrapped: 8, isComplete: true });
    expect(readsDuringRewrap).toHaveLength(8);
    for (const read of readsDuringRewrap) expect(read).toEqual(expectedSecrets);
    expect(await listKeyIdsInUse(db)).toEqual(["new"]);

    // Step 4: the old key is gone, and everything is still readable.
    await assertKeyringCoversStoredSecrets(db, newOnly);
    expect(await readAllSecrets(db, new SecretBox(newOnly), organisationId, userIds)).toEqual(
      expectedSecrets,
    );
  });

  it("resumes an interrupted rewrap, and a repeated run finds nothing left to do", async () => {
    const { db, organisationId, userIds } = await seed(engine);
    const vault = new SecretBox(bothNewPrimary);
    const stop = new AbortController();
    const interrupted = await rewrapSecrets({
      db,
      vault,
      batchSize: 2,
      signal: stop.signal,
      onBatch: () => stop.abort(),
    });
    // Batches are per column: the first holds the organisation's only client secret.
    expect(interrupted).toEqual({ rewrapped: 1, isComplete: false });
    expect(await listKeyIdsInUse(db)).toEqual(["new", "old"]);

    expect(await rewrapSecrets({ db, vault, batchSize: 2 })).toEqual({ rewrapped: 7, isComplete: true });
    expect(await rewrapSecrets({ db, vault, batchSize: 2 })).toEqual({ rewrapped: 0, isComplete: true });
    expect(await readAllSecrets(db, new SecretBox(newOnly), organisationId, userIds)).toEqual(
      expectedSecrets,
    );
  });

  it("refuses to start when stored secrets name a key id the keyring lacks, listing the missing ids", async () => {
    const { db } = await seed(engine);
    const check = assertKeyringCoversStoredSecrets(db, newOnly);
    await expect(check).rejects.toThrow(KeyringError);
    await expect(check).rejects.toThrow(
      'Stored secrets are encrypted with key id(s) "old", which ATTENDANT_KEYS does not contain (it has: new). ' +
        "Add the missing key(s) back to ATTENDANT_KEYS; to retire a key, first make another key primary and run the rewrap job, then remove it.",
    );
  });
});
