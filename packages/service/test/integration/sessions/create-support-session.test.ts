import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  deleteTeamViewerConnection,
  saveTeamViewerConnection,
} from "../../../src/db/repositories/teamviewer-connections.js";
import type { SealedTeamViewerCredentials } from "../../../src/db/repositories/teamviewer-credentials.js";
import { teamViewerApps, teamViewerConnections } from "../../../src/db/schema.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { SupportSessionError } from "../../../src/sessions/support-session-error.js";
import { describeEachEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { addSingleSessionLicenceAccount } from "../../support/simulated-users.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

async function setUp(engine: Parameters<typeof createSessionHarness>[0]) {
  const h = await createSessionHarness(engine);
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const create = () =>
    createSupportSession(h.deps, {
      actor: h.actorOf(supporter),
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
      description: "Outlook does not start",
    });
  return { h, supporter, create };
}

/** The organisation's app and the user's connection as the API key look-up reads them. */
async function sealedCredentialsOf(h: SessionHarness, userId: string): Promise<SealedTeamViewerCredentials> {
  const [app] = await h.database.db
    .select()
    .from(teamViewerApps)
    .where(eq(teamViewerApps.organisationId, h.organisationId));
  const [connection] = await h.database.db
    .select()
    .from(teamViewerConnections)
    .where(eq(teamViewerConnections.userId, userId));
  return { app: app ?? null, connection: connection ?? null };
}

async function countRows(h: SessionHarness) {
  const [sessions] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from support_sessions`,
  );
  const [tickets] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from tickets`,
  );
  return { sessions: sessions?.n, tickets: tickets?.n };
}

async function expectFailure(promise: Promise<unknown>, reason: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SupportSessionError);
  expect((error as SupportSessionError).reason).toBe(reason);
  return error as SupportSessionError;
}

describeEachEngine("createSupportSession", (engine) => {
  it("stores the code, links and ticket, and writes the correlation id into custom_api", async () => {
    const { h, create } = await setUp(engine);
    const created = await create();
    expect(created.session.code).toMatch(/^s\d{2,3}-\d{3}-\d{3}$/);
    expect(created.session.ticket).toMatchObject({
      externalId: "4711",
      title: "Outlook does not start",
      status: "open",
    });
    expect(created.session.status).toBe("waiting");
    expect(created.supporterLinks.supporterLink).toContain(created.session.code.replaceAll("-", ""));
    expect(created.wasReconciled).toBe(false);
    const [remote] = await h.teamViewerSessions();
    expect(remote?.custom_api).toBe(`attendant:${created.session.correlationId}`);
    expect(h.simulator.admin.session(created.session.code)).toBeDefined();
  });

  it("keeps the ticket's title, address and requester when a later session names the ticket differently", async () => {
    const { h, supporter, create } = await setUp(engine);
    await create();
    const later = await createSupportSession(h.deps, {
      actor: h.actorOf(supporter),
      ticket: { externalId: sampleTicket.externalId, title: "Printer jams" },
      group: { name: "Helpdesk" },
    });
    expect(later.session.ticket).toMatchObject({ title: sampleTicket.title, url: sampleTicket.url });
    const tickets = await queryRows<Record<string, unknown>>(
      h.database.db,
      sql`select title, url, requester_name, requester_email from tickets`,
    );
    expect(tickets).toEqual([
      {
        title: sampleTicket.title,
        url: sampleTicket.url,
        requester_name: sampleTicket.requesterName,
        requester_email: sampleTicket.requesterEmail,
      },
    ]);
  });

  it("keeps the supporter links encrypted at rest and out of the logs", async () => {
    const { h, create } = await setUp(engine);
    const created = await create();
    const [row] = await queryRows<Record<string, unknown>>(
      h.database.db,
      sql`select * from support_sessions`,
    );
    const stored = JSON.stringify(row);
    const { supporterLink, webClientSupporterLink } = created.supporterLinks;
    expect(supporterLink).toBeTruthy();
    expect(stored).not.toContain(supporterLink);
    expect(stored).not.toContain(webClientSupporterLink);
    expect(String(row?.supporter_link_encrypted)).toMatch(/^v1\./);
    expect(h.logs()).not.toContain(supporterLink);
  });

  it("reconciles a 5xx returned after the session was created instead of duplicating it", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 500,
      when: "after",
    });
    const created = await create();
    expect(created.wasReconciled).toBe(true);
    const remote = await h.teamViewerSessions();
    expect(remote).toHaveLength(1);
    expect(remote[0]?.code).toBe(created.session.code);
    expect(await countRows(h)).toEqual({ sessions: 1, tickets: 1 });
  });

  it("reconciles a connection dropped after the session was created", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "reset", when: "after" });
    const created = await create();
    expect(created.wasReconciled).toBe(true);
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("leaves nothing behind when the request failed before TeamViewer handled it", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "reset" });
    await expectFailure(create(), "unreachable");
    expect(await h.teamViewerSessions()).toEqual([]);
    expect(await countRows(h)).toEqual({ sessions: 0, tickets: 0 });
  });

  it("stores the session with its audit entry in one transaction, and closes it at TeamViewer when that fails", async () => {
    const { h, create } = await setUp(engine);
    await h.database.db.execute(sql`
      create function refuse_session_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'support_session.created' then raise exception 'audit log unavailable'; end if;
        return new;
      end $$`);
    await h.database.db.execute(sql`
      create trigger refuse_session_audit before insert on audit_log
      for each row execute function refuse_session_audit()`);

    try {
      await expect(create()).rejects.toThrow();
    } finally {
      // The PGlite database is reused by the next test of this file.
      await h.database.db.execute(sql`drop trigger refuse_session_audit on audit_log`);
      await h.database.db.execute(sql`drop function refuse_session_audit`);
    }
    expect(await countRows(h)).toEqual({ sessions: 0, tickets: 0 });
    const [remote] = await h.teamViewerSessions();
    expect(remote?.state).toBe("Closed");

    const created = await create();
    const audit = await queryRows<{ action: string; target_id: string }>(
      h.database.db,
      sql`select action, target_id from audit_log where action = 'support_session.created'`,
    );
    expect(audit).toEqual([{ action: "support_session.created", target_id: created.session.id }]);
  });

  it("waits out a short rate limit once and then creates the session", async () => {
    const { h, create } = await setUp(engine);
    const waits: number[] = [];
    h.deps.sleep = async (milliseconds) => {
      waits.push(milliseconds);
      h.clock.advance(milliseconds);
    };
    h.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 429,
      retryAfterSeconds: 7,
    });
    const created = await create();
    expect(waits).toEqual([7000]);
    expect(await h.teamViewerSessions()).toHaveLength(1);
    expect(created.session.code).toMatch(/^s\d{2,3}-\d{3}-\d{3}$/);
  });

  it("surfaces a long rate limit as rate-limited with the seconds to wait", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 429,
      retryAfterSeconds: 45,
    });
    const error = await expectFailure(create(), "rate-limited");
    expect(error.retryAfterSeconds).toBe(45);
    expect(error.messageKey).toBe("sessions.error.rateLimited");
    expect(await countRows(h)).toEqual({ sessions: 0, tickets: 0 });
  });

  for (const body of ["json-string", "text"] as const) {
    it(`explains the licence limit (${body} body)`, async () => {
      const h = await createSessionHarness(engine);
      const solo = addSingleSessionLicenceAccount(h.simulator);
      h.simulator.admin.configure({ quirks: { licenseLimitBody: body } });
      const supporter = await h.addUser("supporter", { teamViewerUserid: solo.userid });
      const create = () =>
        createSupportSession(h.deps, {
          actor: h.actorOf(supporter),
          ticket: sampleTicket,
          group: { id: solo.groupId },
        });
      await create();
      const error = await expectFailure(create(), "licence-limit");
      expect(error.messageKey).toBe("sessions.error.licenceLimit");
      expect(await countRows(h)).toEqual({ sessions: 1, tickets: 1 });
    });
  }

  it("reports a missing TeamViewer permission", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "status", status: 403 });
    await expectFailure(create(), "permission-missing");
  });

  it("asks for a reconnect when TeamViewer refuses the stored grant, without calling POST /sessions", async () => {
    const { h, supporter, create } = await setUp(engine);
    await saveTeamViewerConnection(
      h.database.db,
      h.deps.vault,
      {
        userId: supporter.id,
        teamViewerUserId: "u7005",
        teamViewerName: "Kenji",
        teamViewerEmail: "kenji@example.com",
        accessToken: "12345678-ExpiredExpiredExpired0",
        refreshToken: "12345678-RevokedRevokedRevoked0",
        expiresAt: new Date(h.clock.now().getTime() - 1000),
      },
      h.clock.now(),
    );
    await expectFailure(create(), "needs-reconnect");
    expect(
      h.simulator.admin
        .journal()
        .some((entry) => entry.method === "POST" && entry.path === "/api/v1/sessions"),
    ).toBe(false);
  });

  for (const [who, role, reason] of [
    ["tells a supporter without a TeamViewer connection to connect first", "supporter", "not-connected"],
    ["refuses auditors", "auditor", "forbidden"],
  ] as const) {
    it(who, async () => {
      const h = await createSessionHarness(engine);
      const user = await h.addUser(role);
      const actor = h.actorOf(user);
      await expectFailure(
        createSupportSession(h.deps, { actor, ticket: sampleTicket, group: { name: "Helpdesk" } }),
        reason,
      );
    });
  }

  it("opens the actor's own session with the credentials read along with their API key, without reading them again", async () => {
    const { h, supporter } = await setUp(engine);
    const alreadyRead = await sealedCredentialsOf(h, supporter.id);
    // Gone from the database now: only the credentials passed in can open the session.
    await deleteTeamViewerConnection(h.database.db, supporter.id);

    const created = await createSupportSession(h.deps, {
      actor: h.actorOf(supporter),
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
      actorTeamViewer: alreadyRead,
    });

    const [remote] = await h.teamViewerSessions();
    expect(remote).toMatchObject({ code: created.session.code, assigned_userid: "u7005" });
  });

  it("never opens a session for someone else with the actor's credentials", async () => {
    const { h, supporter } = await setUp(engine);
    const admin = await h.addUser("admin");
    const adminCredentials = await sealedCredentialsOf(h, admin.id);

    const created = await createSupportSession(h.deps, {
      actor: h.actorOf(admin),
      supporterUserId: supporter.id,
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
      actorTeamViewer: adminCredentials,
    });

    expect(created.session.assignedUserId).toBe(supporter.id);
    const [remote] = await h.teamViewerSessions();
    expect(remote?.assigned_userid).toBe("u7005");
    await expect(
      h.deps.teamViewer.createTeamViewerClientFor(
        { userId: admin.id, organisationId: h.organisationId },
        { alreadyRead: await sealedCredentialsOf(h, supporter.id) },
      ),
    ).rejects.toThrow(/credentials read for someone else/);
  });

  it("accepts TeamViewer's empty 201 with a Location header", async () => {
    const { h, create } = await setUp(engine);
    h.simulator.admin.configure({ quirks: { sessionCreateAnswer: "location" } });
    const created = await create();
    expect(created.supporterLinks.supporterLink).toBeTruthy();
    expect(created.wasReconciled).toBe(false);
  });
});
