import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { setOrganisationDisabledAt } from "../../../src/db/repositories/organisations.js";
import type { User } from "../../../src/db/repositories/users.js";
import { createOrphanSessionSweeper } from "../../../src/jobs/orphan-session-sweeper.js";
import { closeExpiredSessions, expiryActorLabel } from "../../../src/sessions/close-expired-sessions.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { getSupportSession } from "../../../src/sessions/get-support-session.js";
import { loadSessionPolicy, saveSessionPolicy } from "../../../src/sessions/session-policy.js";
import { SupportSessionError } from "../../../src/sessions/support-session-error.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { createManualIntervalTimers } from "../../support/manual-interval-timers.js";
import { queryRows } from "../../support/query-rows.js";
import { createPagesHarness, type PagesHarness } from "../session-pages/pages-harness.js";
import { sampleTicket } from "./session-harness.js";

const hourMs = 3600_000;
const policyPath = "/settings/sessions";

async function setUp(engine: TestEngine) {
  const h = await createPagesHarness(engine);
  const admin = await h.addUser("admin");
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  // An endpoint for every event, so the events reach the outbox where the test reads them.
  await createEndpoint(
    { ...h.deps, config: h.config },
    {
      actor: h.actorOf(admin),
      input: { url: "https://hooks.example.com/in", description: "", eventTypes: [] },
    },
  );
  const open = (user: User, validHours = 2) =>
    createSupportSession(h.deps, {
      actor: h.actorOf(user),
      ticket: sampleTicket,
      group: { id: "g40211" },
      validUntil: new Date(h.clock.now().getTime() + validHours * hourMs),
    }).then((created) => created.session);
  const closeAtTeamViewer = (isOn: boolean) =>
    saveSessionPolicy(h.deps, h.actorOf(admin), { closesExpiredSessions: isOn });
  return { h, admin, kenji, open, closeAtTeamViewer };
}

function remoteState(h: PagesHarness, code: string) {
  return h
    .teamViewerSessions()
    .then((all) => all.find((session) => session.code === code)?.state.toLowerCase());
}

/** The session's outbox events as `type@time`; one fake-clock instant may carry several, so sorted. */
function eventsOf(h: PagesHarness, sessionId: string) {
  return queryRows<{ type: string; created_at: Date }>(
    h.database.db,
    sql`select type, created_at from webhook_events where payload->>'id' = ${sessionId}`,
  ).then((rows) => rows.map((row) => `${row.type}@${new Date(row.created_at).toISOString()}`).sort());
}

describeEachEngine("closing sessions at TeamViewer once they expire", (engine) => {
  it("closes an expired session at TeamViewer once its organisation asks for it, announcing the expiry before the close", async () => {
    const { h, admin, kenji, open, closeAtTeamViewer } = await setUp(engine);
    await closeAtTeamViewer(true);
    const session = await open(kenji);
    const createdAt = h.clock.now().toISOString();

    h.clock.advance(2 * hourMs + 1000);
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 1, failed: 0 });

    expect(await remoteState(h, session.code)).toBe("closed");
    const stored = await getSupportSession(h.deps, { actor: h.actorOf(admin), sessionId: session.id });
    expect(stored.status).toBe("closed");
    // The expiry is announced no later than the close, in the webhooks' order of time.
    const expiredAt = h.clock.now().toISOString();
    expect(await eventsOf(h, session.id)).toEqual([
      `session.closed@${expiredAt}`,
      `session.created@${createdAt}`,
      `session.expired@${expiredAt}`,
    ]);
    const audit = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(
      audit.events.find(
        (event) => event.action === "support_session.closed" && event.actor.label === expiryActorLabel,
      ),
    ).toMatchObject({ target: { type: "support_session", id: session.id } });
    // The webhook dispatcher's own sweep, or the next clean-up, adds nothing.
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 0, failed: 0 });
    expect(await eventsOf(h, session.id)).toHaveLength(3);
  });

  it("leaves expired sessions open at TeamViewer while the organisation has not asked for it", async () => {
    const { h, admin, kenji, open } = await setUp(engine);
    const session = await open(kenji);
    h.clock.advance(3 * hourMs);
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 0, failed: 0 });
    expect(await remoteState(h, session.code)).toBe("open");
    const stored = await getSupportSession(h.deps, { actor: h.actorOf(admin), sessionId: session.id });
    expect(stored.status).toBe("expired");
  });

  it("leaves sessions that are still valid, and every session of a disabled organisation", async () => {
    const { h, kenji, open, closeAtTeamViewer } = await setUp(engine);
    await closeAtTeamViewer(true);
    const shortLived = await open(kenji, 1);
    const longLived = await open(kenji, 48);
    await setOrganisationDisabledAt(h.database.db, h.organisationId, h.clock.now());
    h.clock.advance(2 * hourMs);
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 0, failed: 0 });
    expect(await remoteState(h, shortLived.code)).toBe("open");

    await setOrganisationDisabledAt(h.database.db, h.organisationId, null);
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 1, failed: 0 });
    expect(await remoteState(h, shortLived.code)).toBe("closed");
    expect(await remoteState(h, longLived.code)).toBe("open");
  });

  it("tries a close that TeamViewer refused again at the next sweep, and announces the expiry once", async () => {
    const { h, kenji, open, closeAtTeamViewer } = await setUp(engine);
    await closeAtTeamViewer(true);
    const session = await open(kenji);
    h.clock.advance(3 * hourMs);
    h.simulator.admin.planFault({ method: "PUT", path: "/api/v1/sessions/*", kind: "status", status: 403 });
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 0, failed: 1 });
    expect(await remoteState(h, session.code)).toBe("open");
    expect(h.logs()).toContain("could not close an expired session at TeamViewer");

    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 1, failed: 0 });
    expect(await remoteState(h, session.code)).toBe("closed");
    expect((await eventsOf(h, session.id)).map((event) => event.split("@")[0])).toEqual([
      "session.closed",
      "session.created",
      "session.expired",
    ]);
  });

  it("gives up on a session that expired more than a week ago", async () => {
    const { h, kenji, open, closeAtTeamViewer } = await setUp(engine);
    const session = await open(kenji);
    h.clock.advance(8 * 24 * hourMs);
    await closeAtTeamViewer(true);
    expect(await closeExpiredSessions(h.deps)).toEqual({ closed: 0, failed: 0 });
    expect(await remoteState(h, session.code)).toBe("open");
  });

  it("runs in the background clean-up that every instance starts", async () => {
    const { h, kenji, open, closeAtTeamViewer } = await setUp(engine);
    await closeAtTeamViewer(true);
    const session = await open(kenji);
    h.clock.advance(3 * hourMs);
    const sweeper = createOrphanSessionSweeper({ deps: h.deps, timers: createManualIntervalTimers() });
    expect((await sweeper.tick()).expired).toEqual({ closed: 1, failed: 0 });
    expect(await remoteState(h, session.code)).toBe("closed");
  });
});

describeEachEngine("the session rules page", (engine) => {
  it("lets an admin switch closing at TeamViewer on and off, and records each change once", async () => {
    const { h, admin } = await setUp(engine);
    const browser = await h.signIn(admin, "Ada Admin");
    const page = await (await browser.get(policyPath)).text();
    expect(page).toContain("Close sessions at TeamViewer when they expire");
    expect(page).not.toMatch(/name="closesExpiredSessions"[^>]*checked/);

    const on = await browser.submit(policyPath, policyPath, { closesExpiredSessions: "on" });
    expect(on.status).toBe(303);
    expect(on.headers.get("location")).toBe(`${policyPath}?notice=saved`);
    expect(await loadSessionPolicy(h.deps, h.actorOf(admin))).toEqual({ closesExpiredSessions: true });
    expect(await (await browser.get(`${policyPath}?notice=saved`)).text()).toMatch(
      /name="closesExpiredSessions"[^>]*checked/,
    );
    await browser.submit(policyPath, policyPath, { closesExpiredSessions: "on" });

    await browser.submit(policyPath, policyPath, {});
    expect(await loadSessionPolicy(h.deps, h.actorOf(admin))).toEqual({ closesExpiredSessions: false });
    const audit = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(audit.events.filter((event) => event.action === "session_policy.updated")).toHaveLength(2);
  });

  it("refuses a value other than a ticked box with a message that says what to send, and changes nothing", async () => {
    const { h, admin, closeAtTeamViewer } = await setUp(engine);
    await closeAtTeamViewer(true);
    const browser = await h.signIn(admin, "Ada Admin");
    const refused = await browser.submit(policyPath, policyPath, { closesExpiredSessions: "yes please" });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("Tick the box or leave it empty; nothing else is accepted. Nothing was changed.");
    expect(html).toMatch(/name="closesExpiredSessions"[^>]*checked/);
    expect(await loadSessionPolicy(h.deps, h.actorOf(admin))).toEqual({ closesExpiredSessions: true });
  });

  it("is for admins only, in the pages and in the use case", async () => {
    const { h, kenji } = await setUp(engine);
    const browser = await h.signIn(kenji);
    expect((await browser.get(policyPath)).status).toBe(403);
    await expect(
      saveSessionPolicy(h.deps, h.actorOf(kenji), { closesExpiredSessions: true }),
    ).rejects.toBeInstanceOf(SupportSessionError);
    const auditor = await h.addUser("auditor");
    await expect(loadSessionPolicy(h.deps, h.actorOf(auditor))).rejects.toMatchObject({
      reason: "forbidden",
    });
  });
});
