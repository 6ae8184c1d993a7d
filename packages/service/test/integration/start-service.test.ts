import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { isLockFileName } from "../../src/db/data-folder-lock.js";
import { openDatabase } from "../../src/db/open-database.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../src/db/repositories/teamviewer-apps.js";
import { type RunningService, startService } from "../../src/server.js";
import { KeyringError } from "../../src/vault/keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import { captureLogs } from "../support/capture-logs.js";
import { describeEachEngine } from "../support/engines.js";
import { generateKeyEntry } from "../support/keys.js";

const start = (config: Parameters<typeof startService>[0]) =>
  startService(config, { logger: captureLogs().logger, port: 0, handleSignals: false });

async function withService<T>(service: RunningService, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    await service.close();
  }
}

describeEachEngine("startService", (engine) => {
  it("migrates, serves liveness and readiness over HTTP, and closes cleanly", async () => {
    const config = await engine.createConfig();
    const service = await start(config);
    await withService(service, async () => {
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    });
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    if (engine.name === "pglite") expect(readdirSync(config.dataDir).filter(isLockFileName)).toEqual([]);
  });

  it("refuses to start when the configured keyring lacks a key that stored secrets use", async () => {
    const config = await engine.createConfig();
    const first = await start(config);
    await first.close();
    // A secret stored under the configured key "test-key".
    const database = await openDatabase(config);
    try {
      const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
      if (config.keyring === undefined) throw new Error("test config has a keyring");
      await saveTeamViewerApp(
        database.db,
        new SecretBox(config.keyring),
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

    const rekeyed = {
      ...config,
      keyring: loadConfig({ env: { ATTENDANT_KEYS: generateKeyEntry("other") } }).keyring,
    };
    await expect(start(rekeyed)).rejects.toThrow(KeyringError);
    await expect(start(rekeyed)).rejects.toThrow(
      /key id\(s\) "test-key", which ATTENDANT_KEYS does not contain/,
    );
    // The failed start released everything: a correct configuration starts again.
    await (await start(config)).close();
  });

  if (engine.name === "pglite") {
    it("lets only one service use a data folder at a time", async () => {
      const config = await engine.createConfig();
      const service = await start(config);
      await withService(service, async () => {
        await expect(start(config)).rejects.toThrow(/is in use by another Attendant process/);
        expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      });
    });

    it("runs the embedded demo without configured keys by generating a keyring in the data folder", async () => {
      const config = await engine.createConfig();
      const service = await start({ ...config, keyring: undefined });
      await withService(service, async () => {
        expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      });
      expect(existsSync(path.join(config.dataDir, "keyring.json"))).toBe(true);
    });
  }
});
