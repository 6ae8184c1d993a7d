import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  recordHelpdeskCheck,
  saveHelpdeskConnection,
} from "../../../src/db/repositories/helpdesk-connections.js";
import { saveOrganisationScriptToken } from "../../../src/db/repositories/organisation-script-tokens.js";
import { markTeamViewerConnectionNeedsReconnect } from "../../../src/db/repositories/teamviewer-connections.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createSessionHarness } from "../sessions/session-harness.js";

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const ana = await h.addUser("supporter", { teamViewerUserid: "u7006" });
  const newcomer = await h.addUser("supporter");
  const orgKey = await h.createKey(null, ["organisation:read"]);
  return { h, kenji, ana, newcomer, orgKey };
}

describe("users and organisation health over the API", () => {
  const engine = usePgliteEngine();

  it("lists users with their TeamViewer status and a connect link through our sign-in", async () => {
    const { h, kenji, ana, newcomer, orgKey } = await setUp(engine);
    const [connection] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from teamviewer_connections where user_id = ${ana.id}`,
    );
    await markTeamViewerConnectionNeedsReconnect(h.database.db, connection?.id ?? "", h.clock.now());

    const response = await h.api("GET", "/api/v1/users", { key: orgKey });
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as {
      users: { userId: string; teamViewer: { status: string; account: unknown; connectUrl: string } }[];
    };
    const statusOf = (id: string) => users.find((user) => user.userId === id)?.teamViewer;
    expect(statusOf(kenji.id)).toMatchObject({
      status: "connected",
      account: { userId: "u7005" },
      connectUrl: "http://localhost:3000/connection/start",
    });
    expect(statusOf(ana.id)?.status).toBe("needs-reconnect");
    expect(statusOf(newcomer.id)).toMatchObject({ status: "not-connected", account: null });

    // The connect link leads an unsigned visitor to the sign-in page, then back to the flow.
    const visit = await h.app.request("http://localhost:3000/connection/start");
    expect(visit.status).toBe(303);
    expect(visit.headers.get("location")).toContain("/login");
    expect(decodeURIComponent(visit.headers.get("location") ?? "")).toContain("/connection/start");
  });

  it("answers one user's status, 404 for a user of nobody, and lets a supporter's key see only them", async () => {
    const { h, kenji, ana, orgKey } = await setUp(engine);
    const one = await h.api("GET", `/api/v1/users/${kenji.id}/teamviewer`, { key: orgKey });
    expect((await one.json()).teamViewer.status).toBe("connected");

    const unknown = await h.api("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000/teamviewer", {
      key: orgKey,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect((await unknown.json()).code).toBe("user-not-found");

    const kenjisKey = await h.createKey(kenji, ["organisation:read"]);
    expect((await h.api("GET", `/api/v1/users/${kenji.id}/teamviewer`, { key: kenjisKey })).status).toBe(200);
    expect((await h.api("GET", `/api/v1/users/${ana.id}/teamviewer`, { key: kenjisKey })).status).toBe(403);
    expect((await h.api("GET", "/api/v1/users", { key: kenjisKey })).status).toBe(403);
    expect((await h.api("GET", "/api/v1/organisation/health", { key: kenjisKey })).status).toBe(403);

    const withoutScope = await h.createKey(null, ["sessions:read"]);
    const refused = await h.api("GET", "/api/v1/users", { key: withoutScope });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("missing-scope");
  });

  it("reports the organisation's health: app, script token, reconnects needed, sync lag", async () => {
    const { h, ana, orgKey } = await setUp(engine);
    const before = await (await h.api("GET", "/api/v1/organisation/health", { key: orgKey })).json();
    expect(before).toMatchObject({
      isHealthy: true,
      teamViewerApp: { isConfigured: true, isSimulator: false },
      scriptToken: { isConfigured: false, isValid: false },
      connections: { connected: 3 - 1, needsReconnect: [] },
      reportSync: { maxLagSeconds: null, accounts: [] },
      helpdesk: { isConfigured: false, isHealthy: true, kind: null, baseUrl: null, problems: [] },
    });
    expect(before.teamViewerApp.checks[0]).toMatchObject({ status: "ok", check: "Client ID and secret" });

    await saveOrganisationScriptToken(
      h.database.db,
      h.deps.vault,
      { organisationId: h.organisationId, token: "10000001-NotTheRightToken", createdByUserId: null },
      h.clock.now(),
    );
    const [connection] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from teamviewer_connections where user_id = ${ana.id}`,
    );
    await markTeamViewerConnectionNeedsReconnect(h.database.db, connection?.id ?? "", h.clock.now());
    const response = await h.api("GET", "/api/v1/organisation/health", {
      key: orgKey,
      headers: { "accept-language": "de" },
    });
    const after = await response.json();
    expect(after.isHealthy).toBe(false);
    expect(after.scriptToken).toMatchObject({ isConfigured: true, isValid: false });
    expect(after.scriptToken.checks.some((check: { status: string }) => check.status === "problem")).toBe(
      true,
    );
    expect(after.connections.needsReconnect).toEqual([{ userId: ana.id, email: expect.any(String) }]);
    expect(after.teamViewerApp.checks[0].check).toBe("Client-ID und Secret");
  });

  it("reports the helpdesk connection's last check with what to fix, and counts a problem against isHealthy", async () => {
    const { h, orgKey } = await setUp(engine);
    await saveHelpdeskConnection(
      h.database.db,
      h.deps.vault,
      {
        organisationId: h.organisationId,
        kind: "request-tracker",
        baseUrl: "https://rt.example.com",
        token: "1-7-SecretHelpdeskToken0001",
        sessionField: "TeamViewer session",
        noteLocale: "en",
        writesSessionField: true,
        writesSessionNotes: false,
        writesConnectionNotes: true,
        writesInvitationReplies: false,
      },
      h.clock.now(),
    );
    const neverChecked = await (await h.api("GET", "/api/v1/organisation/health", { key: orgKey })).json();
    expect(neverChecked).toMatchObject({
      isHealthy: false,
      helpdesk: {
        isConfigured: true,
        isHealthy: false,
        kind: "request-tracker",
        lastCheckedAt: null,
        problems: [],
      },
    });

    const [row] = await queryRows<{ id: string }>(h.database.db, sql`select id from helpdesk_connections`);
    await recordHelpdeskCheck(h.database.db, {
      id: row?.id ?? "",
      problems: [{ kind: "missing-rights", rights: ["CommentOnTicket"], where: "queue General" }],
      checkedAt: h.clock.now(),
    });
    const response = await h.api("GET", "/api/v1/organisation/health", {
      key: orgKey,
      headers: { "accept-language": "de" },
    });
    const body = await response.json();
    expect(body.helpdesk).toEqual({
      isConfigured: true,
      isHealthy: false,
      kind: "request-tracker",
      baseUrl: "https://rt.example.com",
      lastCheckedAt: h.clock.now().toISOString(),
      problems: [
        {
          kind: "missing-rights",
          message:
            "Dem API-Benutzer fehlen diese Rechte in queue General: CommentOnTicket. Vergeben Sie sie im Helpdesk.",
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain("SecretHelpdeskToken");

    await recordHelpdeskCheck(h.database.db, { id: row?.id ?? "", problems: [], checkedAt: h.clock.now() });
    const healthy = await (await h.api("GET", "/api/v1/organisation/health", { key: orgKey })).json();
    expect(healthy).toMatchObject({ isHealthy: true, helpdesk: { isHealthy: true, problems: [] } });
  });
});
