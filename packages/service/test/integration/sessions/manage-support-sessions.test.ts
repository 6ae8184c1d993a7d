import { expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import type { User } from "../../../src/db/repositories/users.js";
import { ConnectionReportError } from "../../../src/reports/connection-report-error.js";
import { listTicketConnections } from "../../../src/reports/list-connection-reports.js";
import { closeSupportSession } from "../../../src/sessions/close-support-session.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { getSupportSession, revealSupporterLinks } from "../../../src/sessions/get-support-session.js";
import { listSupportSessions } from "../../../src/sessions/list-support-sessions.js";
import { reassignSupportSession } from "../../../src/sessions/reassign-support-session.js";
import { refreshSupportSessionStatus } from "../../../src/sessions/refresh-support-session-status.js";
import { SupportSessionError } from "../../../src/sessions/support-session-error.js";
import { updateSupportSession } from "../../../src/sessions/update-support-session.js";
import { closeTicket } from "../../../src/tickets/close-ticket.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const ana = await h.addUser("supporter", { teamViewerUserid: "u7006" });
  const admin = await h.addUser("admin");
  const auditor = await h.addUser("auditor");
  const open = (user: User, externalId = "4711") =>
    createSupportSession(h.deps, {
      actor: h.actorOf(user),
      ticket: { ...sampleTicket, externalId },
      group: { id: "g40211" },
    }).then((created) => created.session);
  return { h, kenji, ana, admin, auditor, open };
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) =>
      error instanceof SupportSessionError || error instanceof ConnectionReportError ? error.reason : error,
  );

const codesOf = (page: { sessions: { code: string }[] }) =>
  page.sessions.map((session) => session.code).sort();

function remoteSession(h: SessionHarness, code: string) {
  return h.teamViewerSessions().then((all) => all.find((session) => session.code === code));
}

describeEachEngine("managing support sessions", (engine) => {
  it("lists mine for supporters and the organisation's only for admins and auditors", async () => {
    const { h, kenji, ana, admin, auditor, open } = await setUp(engine);
    const kenjis = await open(kenji);
    const anas = await open(ana, "4712");
    const list = (user: User, kind: "mine" | "organisation") =>
      listSupportSessions(h.deps, { actor: h.actorOf(user), scope: { kind } });
    expect(codesOf(await list(kenji, "mine"))).toEqual([kenjis.code]);
    expect(await reasonOf(list(kenji, "organisation"))).toBe("forbidden");
    expect(codesOf(await list(admin, "organisation"))).toEqual([kenjis.code, anas.code].sort());
    expect(codesOf(await list(auditor, "organisation"))).toHaveLength(2);
    expect(await reasonOf(getSupportSession(h.deps, { actor: h.actorOf(ana), sessionId: kenjis.id }))).toBe(
      "session-not-found",
    );
  });

  it("lists a ticket's sessions, the supporter's own only", async () => {
    const { h, kenji, ana, admin, open } = await setUp(engine);
    await open(kenji);
    await open(ana);
    await open(kenji, "other");
    const list = (user: User) =>
      listSupportSessions(h.deps, { actor: h.actorOf(user), scope: { kind: "ticket", externalId: "4711" } });
    expect((await list(admin)).sessions).toHaveLength(2);
    expect((await list(kenji)).sessions).toHaveLength(1);
    expect(
      await reasonOf(
        listSupportSessions(h.deps, {
          actor: h.actorOf(admin),
          scope: { kind: "ticket", externalId: "nope" },
        }),
      ),
    ).toBe("ticket-not-found");
  });

  it("marks open sessions past valid_until as expired and filters by state", async () => {
    const { h, kenji, open } = await setUp(engine);
    const session = await open(kenji);
    const actor = h.actorOf(kenji);
    h.clock.advance(25 * 3600 * 1000);
    const [expired] = (await listSupportSessions(h.deps, { actor, scope: { kind: "mine" } })).sessions;
    expect(expired).toMatchObject({ id: session.id, state: "open", isExpired: true, status: "expired" });
    const byState = async (state: "open" | "expired" | "closed") =>
      (await listSupportSessions(h.deps, { actor, scope: { kind: "mine" }, state })).sessions.length;
    expect([await byState("open"), await byState("expired"), await byState("closed")]).toEqual([0, 1, 0]);
  });

  it("pages newest first with a cursor and filters by creation date", async () => {
    const { h, kenji, open } = await setUp(engine);
    const first = await open(kenji, "1");
    h.clock.advance(60_000);
    const second = await open(kenji, "2");
    h.clock.advance(60_000);
    const third = await open(kenji, "3");
    const actor = h.actorOf(kenji);
    const page1 = await listSupportSessions(h.deps, { actor, scope: { kind: "mine" }, paging: { limit: 2 } });
    expect(page1.sessions.map((s) => s.id)).toEqual([third.id, second.id]);
    const page2 = await listSupportSessions(h.deps, {
      actor,
      scope: { kind: "mine" },
      paging: { limit: 2, ...(page1.nextCursor === undefined ? {} : { cursor: page1.nextCursor }) },
    });
    expect(page2).toEqual({ sessions: [expect.objectContaining({ id: first.id })] });
    const ranged = await listSupportSessions(h.deps, {
      actor,
      scope: { kind: "mine" },
      from: second.createdAt,
      to: second.createdAt,
    });
    expect(ranged.sessions.map((s) => s.id)).toEqual([second.id]);
  });

  it("closes at TeamViewer first and stores the close only on success", async () => {
    const { h, kenji, auditor, open } = await setUp(engine);
    const session = await open(kenji);
    expect(
      await reasonOf(closeSupportSession(h.deps, { actor: h.actorOf(auditor), sessionId: session.id })),
    ).toBe("forbidden");
    h.simulator.admin.planFault({ method: "PUT", path: "/api/v1/sessions/*", kind: "status", status: 403 });
    expect(
      await reasonOf(closeSupportSession(h.deps, { actor: h.actorOf(kenji), sessionId: session.id })),
    ).toBe("permission-missing");
    expect((await getSupportSession(h.deps, { actor: h.actorOf(kenji), sessionId: session.id })).state).toBe(
      "open",
    );
    const closed = await closeSupportSession(h.deps, { actor: h.actorOf(kenji), sessionId: session.id });
    expect(closed).toMatchObject({ state: "closed", status: "closed" });
    expect((await remoteSession(h, session.code))?.state).toBe("Closed");
  });

  it("updates the description and waiting message at TeamViewer, then locally", async () => {
    const { h, kenji, open } = await setUp(engine);
    const session = await open(kenji);
    const actor = h.actorOf(kenji);
    h.simulator.admin.planFault({ method: "PUT", path: "/api/v1/sessions/*", kind: "status", status: 400 });
    expect(
      await reasonOf(
        updateSupportSession(h.deps, { actor, sessionId: session.id, changes: { description: "x" } }),
      ),
    ).toBe("rejected");
    const updated = await updateSupportSession(h.deps, {
      actor,
      sessionId: session.id,
      changes: { description: "Mail sync fixed", waitingMessage: "Kenji joins in a minute" },
    });
    expect(updated).toMatchObject({
      description: "Mail sync fixed",
      waitingMessage: "Kenji joins in a minute",
    });
    expect(updated.version).toBe(session.version + 1);
    expect(await remoteSession(h, session.code)).toMatchObject({ description: "Mail sync fixed" });
  });

  it("reassigns to a connected colleague's TeamViewer user id", async () => {
    const { h, kenji, ana, auditor, open } = await setUp(engine);
    const session = await open(kenji);
    const actor = h.actorOf(kenji);
    expect(
      await reasonOf(
        reassignSupportSession(h.deps, { actor, sessionId: session.id, assigneeUserId: auditor.id }),
      ),
    ).toBe("assignee-unavailable");
    const reassigned = await reassignSupportSession(h.deps, {
      actor,
      sessionId: session.id,
      assigneeUserId: ana.id,
    });
    expect(reassigned.assignedUserId).toBe(ana.id);
    expect((await remoteSession(h, session.code))?.assigned_userid).toBe("u7006");
    // Handed over: Kenji no longer sees it, Ana can act on it.
    expect(await reasonOf(getSupportSession(h.deps, { actor, sessionId: session.id }))).toBe(
      "session-not-found",
    );
    await closeSupportSession(h.deps, { actor: h.actorOf(ana), sessionId: session.id });
  });

  it("reveals supporter links only to the assigned supporter and admins, and audits each reveal", async () => {
    const { h, kenji, admin, auditor, open } = await setUp(engine);
    const session = await open(kenji);
    const links = await revealSupporterLinks(h.deps, { actor: h.actorOf(kenji), sessionId: session.id });
    expect(links.supporterLink).toContain("/v15/");
    expect(await revealSupporterLinks(h.deps, { actor: h.actorOf(admin), sessionId: session.id })).toEqual(
      links,
    );
    expect(
      await reasonOf(revealSupporterLinks(h.deps, { actor: h.actorOf(auditor), sessionId: session.id })),
    ).toBe("forbidden");
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    const reveals = events.filter((event) => event.action === "support_session.links_revealed");
    expect(reveals).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(links.supporterLink);
  });

  it("refreshes state and the customer's presence from TeamViewer", async () => {
    const { h, kenji, auditor, open } = await setUp(engine);
    const session = await open(kenji);
    h.simulator.admin.customerJoin(session.code);
    const refreshed = await refreshSupportSessionStatus(h.deps, {
      actor: h.actorOf(auditor),
      sessionId: session.id,
    });
    expect(refreshed).toMatchObject({ isOnline: true, status: "customer-online" });
    expect(refreshed.lastRefreshedAt).toEqual(h.clock.now());
  });

  it("closes a ticket and, when asked, the supporter's own open sessions, never naming a colleague's", async () => {
    const { h, kenji, ana, open } = await setUp(engine);
    const mine = await open(kenji);
    const colleagues = await open(ana);
    const result = await closeTicket(h.deps, {
      actor: h.actorOf(kenji),
      externalId: "4711",
      closeOpenSessions: true,
    });
    expect(result.ticket).toMatchObject({ externalId: "4711", status: "closed" });
    expect(result.closedSessionIds).toEqual([mine.id]);
    expect(result.failedSessions).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(colleagues.id);
    expect((await remoteSession(h, colleagues.code))?.state).toBe("Open");
  });

  it("refuses a supporter every ticket route on a ticket holding nothing of theirs, as not found", async () => {
    const { h, kenji, ana, open } = await setUp(engine);
    const colleagues = await open(ana);
    await open(ana, "4712");
    for (const externalId of ["4711", "4712"]) {
      expect(
        await reasonOf(closeTicket(h.deps, { actor: h.actorOf(kenji), externalId, closeOpenSessions: true })),
      ).toBe("ticket-not-found");
      expect(
        await reasonOf(
          listSupportSessions(h.deps, { actor: h.actorOf(kenji), scope: { kind: "ticket", externalId } }),
        ),
      ).toBe("ticket-not-found");
      expect(
        await reasonOf(
          listTicketConnections(h.deps, { actor: h.actorOf(kenji), ticketExternalId: externalId }),
        ),
      ).toBe("ticket-not-found");
    }
    const stillOpen = await listSupportSessions(h.deps, {
      actor: h.actorOf(ana),
      scope: { kind: "ticket", externalId: "4711" },
    });
    expect(stillOpen.sessions.map((session) => [session.id, session.state])).toEqual([
      [colleagues.id, "open"],
    ]);
    expect((await remoteSession(h, colleagues.code))?.state).toBe("Open");
  });
});
