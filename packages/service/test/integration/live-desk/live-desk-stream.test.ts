/**
 * Issue 24, "Pushed to browsers": the live desk's event streams (src/live/live-routes.tsx). A
 * change arrives on the stream once the status check stored it (here "Check status now"; the
 * background watch of src/jobs/ does the same by itself) and the desk watch looked at the
 * database, which these tests make happen with manual timers: nothing waits on a clock.
 */
import { describe, expect, it } from "vitest";
import type { User } from "../../../src/db/repositories/users.js";
import { createApp } from "../../../src/http/create-app.js";
import { cookieName, cookiePolicyFor } from "../../../src/identity/session-cookie.js";
import { sessionCookie } from "../../../src/identity/web-context.js";
import { startWebSession } from "../../../src/identity/web-sessions.js";
import type { DeskSnapshot } from "../../../src/live/desk-snapshot.js";
import { describeOnPostgresql, type TestEngine, usePgliteEngine } from "../../support/engines.js";
import { readEventStream } from "../../support/event-stream.js";
import { createManualIntervalTimers } from "../../support/manual-interval-timers.js";
import { addSimulatedUser, createSimulatedOrganisation } from "../../support/simulated-users.js";
import { Browser } from "../../web/web-harness.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  type PagesHarness,
} from "../session-pages/pages-harness.js";

async function setUp(engine: TestEngine, options: { streamsPerUser?: number } = {}) {
  const timers = createManualIntervalTimers();
  const h = await createPagesHarness(engine, { liveDesk: { timers, ...options } });
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const browser = await h.signIn(supporter, "Kenji Sato");
  const sessionPath = await createSessionThroughPage(browser);
  const sessionId = sessionPath.split("/")[2] ?? "";
  return { h, timers, supporter, browser, sessionPath, sessionId };
}

/** The TeamViewer session code, as the session page shows it. */
async function codeOf(browser: Browser, sessionPath: string): Promise<string> {
  const page = await (await browser.get(sessionPath)).text();
  const code = /<code>(s[0-9-]+)<\/code>/.exec(page)?.[1];
  if (code === undefined) throw new Error(`no session code on ${sessionPath}`);
  return code;
}

/** The customer starts QuickSupport, and the supporter presses "Check status now". */
async function customerArrives(h: PagesHarness, browser: Browser, sessionPath: string) {
  h.simulator.admin.customerJoin(await codeOf(browser, sessionPath));
  const refreshed = await browser.submit(sessionPath, `${sessionPath}/refresh`, {});
  expect(refreshed.status).toBe(303);
}

async function open(browser: Browser, path: string) {
  const response = await browser.get(path);
  expect(response.status, await peek(response)).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return readEventStream(response);
}

async function peek(response: Response): Promise<string> {
  return response.headers.get("content-type")?.startsWith("text/event-stream")
    ? "a stream"
    : response.clone().text();
}

const snapshotOf = (event: { data: string }) => JSON.parse(event.data) as DeskSnapshot;

async function signInUser(h: PagesHarness, user: User, name: string): Promise<Browser> {
  return h.signIn(user, name);
}

describe("live desk event streams", () => {
  const engine = usePgliteEngine();

  it("sends a session page's stream the customer's arrival and wait, after the status check stored it", async () => {
    const { h, timers, browser, sessionPath, sessionId } = await setUp(engine);
    const stream = await open(browser, `/live/sessions/${sessionId}`);
    expect(snapshotOf(await stream.next())).toEqual({
      waiting: [],
      session: { id: sessionId, status: "waiting", customerWaitingSince: null, reportCount: 0 },
    });

    await customerArrives(h, browser, sessionPath);
    timers.fire();
    const since = h.clock.now().toISOString();
    expect(snapshotOf(await stream.next())).toEqual({
      waiting: [{ sessionId, since }],
      session: { id: sessionId, status: "customer-online", customerWaitingSince: since, reportCount: 0 },
    });
    await stream.close();
  });

  it("carries no supporter link, queue token or ticket title on the stream", async () => {
    const { h, timers, browser, sessionPath, sessionId } = await setUp(engine);
    const page = await (await browser.get(sessionPath)).text();
    const supporterLink = /href="([^"]+)"[^>]*id="open-in-teamviewer"/.exec(page)?.[1] ?? "";
    const queueToken = /servicequeuetoken=([A-Za-z0-9]+)/.exec(page)?.[1] ?? "";
    expect(queueToken).not.toBe("");
    const stream = await open(browser, `/live/sessions/${sessionId}`);
    const first = await stream.next();
    await customerArrives(h, browser, sessionPath);
    timers.fire();
    const second = await stream.next();
    for (const event of [first, second]) {
      expect(event.data).not.toContain(supporterLink);
      expect(event.data).not.toContain(queueToken);
      expect(event.data).not.toContain("Outlook does not start");
    }
    await stream.close();
  });

  it("scopes the queue like the session lists: the supporter's own, the organisation's for admins and auditors", async () => {
    const { h, timers, browser, sessionPath, sessionId } = await setUp(engine);
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const colleagueBrowser = await signInUser(h, colleague, "Mia Colleague");
    const colleaguePath = await createSessionThroughPage(colleagueBrowser, { externalId: "4712" });
    const colleagueSessionId = colleaguePath.split("/")[2] ?? "";
    const admin = await signInUser(h, await h.addUser("admin"), "Ada Admin");
    const auditor = await signInUser(h, await h.addUser("auditor"), "Otto Auditor");
    const streams = {
      colleague: await open(colleagueBrowser, "/live/desk"),
      admin: await open(admin, "/live/desk"),
      auditor: await open(auditor, "/live/desk"),
    };
    for (const stream of Object.values(streams))
      expect(snapshotOf(await stream.next())).toEqual({ waiting: [] });

    await customerArrives(h, browser, sessionPath);
    h.clock.advance(60_000);
    await customerArrives(h, colleagueBrowser, colleaguePath);
    timers.fire();

    const both = [sessionId, colleagueSessionId];
    const idsOf = (snapshot: DeskSnapshot) => snapshot.waiting.map((customer) => customer.sessionId);
    expect(idsOf(snapshotOf(await streams.admin.next()))).toEqual(both);
    expect(idsOf(snapshotOf(await streams.auditor.next()))).toEqual(both);
    // The colleague's first event after the change already lists only their own customer.
    expect(idsOf(snapshotOf(await streams.colleague.next()))).toEqual([colleagueSessionId]);
    for (const stream of Object.values(streams)) await stream.close();
  });

  it("refuses a stream of a colleague's session (404), as the session page does", async () => {
    const { h, sessionId } = await setUp(engine);
    const colleague = await signInUser(h, await h.addUser("supporter", { teamViewerUserid: "u7006" }), "Mia");
    const response = await colleague.get(`/live/sessions/${sessionId}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No session with this id is visible to you");
    expect((await colleague.get(`/sessions/${sessionId}`)).status).toBe(404);
  });

  it("refuses another organisation's admin and auditor a session's stream (404)", async () => {
    const { h, sessionId } = await setUp(engine);
    const other = await createSimulatedOrganisation(
      { db: h.database.db, vault: h.deps.vault, clock: h.clock, simulator: h.simulator },
      "http://localhost:3000",
    );
    for (const role of ["admin", "auditor"] as const) {
      const user = await addSimulatedUser(
        {
          db: h.database.db,
          vault: h.deps.vault,
          clock: h.clock,
          simulator: h.simulator,
          organisationId: other.id,
        },
        { role, email: `${role}@fabrikam.example` },
      );
      // The login form signs in to the first organisation; a browser session is what the stream checks.
      const { token } = await startWebSession({ db: h.database.db, clock: h.clock }, { userId: user.id });
      const browser = h.visitor();
      browser.cookies.set(cookieName(cookiePolicyFor("http://localhost:3000"), sessionCookie), token);
      const response = await browser.get(`/live/sessions/${sessionId}`);
      expect(response.status, role).toBe(404);
    }
  });

  it("refuses malformed and unknown session ids with a message that says what an id looks like", async () => {
    const { browser } = await setUp(engine);
    for (const malformed of [
      "42",
      "not-a-uuid",
      "0f8a3a62-1f7e-4c1b-9f1e",
      "0F8A3A62-1F7E-4C1B-9F1E-6F5A1B2C3D4E-00",
      "%20",
    ]) {
      const response = await browser.get(`/live/sessions/${malformed}`);
      expect(response.status, malformed).toBe(400);
      expect(await response.text()).toContain("A session id is a UUID, as in /sessions/<id>");
    }
    const unknown = await browser.get("/live/sessions/0f8a3a62-1f7e-4c1b-9f1e-6f5a1b2c3d4e");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("No session with this id is visible to you");
  });

  it("sends visitors without a browser session to the login page, as every signed-in page does", async () => {
    const { h, sessionId } = await setUp(engine);
    for (const path of ["/live/desk", `/live/sessions/${sessionId}`]) {
      const response = await h.visitor().get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location")).toBe(`/login?${new URLSearchParams({ next: path })}`);
    }
  });

  it("ends the stream with a signed-out event when the browser signs out", async () => {
    const { timers, browser } = await setUp(engine);
    const stream = await open(browser, "/live/desk");
    await stream.next();
    const signedOut = await browser.submit("/", "/logout", {});
    expect(signedOut.status).toBe(303);
    timers.fire();
    expect(await stream.next()).toEqual({ event: "signed-out", data: "{}" });
    await stream.ended();
    expect(timers.activeCount).toBe(0);
  });

  it("refuses a user more streams than the bound (429, with Retry-After), and frees a slot when a stream closes", async () => {
    const { browser, sessionId } = await setUp(engine, { streamsPerUser: 2 });
    const first = await open(browser, "/live/desk");
    await open(browser, `/live/sessions/${sessionId}`);
    const refused = await browser.get("/live/desk");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.text()).toContain("Too many live pages are open for you (2 at most)");
    await first.close();
    await open(browser, "/live/desk");
  });

  it("tells a session page's stream about the connection report that arrived for its ticket", async () => {
    const { h, timers, browser, sessionPath, sessionId } = await setUp(engine);
    const admin = await signInUser(h, await h.addUser("admin"), "Ada Admin");
    const stream = await open(browser, `/live/sessions/${sessionId}`);
    await stream.next();
    const code = await codeOf(browser, sessionPath);
    h.simulator.admin.customerJoin(code);
    h.simulator.admin.supporterConnect(code);
    h.clock.advance(5 * 60_000);
    h.simulator.admin.endConnection(code);
    expect((await admin.submit("/reports", "/reports/sync", {})).status).toBe(303);
    timers.fire();
    expect(snapshotOf(await stream.next()).session?.reportCount).toBe(1);
    await stream.close();
    expect(await (await browser.get(sessionPath)).text()).toContain('data-live-region="ticket-connections"');
  });
});

describeOnPostgresql("live desk across two instances", (engine) => {
  it("delivers a change written through one instance to a stream held by another", async () => {
    const { h, timers, browser, sessionPath, sessionId } = await setUp(engine);
    // A second app on the same database: its own desk watch, its own timers, nothing shared in memory.
    const otherTimers = createManualIntervalTimers();
    const other = createApp({ ...h.appDeps, liveDesk: { timers: otherTimers } });
    const viaOther = new Browser({ app: other, origin: "http://localhost:3000" });
    for (const [name, value] of browser.cookies) viaOther.cookies.set(name, value);

    const stream = await open(viaOther, `/live/sessions/${sessionId}`);
    expect(snapshotOf(await stream.next()).session?.status).toBe("waiting");
    await customerArrives(h, browser, sessionPath);
    otherTimers.fire();
    expect(snapshotOf(await stream.next()).session?.status).toBe("customer-online");
    expect(timers.activeCount).toBe(0);
    await stream.close();
  });
});
