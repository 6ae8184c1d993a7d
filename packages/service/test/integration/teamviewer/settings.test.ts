/**
 * The admin forms: the organisation's TeamViewer app and the company script token. Bad input
 * gets a clear 4xx and stores nothing; secrets are stored encrypted, never shown, never audited.
 */
import { expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { findOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { findTeamViewerApp, saveTeamViewerApp } from "../../../src/db/repositories/teamviewer-apps.js";
import { organisationScriptTokens, teamViewerApps } from "../../../src/db/schema.js";
import { buildOAuth } from "../../../src/teamviewer/build-clients.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, type Harness, pageText } from "./harness.js";

const validApp = {
  clientId: "424242-RealAppClientId000001",
  clientSecret: "RealAppSecret0000000000000000001",
  redirectUri: "https://support.example.com/teamviewer/callback",
  authorizeUrl: "https://login.teamviewer.com/oauth2/authorize",
  apiBaseUrl: "https://webapi.teamviewer.com/api/v1",
};

async function auditActions(h: Harness) {
  return (await listAuditEvents(h.database.db, { organisationId: h.organisationId })).events;
}

describeEachEngine("TeamViewer settings", (engine) => {
  it("stores the app with the secret encrypted and audits the change without the secret", async () => {
    const h = await createHarness(engine, { withApp: false });
    const admin = await h.signIn("admin");
    const answer = await h.post("/settings/teamviewer", admin, validApp);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/settings/teamviewer?notice=saved");

    expect(await findTeamViewerApp(h.database.db, h.vault, h.organisationId)).toMatchObject(validApp);
    const rows = await h.database.db.select().from(teamViewerApps);
    expect(JSON.stringify(rows)).not.toContain(validApp.clientSecret);
    const [event] = await auditActions(h);
    expect(event).toMatchObject({
      action: "teamviewer_app.updated",
      actor: { userId: admin.userId },
      details: { clientId: validApp.clientId, changed: expect.arrayContaining(["clientSecret"]) },
    });
    expect(JSON.stringify(event)).not.toContain(validApp.clientSecret);
  });

  it("never shows the stored secret, keeps it when the field is empty and replaces it when one is typed", async () => {
    const h = await createHarness(engine, { withApp: false });
    const admin = await h.signIn("admin");
    await h.post("/settings/teamviewer", admin, validApp);
    const page = await (await h.get("/settings/teamviewer", admin)).text();
    expect(page).not.toContain(validApp.clientSecret);
    expect(page).toContain(validApp.clientId);

    await h.post("/settings/teamviewer", admin, {
      ...validApp,
      clientSecret: "",
      clientId: "424242-Renamed",
    });
    expect(await findTeamViewerApp(h.database.db, h.vault, h.organisationId)).toMatchObject({
      clientId: "424242-Renamed",
      clientSecret: validApp.clientSecret,
    });
    await h.post("/settings/teamviewer", admin, { ...validApp, clientSecret: "AnotherSecret" });
    expect((await findTeamViewerApp(h.database.db, h.vault, h.organisationId))?.clientSecret).toBe(
      "AnotherSecret",
    );
  });

  it.each([
    ["a missing client ID", { clientId: "" }, "Enter the client ID"],
    ["a client ID with a space", { clientId: "4242 42" }, "contains spaces or line breaks"],
    ["a missing secret while none is stored", { clientSecret: "" }, "Enter the client secret"],
    [
      "a plain-http API URL to another machine",
      { apiBaseUrl: "http://webapi.teamviewer.com/api/v1" },
      "Use an https:// address",
    ],
    [
      "a plain-http authorize URL to another machine",
      { authorizeUrl: "http://login.example/authorize" },
      "Use an https:// address",
    ],
    ["a redirect URI that is not a URL", { redirectUri: "teamviewer/callback" }, "Enter a full address"],
    [
      "a redirect URI that misses our callback",
      { redirectUri: "https://support.example.com/oauth" },
      "must end in /teamviewer/callback",
    ],
    [
      "a URL with credentials in it",
      { apiBaseUrl: "https://user:pw@webapi.teamviewer.com/api/v1" },
      "Enter a full address",
    ],
    ["an ftp URL", { authorizeUrl: "ftp://login.teamviewer.com/" }, "Enter a full address"],
    [
      "an upper-case HTTP API URL to another machine",
      { apiBaseUrl: "HTTP://webapi.teamviewer.com/api/v1" },
      "Use an https:// address",
    ],
    [
      "a plain-http API URL to a name that only starts like a loopback address",
      { apiBaseUrl: "http://127.0.0.1.nip.io/api/v1" },
      "Use an https:// address",
    ],
    [
      "a plain-http authorize URL to a host under localhost's name elsewhere",
      { authorizeUrl: "http://localhost.evil.example/oauth2/authorize" },
      "Use an https:// address",
    ],
    [
      "a plain-http redirect URI to another machine",
      { redirectUri: "http://support.example.com/teamviewer/callback" },
      "Use an https:// address",
    ],
  ])("refuses %s with 422 and stores nothing", async (_name, change, message) => {
    const h = await createHarness(engine, { withApp: false });
    const admin = await h.signIn("admin");
    const answer = await h.post("/settings/teamviewer", admin, { ...validApp, ...change });
    expect(answer.status).toBe(422);
    const text = await pageText(answer);
    expect(text).toContain(message);
    expect(text).toContain("nothing was saved");
    expect(text).not.toContain(validApp.clientSecret);
    expect(await findTeamViewerApp(h.database.db, h.vault, h.organisationId)).toBeUndefined();
    expect(await auditActions(h)).toEqual([]);
  });

  it("accepts plain http to a loopback host, for a local simulator", async () => {
    const h = await createHarness(engine, { withApp: false });
    const admin = await h.signIn("admin");
    const local = {
      ...validApp,
      authorizeUrl: "http://127.0.0.1:4010/oauth2/authorize",
      apiBaseUrl: "http://localhost:4010/api/v1",
    };
    expect((await h.post("/settings/teamviewer", admin, local)).status).toBe(303);
    expect(await findTeamViewerApp(h.database.db, h.vault, h.organisationId)).toMatchObject(local);
  });

  it("warns on the settings page while an address uses plain http to this machine, and not otherwise", async () => {
    const h = await createHarness(engine, { withApp: false });
    const admin = await h.signIn("admin");
    await h.post("/settings/teamviewer", admin, validApp);
    expect(await pageText(await h.get("/settings/teamviewer", admin))).not.toContain("plain http");
    await h.post("/settings/teamviewer", admin, { ...validApp, apiBaseUrl: "http://localhost:4010/api/v1" });
    const warned = await pageText(await h.get("/settings/teamviewer", admin));
    expect(warned).toContain(
      "Plain http: the client secret and the tokens travel unencrypted. That is allowed only to this machine",
    );
  });

  it("refuses to send the client secret over plain http to another host, even for an app stored before the rule", async () => {
    const h = await createHarness(engine);
    const stored = await findTeamViewerApp(h.database.db, h.vault, h.organisationId);
    if (stored === undefined) throw new Error("the harness stores the simulator's app");
    await saveTeamViewerApp(
      h.database.db,
      h.vault,
      { ...stored, apiBaseUrl: "http://webapi.teamviewer.example/api/v1" },
      h.clock.now(),
    );
    const browser = await h.signIn("supporter");
    const started = await h.get("/connection/start", browser);
    expect(started.status).toBe(303);
    expect(started.headers.get("location")).toBe("/connection?notice=insecure-app");
    expect(await pageText(await h.get("/connection?notice=insecure-app", browser))).toContain(
      "has a plain http:// address to another computer",
    );
    const anyCall = () =>
      buildOAuth(h.deps, { ...stored, apiBaseUrl: "http://webapi.teamviewer.example/api/v1" });
    expect(anyCall).toThrow(/plain http/);
    expect(h.simulator.admin.journal()).toEqual([]);
  });

  it("lets only admins see or change the settings", async () => {
    const h = await createHarness(engine, { withApp: false });
    const supporter = await h.signIn("supporter");
    expect((await h.get("/settings/teamviewer", supporter)).status).toBe(403);
    expect((await h.get("/health", supporter)).status).toBe(403);
    expect((await h.post("/settings/teamviewer", supporter, validApp)).status).toBe(403);
    expect((await h.post("/settings/teamviewer/script-token", supporter, { scriptToken: "x" })).status).toBe(
      403,
    );
    expect(await findTeamViewerApp(h.database.db, h.vault, h.organisationId)).toBeUndefined();
  });

  it("checks a script token with TeamViewer before storing it encrypted, and audits without it", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const token = h.simulator.demo().scriptToken;
    const answer = await h.post("/settings/teamviewer/script-token", admin, { scriptToken: ` ${token} ` });
    expect(answer.headers.get("location")).toBe("/settings/teamviewer?notice=script-token-saved");

    expect(await findOrganisationScriptToken(h.database.db, h.vault, h.organisationId)).toBe(token);
    expect(JSON.stringify(await h.database.db.select().from(organisationScriptTokens))).not.toContain(token);
    const pings = h.simulator.admin.journal().filter((entry) => entry.path === "/api/v1/ping");
    expect(pings).toHaveLength(1);
    const [event] = await auditActions(h);
    expect(event?.action).toBe("script_token.saved");
    expect(JSON.stringify(event)).not.toContain(token);
    expect(await (await h.get("/settings/teamviewer", admin)).text()).not.toContain(token);
  });

  it.each([
    ["an empty token", "", "This field is required."],
    ["a token with a line break", "10000001-Attendant\nDemoScript1", "does not look like a TeamViewer token"],
    [
      "a token TeamViewer does not accept",
      "99999999-NoSuchScriptToken000",
      "TeamViewer does not accept this token",
    ],
  ])("refuses %s with 422 and stores nothing", async (_name, scriptToken, message) => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const answer = await h.post("/settings/teamviewer/script-token", admin, { scriptToken });
    expect(answer.status).toBe(422);
    expect(await pageText(answer)).toContain(message);
    expect(await findOrganisationScriptToken(h.database.db, h.vault, h.organisationId)).toBeUndefined();
  });

  it("stores nothing when TeamViewer cannot be reached to check the script token", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    h.simulator.admin.planFault({ path: "/api/v1/ping", kind: "status", status: 400, times: "always" });
    const answer = await h.post("/settings/teamviewer/script-token", admin, {
      scriptToken: h.simulator.demo().scriptToken,
    });
    expect(answer.status).toBe(422);
    expect(await pageText(answer)).toContain("could not be reached to check the token");
    expect(await findOrganisationScriptToken(h.database.db, h.vault, h.organisationId)).toBeUndefined();
  });

  it("removes the script token and audits it", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    await h.post("/settings/teamviewer/script-token", admin, { scriptToken: h.simulator.demo().scriptToken });
    const answer = await h.post("/settings/teamviewer/script-token/delete", admin);
    expect(answer.headers.get("location")).toBe("/settings/teamviewer?notice=script-token-removed");
    expect(await findOrganisationScriptToken(h.database.db, h.vault, h.organisationId)).toBeUndefined();
    expect((await auditActions(h))[0]?.action).toBe("script_token.deleted");
  });
});
