/**
 * A ticket resolved in the run's real Request Tracker closes its open sessions here and at
 * TeamViewer (the simulator).
 */
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import { createHelpdeskTicketWatch } from "../../src/helpdesks/helpdesk-ticket-watch.js";
import { getSupportSession } from "../../src/sessions/get-support-session.js";
import { createSessionHarness } from "../integration/sessions/session-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("tickets closed in a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  async function setUp(baseUrl = api.server.url) {
    const h = await createSessionHarness(engine);
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await connectRequestTracker(h.deps, admin, { url: baseUrl, token: api.server.token });
    return { h, kenji, watch: createHelpdeskTicketWatch({ deps: h.deps }) };
  }

  it("closes the sessions of a ticket resolved in RT, here and at TeamViewer, and leaves open tickets alone", async () => {
    const { h, kenji, watch } = await setUp();
    const resolvedId = await api.createTicket({ subject: "Fixed by phone in the end" });
    const openId = await api.createTicket({ subject: "Still broken" });
    const create = async (externalId: string) =>
      (
        await h.api("POST", "/api/v1/sessions", {
          key: await h.createKey(kenji),
          json: { ticket: { externalId, title: `RT #${externalId}` }, group: { name: "Helpdesk" } },
        })
      ).json() as Promise<{ id: string; code: string }>;
    const toClose = await create(resolvedId);
    const toKeep = await create(openId);

    expect(await watch.tick()).toEqual({ closedTickets: [], unreachable: 0 });
    await api.setStatus(resolvedId, "resolved");
    expect(await watch.tick()).toEqual({ closedTickets: [resolvedId], unreachable: 0 });

    const actor = h.actorOf(kenji);
    expect(await getSupportSession(h.deps, { actor, sessionId: toClose.id })).toMatchObject({
      state: "closed",
      ticket: { status: "closed" },
    });
    expect(await getSupportSession(h.deps, { actor, sessionId: toKeep.id })).toMatchObject({ state: "open" });
    const atTeamViewer = await h.teamViewerSessions();
    expect(atTeamViewer.find((session) => session.code === toClose.code)?.state.toLowerCase()).toBe("closed");
    expect(atTeamViewer.find((session) => session.code === toKeep.code)?.state.toLowerCase()).toBe("open");

    // Nothing left to close: the resolved ticket is closed here too, so it is not asked about again.
    expect(await watch.tick()).toEqual({ closedTickets: [], unreachable: 0 });
  });

  it("counts a helpdesk it cannot reach and closes nothing", async () => {
    const { h, kenji, watch } = await setUp(`http://127.0.0.1:${await findFreePort()}`);
    await h.api("POST", "/api/v1/sessions", {
      key: await h.createKey(kenji),
      json: { ticket: { externalId: "17", title: "RT #17" }, group: { name: "Helpdesk" } },
    });
    expect(await watch.tick()).toEqual({ closedTickets: [], unreachable: 1 });
  });
});
