/**
 * "Connect TeamViewer" end to end in-process, against the strict simulator: the OAuth
 * properties of docs/security.md, each proven by name.
 */
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { findTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import { oauthStates } from "../../../src/db/schema.js";
import { hashState, stateLifetimeMs } from "../../../src/teamviewer/connect-flow.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, pageText } from "./harness.js";

describeEachEngine("connecting TeamViewer", (engine) => {
  it("connects through state and PKCE S256 and shows the TeamViewer account", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const { authorizeUrl, callbackUrl } = await h.startConnect(browser);

    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const callback = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);
    expect(callback.status).toBe(303);
    expect(callback.headers.get("location")).toBe("/connection?notice=connected");

    const connection = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
    expect(connection).toMatchObject({
      status: "connected",
      teamViewerUserId: "u7005",
      teamViewerName: "Kenji Sato",
      teamViewerEmail: "kenji@example.com",
    });
    const page = await pageText(await h.get("/connection?notice=connected", browser));
    expect(page).toContain("Your TeamViewer account is connected.");
    expect(page).toContain("Kenji Sato (kenji@example.com)");
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("teamviewer.connected");
  });

  it("creates a fresh 256-bit state per click, stored only as its hash and bound to the browser session", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const first = (await h.startConnect(browser)).authorizeUrl.searchParams.get("state") ?? "";
    const second = (await h.startConnect(browser)).authorizeUrl.searchParams.get("state") ?? "";

    expect(first).not.toBe(second);
    expect(Buffer.from(first, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const rows = await h.database.db.select().from(oauthStates);
    expect(rows.map((row) => row.stateHash).sort()).toEqual([hashState(first), hashState(second)].sort());
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(rows.every((row) => row.webSessionId === browser.webSessionId)).toBe(true);
    expect(hashState(first)).toBe(createHash("sha256").update(first).digest("hex"));
  });

  it("sends exactly the configured redirect URI", async () => {
    const h = await createHarness(engine);
    const { authorizeUrl, callbackUrl } = await h.startConnect(await h.signIn());
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe("http://localhost:3000/teamviewer/callback");
    // The strict simulator redirects only to the registered URI, so arriving proves the match.
    expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe("http://localhost:3000/teamviewer/callback");
  });

  it("accepts a state only once", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const { callbackUrl } = await h.startConnect(browser);
    const path = `${callbackUrl.pathname}${callbackUrl.search}`;
    expect((await h.get(path, browser)).headers.get("location")).toBe("/connection?notice=connected");
    expect((await h.get(path, browser)).headers.get("location")).toBe("/connection?notice=expired");
  });

  it("refuses a state after ten minutes", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const { callbackUrl } = await h.startConnect(browser);
    h.clock.advance(stateLifetimeMs + 1_000);
    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);
    expect(answer.headers.get("location")).toBe("/connection?notice=expired");
    expect(await findTeamViewerConnection(h.database.db, h.vault, browser.userId)).toBeUndefined();
  });

  it("refuses a state started in another browser session, even of the same user", async () => {
    const h = await createHarness(engine);
    const victim = await h.signIn();
    const { callbackUrl } = await h.startConnect(victim);
    const attacker = await h.signIn();
    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, attacker);
    expect(answer.headers.get("location")).toBe("/connection?notice=expired");
    expect(await findTeamViewerConnection(h.database.db, h.vault, attacker.userId)).toBeUndefined();
    // The forged attempt did not spend the victim's state.
    const own = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, victim);
    expect(own.headers.get("location")).toBe("/connection?notice=connected");
  });

  it("answers the callback with no-store and no-referrer and never logs the code", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const { callbackUrl } = await h.startConnect(browser);
    const code = callbackUrl.searchParams.get("code") ?? "";
    const state = callbackUrl.searchParams.get("state") ?? "";
    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);

    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    expect(code.length).toBeGreaterThan(10);
    expect(h.logs()).toContain('"path":"/teamviewer/callback"');
    expect(h.logs()).not.toContain(code);
    expect(h.logs()).not.toContain(state);
  });

  it("redirects only to the fixed connection page, whatever the callback carries", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const { callbackUrl } = await h.startConnect(browser);
    for (const name of ["next", "return_to", "redirect", "redirect_uri"]) {
      callbackUrl.searchParams.set(name, "https://evil.example/steal");
    }
    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);
    expect(answer.headers.get("location")).toBe("/connection?notice=connected");
  });

  it("sends a signed-out visitor to the connection page without the code in any URL", async () => {
    const h = await createHarness(engine);
    const { callbackUrl } = await h.startConnect(await h.signIn());
    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/connection?notice=expired");
  });

  it("explains a declined consent in friendly words and stores nothing", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    h.simulator.admin.configure({ autoApprove: false });
    const started = await h.get("/connection/start", browser);
    const authorizeUrl = new URL(started.headers.get("location") ?? "");
    const form = new URLSearchParams(authorizeUrl.searchParams);
    form.set("decision", "deny");
    const denied = await h.simulator.fetch(`${authorizeUrl.origin}/oauth2/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    const callbackUrl = new URL(denied.headers.get("location") ?? "");
    expect(callbackUrl.searchParams.get("error")).toBe("access_denied");

    const answer = await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, browser);
    expect(answer.headers.get("location")).toBe("/connection?notice=denied");
    expect(await findTeamViewerConnection(h.database.db, h.vault, browser.userId)).toBeUndefined();
    expect(await pageText(await h.get("/connection?notice=denied", browser))).toContain(
      "You declined the connection at TeamViewer.",
    );
  });

  it("ignores notices that are not on the fixed list", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const page = await h.get("/connection?notice=%3Cscript%3Ealert(1)%3C/script%3E", browser);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("alert(1)");
  });

  it("starts the flow from a GET link, because the CSP's form-action would block a form's redirect", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    const html = await (await h.get("/connection", browser)).text();
    expect(html).toContain('href="/connection/start"');
    const started = await h.get("/connection/start", browser);
    expect(started.status).toBe(302);
    expect(started.headers.get("cache-control")).toBe("no-store");
    expect(started.headers.get("location")).toMatch(/^http:\/\/localhost:4010\/oauth2\/authorize\?/);
  });

  it("disconnects: revokes the grant at TeamViewer, then deletes the tokens", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    await h.connect(browser);
    const connection = await findTeamViewerConnection(h.database.db, h.vault, browser.userId);
    if (connection === undefined) throw new Error("expected a connection");

    const answer = await h.post("/connection/disconnect", browser);
    expect(answer.headers.get("location")).toBe("/connection?notice=disconnected");
    expect(await findTeamViewerConnection(h.database.db, h.vault, browser.userId)).toBeUndefined();
    const revokes = h.simulator.admin.journal().filter((entry) => /\/oauth2\/revoke$/i.test(entry.path));
    expect(revokes.map((entry) => entry.status)).toEqual([204]);
    const ping = await h.simulator.fetch(`${h.simulator.publicOrigin}/api/v1/ping`, {
      headers: { authorization: `Bearer ${connection.accessToken}` },
    });
    expect(await ping.json()).toEqual({ token_valid: false });
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events[0]).toMatchObject({ action: "teamviewer.disconnected", details: { revoke: "revoked" } });
  });

  it("still deletes the tokens when TeamViewer cannot be reached to revoke, and audits that", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    await h.connect(browser);
    h.simulator.admin.planFault({ path: "/api/v1/oauth2/revoke", kind: "status", status: 503 });

    const answer = await h.post("/connection/disconnect", browser);
    expect(answer.headers.get("location")).toBe("/connection?notice=revoke-failed");
    expect(await findTeamViewerConnection(h.database.db, h.vault, browser.userId)).toBeUndefined();
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events[0]).toMatchObject({ action: "teamviewer.disconnected", details: { revoke: "failed" } });
  });

  it("refuses a disconnect without the CSRF token", async () => {
    const h = await createHarness(engine);
    const browser = await h.signIn();
    await h.connect(browser);
    const answer = await h.post("/connection/disconnect", { ...browser, csrfToken: "forged" });
    expect(answer.status).toBe(403);
    expect(await findTeamViewerConnection(h.database.db, h.vault, browser.userId)).toBeDefined();
  });
});
