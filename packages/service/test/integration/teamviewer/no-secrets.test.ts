/**
 * No secret in logs, responses, URLs or audit details (docs/security.md). One walk through
 * every TeamViewer feature (settings, script token, connect, refresh, health, disconnect),
 * collecting every token and code the simulator issued, then searching everything we produced.
 */
import { expect, it } from "vitest";
import { exportAuditEventsAsJsonLines } from "../../../src/audit/audit-events.js";
import { findTeamViewerConnection } from "../../../src/db/repositories/teamviewer-connections.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness } from "./harness.js";

describeEachEngine("TeamViewer secrets", (engine) => {
  it("never appear in logs, responses, redirect URLs or the audit log", async () => {
    const h = await createHarness(engine, { withApp: false });
    const demo = h.simulator.demo();
    const secrets = new Set<string>([demo.clientSecret, demo.scriptToken]);
    const produced: string[] = [];
    const keep = async (response: Response) => {
      produced.push(response.headers.get("location") ?? "", await response.text());
    };
    const rememberTokens = async (userId: string) => {
      const connection = await findTeamViewerConnection(h.database.db, h.vault, userId);
      if (connection === undefined) throw new Error("expected a connection");
      secrets.add(connection.accessToken).add(connection.refreshToken);
    };

    let admin = await h.signIn("admin");
    const { accounts: _accounts, scriptToken: _scriptToken, ...app } = demo;
    await keep(await h.post("/settings/teamviewer", admin, app));
    await keep(await h.post("/settings/teamviewer/script-token", admin, { scriptToken: demo.scriptToken }));
    await keep(await h.get("/settings/teamviewer", admin));

    const { authorizeUrl, callbackUrl } = await h.startConnect(admin);
    secrets.add(callbackUrl.searchParams.get("code") ?? "").add(callbackUrl.searchParams.get("state") ?? "");
    produced.push(authorizeUrl.searchParams.get("redirect_uri") ?? "");
    await keep(await h.get(`${callbackUrl.pathname}${callbackUrl.search}`, admin));
    await rememberTokens(admin.userId);

    h.clock.advance(24 * 60 * 60_000 + 1_000);
    admin = await h.reopen(admin);
    await keep(await h.get("/health", admin)); // refreshes the admin's token on the way
    await rememberTokens(admin.userId);
    await keep(await h.get("/connection", admin));
    await keep(await h.get("/", admin));
    await keep(await h.post("/connection/disconnect", admin));

    const audit = await new Response(
      exportAuditEventsAsJsonLines(h.database.db, { organisationId: h.organisationId }),
    ).text();
    const everything = [h.logs(), audit, ...produced].join("\n");
    expect(secrets.size).toBe(8);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(everything).not.toContain(secret);
    }
    // The code exchange, the refresh, and the health page's credentials probe (invalid_grant).
    expect(
      h
        .tokenCalls()
        .map((call) => call.status)
        .sort(),
    ).toEqual([200, 200, 400]);
  });
});
