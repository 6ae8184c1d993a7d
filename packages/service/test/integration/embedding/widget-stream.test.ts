/**
 * Issue 23, the ticket widget updating itself: `/embed/stream` sends a `panel` event when a
 * session of the asserted ticket changes (here the status check stored the customer's arrival,
 * and the desk watch looked, on manual timers: nothing waits on a clock), carries nothing but
 * statuses, is scoped to the ticket and the user like the panel, and ends with the sign-in.
 */
import { describe, expect, it } from "vitest";
import { refreshSupportSessionStatus } from "../../../src/sessions/refresh-support-session-status.js";
import { createEmbedWorld } from "../../support/embedded-agent.js";
import { type TestEngine, usePgliteEngine } from "../../support/engines.js";
import { readEventStream } from "../../support/event-stream.js";
import { createManualIntervalTimers } from "../../support/manual-interval-timers.js";
import { createPagesHarness } from "../session-pages/pages-harness.js";

const ticket = { externalId: "4711", title: "Outlook does not start" };

async function setUp(engine: TestEngine) {
  const timers = createManualIntervalTimers();
  const h = await createPagesHarness(engine, { liveDesk: { timers } });
  const world = createEmbedWorld(h);
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const agent = await world.openWidget({ user: supporter, ticket });
  const started = await (await agent.submit("/embed/actions/start", { group: "Helpdesk" })).text();
  const sessionId = /data-session-id="([0-9a-f-]{36})"/.exec(started)?.[1] ?? "";
  const code = /Session (s[0-9-]+)</.exec(started)?.[1] ?? "";
  return { h, timers, world, supporter, agent, sessionId, code };
}

async function open(agent: { request(path: string): Promise<Response> }) {
  const response = await agent.request("/embed/stream");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return readEventStream(response);
}

describe("the ticket widget's event stream", () => {
  const engine = usePgliteEngine();

  it("sends a panel event when the customer arrives, with statuses only: no link, code or ticket text", async () => {
    const { h, timers, supporter, agent, sessionId, code } = await setUp(engine);
    const stream = await open(agent);
    const first = await stream.next();
    expect(first.event).toBe("panel");
    expect(JSON.parse(first.data)).toEqual({
      sessions: [{ id: sessionId, status: "waiting", customerWaitingSince: null }],
      reportCount: 0,
    });

    h.simulator.admin.customerJoin(code);
    await refreshSupportSessionStatus(h.deps, { actor: h.actorOf(supporter), sessionId });
    timers.fire();
    const second = await stream.next();
    expect(second.event).toBe("panel");
    expect(JSON.parse(second.data)).toEqual({
      sessions: [
        { id: sessionId, status: "customer-online", customerWaitingSince: h.clock.now().toISOString() },
      ],
      reportCount: 0,
    });
    for (const event of [first, second]) {
      expect(event.data).not.toContain(code);
      expect(event.data).not.toContain("Outlook");
      expect(event.data).not.toContain("http");
    }
    // The panel's live part says the same.
    const live = await (await agent.request("/embed/panel?live=1")).text();
    expect(live).toContain('data-status="customer-online"');
    expect(live).not.toContain('id="embed-start"');
    await stream.close();
  });

  it("is scoped like the panel: a colleague's widget on the same ticket gets no event for the supporter's session", async () => {
    const { h, timers, world, supporter, agent, sessionId, code } = await setUp(engine);
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const colleagueWidget = await world.openWidget({ user: colleague, ticket });
    const theirs = await open(colleagueWidget);
    const own = await open(agent);
    expect(JSON.parse((await theirs.next()).data)).toEqual({ sessions: [], reportCount: 0 });
    await own.next();

    h.simulator.admin.customerJoin(code);
    await refreshSupportSessionStatus(h.deps, { actor: h.actorOf(supporter), sessionId });
    timers.fire();
    // The supporter's own stream hearing of it shows the watch has looked.
    expect(JSON.parse((await own.next()).data).sessions[0].status).toBe("customer-online");
    await colleagueWidget.end();
    timers.fire();
    // Nothing came before the end: the colleague's snapshot had not changed.
    expect(await theirs.next()).toEqual({ event: "signed-out", data: "{}" });
    await own.close();
  });

  it("says signed-out and ends when the sign-in behind the token ends", async () => {
    const { timers, agent } = await setUp(engine);
    const stream = await open(agent);
    await stream.next();
    await agent.end();
    timers.fire();
    expect(await stream.next()).toEqual({ event: "signed-out", data: "{}" });
    await stream.ended();
  });
});
