/**
 * Two organisations side by side in one app, each with an admin, a supporter and an auditor
 * (signed in), and one of everything that has an id: a support session with its ticket, an
 * invitation and a join link, a connection report, a webhook endpoint with a delivery. Org A
 * gets API keys with each scope alone, all scopes, and a revoked key, and a second supporter (the
 * colleague, signed in and with an all-scopes key acting for them) who owns nothing; the
 * installation's operator has an operator key and a revoked one. The
 * authorisation matrix and the fuzz tests fire requests from org A's principals at org A's and
 * org B's ids.
 */
import type { ConnectionReport } from "@attendant/teamviewer";
import { sql } from "drizzle-orm";
import { createApiKey, listApiKeys, revokeApiKey } from "../../../src/api-keys/api-keys.js";
import { saveConnectionReportExtra } from "../../../src/db/repositories/connection-report-extras.js";
import { upsertConnectionReports } from "../../../src/db/repositories/connection-reports.js";
import { saveHelpdeskConnection } from "../../../src/db/repositories/helpdesk-connections.js";
import type { User } from "../../../src/db/repositories/users.js";
import { fanOutWebhookEvents } from "../../../src/db/repositories/webhooks.js";
import { type ApiKeyScope, apiKeyScopes, type UserRole } from "../../../src/db/schema.js";
import { startEmbedSession } from "../../../src/embedding/embed-sessions.js";
import { registerIntegration } from "../../../src/embedding/manage-embedding-integrations.js";
import { cookieName, cookiePolicyFor } from "../../../src/identity/session-cookie.js";
import { sessionCookie } from "../../../src/identity/web-context.js";
import { startWebSession } from "../../../src/identity/web-sessions.js";
import { createOperatorKey, revokeOperatorKey } from "../../../src/operator/operator-keys.js";
import { toConnectionReportValues } from "../../../src/reports/report-record.js";
import { discoverSyncAccounts } from "../../../src/reports/sync-sources.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import type { TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";
import type { Browser } from "../../web/web-harness.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
  type PagesHarness,
} from "../session-pages/pages-harness.js";

export const webRoles = ["admin", "supporter", "auditor"] as const satisfies readonly UserRole[];
export type WebRole = (typeof webRoles)[number];

/** The ids a route's path parameters are filled with. */
export interface PartyFixtures {
  organisationId: string;
  sessionId: string;
  ticketExternalId: string;
  reportId: string;
  userId: string;
  endpointId: string;
  deliveryId: string;
  /** A helpdesk registered for the ticket widget. */
  integrationId: string;
  /** A write of the session's events to the party's helpdesk. */
  helpdeskWriteId: string;
  invitationId: string;
  joinToken: string;
  apiKeyId: string;
  /** A screenshot of the report's connection, listed as the sync stores it. */
  screenshotId: string;
}

/** A browser with a signed-in session, and that session's CSRF token for form posts. */
export interface SignedIn {
  browser: Browser;
  csrf: string;
}

export interface Party {
  organisationId: string;
  users: Record<WebRole, User>;
  browsers: Record<WebRole, Browser>;
  /** A CSRF token of each role's browser session, for form posts. */
  csrf: Record<WebRole, string>;
  fixtures: PartyFixtures;
  /** Strings only this organisation's data contains: none may appear in the other's answers. */
  markers: string[];
  /** Strings only the supporter's own work contains: a colleague may see none of them. */
  supporterMarkers: string[];
}

export interface AbuseWorld {
  h: PagesHarness;
  a: Party;
  b: Party;
  /** Org A keys: one per scope alone, one with every scope, one revoked (it had every scope). */
  keys: { byScope: Record<ApiKeyScope, string>; all: string; revoked: string };
  /** Org A's second supporter: none of org A's fixtures is theirs. */
  colleague: { signedIn: SignedIn; key: string };
  /** The installation's operator: a live operator key, a revoked one, and a browser signed in on /operator. */
  operator: { key: string; revoked: string; signedIn: SignedIn };
  /** An open ticket widget of org A's admin: its embed token (the X-Attendant-Embed header). */
  embedToken: string;
  /** A fingerprint per table of everything stored, to prove a request changed nothing. */
  snapshot(): Promise<Record<string, string>>;
}

export async function createAbuseWorld(engine: TestEngine): Promise<AbuseWorld> {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const a = await createParty(h, h.organisationId, "contoso", "u7005");
  const orgB = await createSimulatedOrganisation(
    { db: h.database.db, vault: h.deps.vault, clock: h.clock, simulator: h.simulator },
    "http://localhost:3000",
  );
  const b = await createParty(h, orgB.id, "fabrikam", "u7006");

  const adminA = h.actorOf(a.users.admin);
  const keyOf = async (scopes: ApiKeyScope[]) =>
    (await createApiKey(h.deps, { actor: adminA, name: scopes.join(" "), scopes, actingUserId: null })).token;
  const byScope = Object.fromEntries(
    await Promise.all(apiKeyScopes.map(async (scope) => [scope, await keyOf([scope])] as const)),
  ) as Record<ApiKeyScope, string>;
  const all = await keyOf([...apiKeyScopes]);
  const revoked = await keyOf([...apiKeyScopes]);
  const revokedRow = (await listApiKeys(h.deps, { actor: adminA })).find((key) =>
    revoked.startsWith(`atd_${key.prefix}_`),
  );
  if (revokedRow === undefined) throw new Error("the key to revoke is not listed");
  await revokeApiKey(h.deps, { actor: adminA, apiKeyId: revokedRow.id });

  const colleague = await addSimulatedUser(
    {
      db: h.database.db,
      vault: h.deps.vault,
      clock: h.clock,
      simulator: h.simulator,
      organisationId: a.organisationId,
    },
    { role: "supporter", email: "colleague@contoso.example" },
  );
  const colleagueBrowser = await signInDirectly(h, colleague);
  const { token: colleagueKey } = await createApiKey(h.deps, {
    actor: adminA,
    name: "colleague",
    scopes: [...apiKeyScopes],
    actingUserId: colleague.id,
  });

  const operatorDeps = { db: h.database.db, clock: h.clock };
  const { token: operatorKey } = await createOperatorKey(operatorDeps, { name: "matrix" });
  const { token: revokedOperatorKey } = await createOperatorKey(operatorDeps, { name: "matrix revoked" });
  await revokeOperatorKey(operatorDeps, revokedOperatorKey);
  const { token: embedToken } = await startEmbedSession(
    { db: h.database.db, clock: h.clock },
    {
      userId: a.users.admin.id,
      asserted: {
        integrationId: a.fixtures.integrationId,
        agentEmail: a.users.admin.email,
        ticket: { externalId: a.fixtures.ticketExternalId, title: "contoso printer is on fire" },
        nonce: "matrix-widget",
        expiresAt: new Date(h.clock.now().getTime() + 60_000),
      },
    },
  );
  const operatorBrowser = h.visitor();
  await operatorBrowser.submit("/operator/sign-in", "/operator/sign-in", { operatorKey });

  return {
    h,
    a,
    b,
    keys: { byScope, all, revoked },
    embedToken,
    operator: {
      key: operatorKey,
      revoked: revokedOperatorKey,
      signedIn: { browser: operatorBrowser, csrf: await operatorBrowser.csrfTokenFrom("/operator") },
    },
    colleague: {
      signedIn: { browser: colleagueBrowser, csrf: await colleagueBrowser.csrfTokenFrom("/profile") },
      key: colleagueKey,
    },
    snapshot: () => snapshotTables(h),
  };
}

async function createParty(
  h: PagesHarness,
  organisationId: string,
  name: string,
  teamViewerUserid: string,
): Promise<Party> {
  const context = {
    db: h.database.db,
    vault: h.deps.vault,
    clock: h.clock,
    simulator: h.simulator,
    organisationId,
  };
  const users = {} as Record<WebRole, User>;
  const browsers = {} as Record<WebRole, Browser>;
  const csrf = {} as Record<WebRole, string>;
  for (const role of webRoles) {
    users[role] = await addSimulatedUser(context, {
      role,
      email: `${role}@${name}.example`,
      ...(role === "supporter" ? { teamViewerUserid } : {}),
    });
    browsers[role] = await signInDirectly(h, users[role]);
    csrf[role] = await browsers[role].csrfTokenFrom("/profile");
  }

  const { endpoint } = await createEndpoint(
    { ...h.deps, config: h.config, attemptTimeoutMs: 1_000 },
    {
      actor: h.actorOf(users.admin),
      input: { url: `https://hooks.${name}.example/attendant`, description: `${name} CRM`, eventTypes: [] },
    },
  );
  const { integration } = await registerIntegration(h.deps, {
    actor: h.actorOf(users.admin),
    input: { name: `${name} helpdesk`, allowedOrigins: [`https://desk.${name}.example`] },
  });
  const { token: fixtureKey } = await createApiKey(h.deps, {
    actor: h.actorOf(users.admin),
    name: `${name} fixtures`,
    scopes: ["sessions:read"],
    actingUserId: null,
  });
  const apiKey = (await listApiKeys(h.deps, { actor: h.actorOf(users.admin) })).find((key) =>
    fixtureKey.startsWith(`atd_${key.prefix}_`),
  );

  // A helpdesk connection, so the session's events also become helpdesk writes (never written:
  // nothing runs the writer here, and nothing listens at its address).
  await saveHelpdeskConnection(
    h.database.db,
    h.deps.vault,
    {
      organisationId,
      kind: "request-tracker",
      baseUrl: "http://127.0.0.1:1",
      token: `${name}-helpdesk-token`,
      sessionField: "TeamViewer session",
      noteLocale: "en",
      writesSessionField: true,
      writesSessionNotes: true,
      writesConnectionNotes: true,
      writesInvitationReplies: false,
    },
    h.clock.now(),
  );
  const ticketExternalId = `${name}-ticket-1`;
  const sessionPath = await createSessionThroughPage(browsers.supporter, {
    externalId: ticketExternalId,
    title: `${name} printer is on fire`,
  });
  const sessionId = sessionPath.split("/")[2] ?? "";
  const mailsBefore = h.sentMail.length;
  const invited = await invite(browsers.supporter, sessionPath, { email: `customer@${name}.example` });
  if (invited.status >= 400) throw new Error(`inviting answered ${invited.status}`);
  const joinPath = joinPathIn(h.sentMail[mailsBefore]?.text ?? "");
  const [invitation] = await queryRows<{ id: string }>(
    h.database.db,
    sql`select id from session_invitations where session_id = ${sessionId}`,
  );
  const [session] = await queryRows<{ code: string }>(
    h.database.db,
    sql`select code from support_sessions where id = ${sessionId}`,
  );
  const code = session?.code ?? "";

  // A connection of that session with a screenshot, ended and reported, stored as the supporter's
  // sync account would store it, with its screenshots' list.
  h.simulator.admin.customerJoin(code);
  h.simulator.admin.supporterConnect(code);
  h.simulator.admin.takeScreenshot(code);
  const report = h.simulator.admin.endConnection(code) as unknown as ConnectionReport;
  await discoverSyncAccounts({ ...h.deps, config: h.config }, { organisationId, backfillDays: 1 });
  const [syncAccount] = await queryRows<{ id: string }>(
    h.database.db,
    sql`select id from report_sync_accounts where user_id = ${users.supporter.id}`,
  );
  await upsertConnectionReports(
    h.database.db,
    [toConnectionReportValues(report, { organisationId, syncAccountId: syncAccount?.id ?? null })],
    h.clock.now(),
  );
  const [storedReport] = await queryRows<{ id: string }>(
    h.database.db,
    sql`select id from connection_reports where teamviewer_report_id = ${report.id}`,
  );
  const supporterClient = await h.deps.teamViewer.createTeamViewerClientFor({
    userId: users.supporter.id,
    organisationId,
  });
  const screenshots = await supporterClient.reports.connectionExtras.screenshots(report.id);
  await saveConnectionReportExtra(h.database.db, {
    connectionReportId: storedReport?.id ?? "",
    kind: "screenshots",
    state: "available",
    content: screenshots,
    fetchedAt: h.clock.now(),
  });

  // The session's events become deliveries to the endpoint (nobody sends them in this test).
  await fanOutWebhookEvents(h.database.db, h.clock.now(), 100);
  const [delivery] = await queryRows<{ id: string }>(
    h.database.db,
    sql`select id from webhook_deliveries where endpoint_id = ${endpoint.id} limit 1`,
  );
  if (delivery === undefined) throw new Error("no webhook delivery to use as a fixture");
  const [helpdeskWrite] = await queryRows<{ id: string }>(
    h.database.db,
    sql`select id from helpdesk_writes where organisation_id = ${organisationId} limit 1`,
  );
  if (helpdeskWrite === undefined) throw new Error("no helpdesk write to use as a fixture");

  return {
    organisationId,
    users,
    browsers,
    csrf,
    fixtures: {
      organisationId,
      sessionId,
      ticketExternalId,
      reportId: storedReport?.id ?? "",
      userId: users.supporter.id,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      integrationId: integration.id,
      helpdeskWriteId: helpdeskWrite.id,
      apiKeyId: apiKey?.id ?? "",
      invitationId: invitation?.id ?? "",
      screenshotId: screenshots[0]?.screenshotId ?? "",
      joinToken: joinPath.slice("/join/".length),
    },
    markers: [ticketExternalId, code, `${name}.example`, report.id, sessionId, endpoint.id],
    supporterMarkers: [ticketExternalId, code, report.id, sessionId],
  };
}

/**
 * The login page signs in to the installation's default organisation only, so a second
 * organisation's people get their browser session the way the login page would make it.
 */
async function signInDirectly(h: PagesHarness, user: User): Promise<Browser> {
  const { token } = await startWebSession({ db: h.database.db, clock: h.clock }, { userId: user.id });
  const browser = h.visitor();
  browser.cookies.set(cookieName(cookiePolicyFor("http://localhost:3000"), sessionCookie), token);
  return browser;
}

/** Tables a request may touch without storing anything a caller asked for. */
const bookkeepingTables = new Set([
  // Sign-in sessions slide their expiry on use; API keys record when they were last used.
  "web_sessions",
  "api_keys",
  "api_key_rate_windows",
  "operator_keys",
  // Refused access is itself worth auditing.
  "audit_log",
  "__drizzle_migrations",
]);

async function snapshotTables(h: PagesHarness): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    h.database.db,
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  // One round trip: a digest of each table's rows in a stable order.
  const digests = tables
    .filter(({ name }) => !bookkeepingTables.has(name))
    .map(
      ({ name }) =>
        sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
              from ${sql.identifier(name)} t`,
    );
  const rows = await queryRows<{ name: string; digest: string }>(
    h.database.db,
    sql.join(digests, sql` union all `),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
