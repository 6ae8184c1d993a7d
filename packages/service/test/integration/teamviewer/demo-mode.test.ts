/**
 * Demo mode (issue 4): with no TeamViewer app configured, the service runs the simulator next to
 * itself, on loopback, with our callback as the demo app's redirect URI; a banner says so.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { DEMO } from "@attendant/simulator";
import { expect, it, vi } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { startService } from "../../../src/server.js";
import { demoSimulatorStateFileName } from "../../../src/teamviewer/demo-simulator-state-file.js";
import { resolveTeamViewerApp } from "../../../src/teamviewer/teamviewer-app.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { captureLogs } from "../../support/capture-logs.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, pageText } from "./harness.js";

const bannerText = "Demo mode: Attendant is talking to the built-in TeamViewer simulator";

async function start(config: Parameters<typeof startService>[0]) {
  const logs = captureLogs();
  // The demo sign-in link goes to the console; keep test output clean.
  const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    const service = await startService(config, { logger: logs.logger, port: 0, handleSignals: false });
    return { service, logs };
  } finally {
    write.mockRestore();
  }
}

function simulatorUrlIn(logs: string): string | undefined {
  return /"simulatorUrl":"([^"]+)"/.exec(logs)?.[1];
}

async function callSimulator(logs: string, method: string, path: string, body: unknown, token?: string) {
  return fetch(`${simulatorUrlIn(logs)}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
}

describeEachEngine("demo mode", (engine) => {
  if (engine.name === "pglite") {
    it("runs the simulator on loopback with our callback as redirect URI, and shows the banner", async () => {
      const config = await engine.createConfig({ ATTENDANT_PUBLIC_URL: "http://localhost:3999" });
      const { service, logs } = await start(config);
      try {
        const simulatorUrl = simulatorUrlIn(logs.text());
        expect(simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const demo = await (await fetch(`${simulatorUrl}/__sim/demo`)).json();
        expect(demo.redirectUri).toBe("http://localhost:3999/teamviewer/callback");
        const login = await fetch(`${service.url}/login`);
        expect(await pageText(login)).toContain(bannerText);
      } finally {
        await service.close();
      }
      // Closing the service closes the simulator too.
      await expect(fetch(`${simulatorUrlIn(logs.text())}/__sim/demo`)).rejects.toThrow();
    });

    it("carries on after a restart: a session created before it can still be handed over with the same token", async () => {
      const config = await engine.createConfig();
      const first = await start(config);
      let code: string;
      let accessToken: string;
      try {
        const logs = first.logs.text();
        const tokens = await callSimulator(logs, "POST", "/__sim/tokens", {
          clientId: DEMO.app.clientId,
          userid: "u7005",
        });
        accessToken = (await tokens.json()).accessToken;
        const created = await callSimulator(
          logs,
          "POST",
          "/api/v1/sessions",
          { groupid: "g40211", description: "Printer jams" },
          accessToken,
        );
        expect(created.status).toBe(200);
        code = (await created.json()).code;
      } finally {
        await first.service.close();
      }

      const second = await start(config);
      try {
        const logs = second.logs.text();
        const handedOver = await callSimulator(
          logs,
          "PUT",
          `/api/v1/sessions/${code}`,
          { assigned_userid: "u7006" },
          accessToken,
        );
        expect(handedOver.status).toBe(204);
        const read = await fetch(`${simulatorUrlIn(logs)}/api/v1/sessions/${code}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(await read.json()).toMatchObject({
          code,
          description: "Printer jams",
          assigned_userid: "u7006",
        });
      } finally {
        await second.service.close();
      }
    });

    it("moves an unreadable simulator state aside, says so, and starts the demo empty", async () => {
      const config = await engine.createConfig();
      const stateFile = path.join(config.dataDir, demoSimulatorStateFileName);
      await writeFile(stateFile, '{"version": 1, "world": tru');
      const { service, logs } = await start(config);
      try {
        expect(logs.text()).toContain("The demo simulator's saved state is unreadable");
        const demo = await (await fetch(`${simulatorUrlIn(logs.text())}/__sim/demo`)).json();
        expect(demo.clientId).toBe(DEMO.app.clientId);
      } finally {
        await service.close();
      }
      const aside = (await readdir(config.dataDir)).filter((name) =>
        name.startsWith(`${demoSimulatorStateFileName}.unreadable-`),
      );
      expect(aside).toHaveLength(1);
      expect(await readFile(path.join(config.dataDir, aside[0] ?? ""), "utf8")).toBe(
        '{"version": 1, "world": tru',
      );
    });

    it("starts no simulator once an organisation has registered an app", async () => {
      const config = await engine.createConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const organisation = await createOrganisation(database.db, { name: "Contoso" });
        if (config.keyring === undefined) throw new Error("test config has a keyring");
        await saveTeamViewerApp(
          database.db,
          new SecretBox(config.keyring),
          {
            organisationId: organisation.id,
            clientId: "424242-Real",
            clientSecret: "secret",
            redirectUri: "http://localhost:3000/teamviewer/callback",
            authorizeUrl: "https://login.teamviewer.com/oauth2/authorize",
            apiBaseUrl: "https://webapi.teamviewer.com/api/v1",
          },
          new Date(),
        );
      } finally {
        await database.close();
      }
      const { service, logs } = await start(config);
      await service.close();
      expect(simulatorUrlIn(logs.text())).toBeUndefined();
    });

    it("starts no simulator with ATTENDANT_DEMO=false", async () => {
      const { service, logs } = await start(await engine.createConfig({ ATTENDANT_DEMO: "false" }));
      await service.close();
      expect(simulatorUrlIn(logs.text())).toBeUndefined();
    });
  } else {
    it("is never automatic on PostgreSQL: a shared database is a real deployment", async () => {
      const { service, logs } = await start(await engine.createConfig());
      await service.close();
      expect(simulatorUrlIn(logs.text())).toBeUndefined();
    });
  }

  it("lets an organisation connect through the demo app until an admin saves a real one", async () => {
    const h = await createHarness(engine, { asDemo: true });
    const admin = await h.signIn("admin");
    expect((await h.connect(admin)).headers.get("location")).toBe("/connection?notice=connected");
    expect(await pageText(await h.get("/connection", admin))).toContain(bannerText);
    expect(await pageText(await h.get("/settings/teamviewer", admin))).toContain(
      "This organisation currently uses the built-in TeamViewer simulator.",
    );

    await h.post("/settings/teamviewer", admin, {
      clientId: "424242-RealApp",
      clientSecret: "RealSecret",
      redirectUri: "https://support.example.com/teamviewer/callback",
      authorizeUrl: "https://login.teamviewer.com/oauth2/authorize",
      apiBaseUrl: "https://webapi.teamviewer.com/api/v1",
    });
    expect(await pageText(await h.get("/connection", admin))).not.toContain(bannerText);
    expect((await resolveTeamViewerApp(h.deps, h.organisationId))?.isSimulator).toBe(false);
    // ATTENDANT_DEMO=true keeps the simulator even then.
    const forced = { ...h.deps, config: { ...h.config, demoMode: "on" as const } };
    expect((await resolveTeamViewerApp(forced, h.organisationId))?.isSimulator).toBe(true);
  });
});
