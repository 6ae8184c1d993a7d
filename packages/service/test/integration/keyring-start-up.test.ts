/**
 * Start-up proves that each key id stored secrets name can open what it sealed (issue #20): a
 * keyring with other material under a known id, or a regenerated demo keyring, is refused before
 * the service listens, instead of failing every decryption afterwards.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import type { Config } from "../../src/config/config-schema.js";
import { loadConfig } from "../../src/config/load-config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../src/db/repositories/teamviewer-apps.js";
import { startService } from "../../src/server.js";
import { resolveKeyring } from "../../src/vault/demo-keyring.js";
import { type Keyring, KeyringError } from "../../src/vault/keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import { captureLogs } from "../support/capture-logs.js";
import { describeEachEngine } from "../support/engines.js";
import { generateKeyEntry } from "../support/keys.js";

const start = (config: Config) =>
  startService(config, { logger: captureLogs().logger, port: 0, handleSignals: false });

/** Starts once (migrating), then stores a TeamViewer client secret sealed with `keyring`. */
async function storeSealedSecret(config: Config, keyring: Keyring): Promise<void> {
  await (await start(config)).close();
  const database = await openDatabase(config);
  try {
    const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
    await saveTeamViewerApp(
      database.db,
      new SecretBox(keyring),
      {
        organisationId: organisation.id,
        clientId: "c",
        clientSecret: "s",
        redirectUri: "http://localhost:3000/cb",
        authorizeUrl: "https://login.example/authorize",
        apiBaseUrl: "https://api.example/v1",
      },
      new Date(),
    );
  } finally {
    await database.close();
  }
}

describeEachEngine("start-up keyring checks", (engine) => {
  it("refuses to start when other key material sits under a key id that sealed stored secrets, naming the key id, the column and how to restore it", async () => {
    const config = await engine.createConfig();
    if (config.keyring === undefined) throw new Error("test config has a keyring");
    await storeSealedSecret(config, config.keyring);

    const sameIdOtherKey = {
      ...config,
      keyring: loadConfig({ env: { ATTENDANT_KEYS: generateKeyEntry("test-key") } }).keyring,
    };
    const attempt = start(sameIdOtherKey);
    await expect(attempt).rejects.toThrow(KeyringError);
    await expect(attempt).rejects.toThrow(
      /The key "test-key" in ATTENDANT_KEYS cannot decrypt the secrets it sealed \(tried [^)]*teamviewer_apps\.client_secret_encrypted[^)]*\).*Put the original key for "test-key" back in ATTENDANT_KEYS/,
    );
    // The refused start released everything: the right key starts again.
    await (await start(config)).close();
  }, 120_000);

  if (engine.name === "pglite") {
    it("refuses to start the embedded demo after its keyring file was removed, naming the lost key id and the file to restore", async () => {
      const config = { ...(await engine.createConfig()), keyring: undefined };
      const keyringFile = path.join(config.dataDir, "keyring.json");
      const original = resolveKeyring(config, captureLogs().logger);
      await storeSealedSecret(config, original);

      rmSync(keyringFile);
      const attempt = start(config);
      await expect(attempt).rejects.toThrow(KeyringError);
      await expect(attempt).rejects.toThrow(`"${original.primaryKeyId}"`);
      await expect(attempt).rejects.toThrow(keyringFile);
    }, 120_000);
  }
});
