/**
 * The admin's health page says, in plain words, what is wrong with the TeamViewer setup and how
 * to fix it in the Management Console.
 */
import { expect, it } from "vitest";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { defaultRedirectUri } from "../../../src/teamviewer/app-endpoints.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, type Harness, pageText } from "./harness.js";

async function section(h: Harness, browser: Awaited<ReturnType<Harness["signIn"]>>, id: string) {
  const html = await (await h.get("/health", browser)).text();
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return "";
  const end = html.indexOf("</section>", start);
  return pageText(new Response(html.slice(start, end)));
}

async function storeScriptToken(h: Harness, token: string) {
  await saveOrganisationScriptToken(
    h.database.db,
    h.vault,
    { organisationId: h.organisationId, token, createdByUserId: null },
    h.clock.now(),
  );
}

describeEachEngine("the TeamViewer health page", (engine) => {
  it("reports every check as OK for a healthy setup, with the account and licence", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    await h.connect(admin);
    await storeScriptToken(h, h.simulator.demo().scriptToken);

    const page = await (await h.get("/health", admin)).text();
    expect(page).not.toContain('data-status="problem"');
    expect(page).not.toContain('data-status="skipped"');
    const user = await section(h, admin, "health-user");
    expect(user).toContain("Kenji Sato (kenji@example.com), licence:");
    expect(user).toContain("Connection reports can be read.");
    expect(await section(h, admin, "health-app")).toContain("TeamViewer accepts the client ID and secret.");
  });

  it("says the client ID or secret is wrong when TeamViewer answers invalid_client", async () => {
    const h = await createHarness(engine, { withApp: false });
    const demo = h.simulator.demo();
    await saveTeamViewerApp(
      h.database.db,
      h.vault,
      { organisationId: h.organisationId, ...demo, clientSecret: "WrongSecret" },
      h.clock.now(),
    );
    const admin = await h.signIn("admin");
    const app = await section(h, admin, "health-app");
    expect(app).toContain("TeamViewer refuses the client ID or secret: one of them is wrong.");
    expect(app).toContain(`the app with client ID ${demo.clientId}`);
    expect(await (await h.get("/health", admin)).text()).not.toContain("WrongSecret");
  });

  it("names the permission the app lacks and where to tick it in the Management Console", async () => {
    const h = await createHarness(engine, { withApp: false });
    const restricted = h.simulator.admin.createApp({
      name: "Attendant without reports",
      redirectUri: defaultRedirectUri("http://localhost:3000"),
      permissions: ["account_management", "session_management"],
    });
    const demo = h.simulator.demo();
    await saveTeamViewerApp(
      h.database.db,
      h.vault,
      {
        organisationId: h.organisationId,
        ...demo,
        clientId: restricted.clientId,
        clientSecret: restricted.clientSecret,
        redirectUri: restricted.redirectUri,
      },
      h.clock.now(),
    );
    const admin = await h.signIn("admin");
    await h.connect(admin);

    const user = await section(h, admin, "health-user");
    expect(user).toContain("Sessions can be read.");
    expect(user).toContain(
      `The app lacks the “Connection reporting” permission. In the Management Console open your profile → Apps → the app with client ID ${restricted.clientId} → Edit, tick “Connection reporting” and save.`,
    );
  });

  it("names the permissions a script token lacks", async () => {
    const h = await createHarness(engine);
    const limited = h.simulator.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["account_management"],
    });
    await storeScriptToken(h, limited.token);
    const admin = await h.signIn("admin");

    const script = await section(h, admin, "health-script");
    expect(script).toContain("The script token lacks the “Session management” permission.");
    expect(script).toContain("The script token lacks the “Connection reporting” permission.");
    expect(script).toContain("edit the script token and tick “Connection reporting”");
  });

  it("tells the admin to reconnect when TeamViewer no longer accepts their connection", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    await h.connect(admin);
    h.simulator.admin.reset();
    expect(await section(h, admin, "health-user")).toContain(
      "TeamViewer no longer accepts your connection. Open the connection page and press “Reconnect TeamViewer”.",
    );
  });

  it("says what was not checked, and that no app is configured", async () => {
    const configured = await createHarness(engine);
    const admin = await configured.signIn("admin");
    expect(await section(configured, admin, "health-user")).toContain(
      "You have not connected your own TeamViewer account",
    );
    expect(await section(configured, admin, "health-script")).toContain("No company script token is stored.");

    const empty = await createHarness(engine, { withApp: false });
    const emptyAdmin = await empty.signIn("admin");
    expect(await section(empty, emptyAdmin, "health-app")).toContain("No TeamViewer app is configured.");
  });
});
