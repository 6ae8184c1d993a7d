/**
 * Demo mode (issue 4): with no TeamViewer app configured, the service runs the simulator next to
 * itself, on loopback, with our callback as the demo app's redirect URI; a banner says so.
 */
import { expect, it, vi } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { startService } from "../../../src/server.js";
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
