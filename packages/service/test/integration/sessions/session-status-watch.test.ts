import { TeamViewerClient } from "@attendant/teamviewer";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { findSupportSession } from "../../../src/db/repositories/support-sessions.js";
import type { SessionStatusWatch } from "../../../src/jobs/session-status-watch.js";
import {
  defaultSessionWatchOptions,
  maxWatchCallsPerMinute,
} from "../../../src/sessions/session-watch-options.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { openSessionFor } from "../reports/live-reports.js";
import { createReportHarness, type ReportHarness } from "../reports/report-harness.js";
import {
  busiestMinute,
  createWatch,
  outboxEvents,
  sessionListCalls,
  subscribeToEverything,
  tickMs,
} from "./session-watch-harness.js";

/** Ticks every second of simulated time until `isDone`; the simulated milliseconds it took. */
async function tickUntil(
  h: ReportHarness,
  watch: SessionStatusWatch,
  isDone: () => Promise<boolean>,
  maxTicks = 120,
): Promise<number> {
  const startedAt = h.clock.now().getTime();
  for (let ticks = 0; ticks < maxTicks; ticks++) {
    if (await isDone()) return h.clock.now().getTime() - startedAt;
    h.clock.advance(tickMs);
    await watch.tick();
  }
  throw new Error(`not done after ${maxTicks} ticks`);
}

async function tickFor(h: ReportHarness, watch: SessionStatusWatch, milliseconds: number): Promise<void> {
  for (let elapsed = 0; elapsed < milliseconds; elapsed += tickMs) {
    h.clock.advance(tickMs);
    await watch.tick();
  }
}

async function storedSession(h: ReportHarness, id: string) {
  const session = await findSupportSession(h.database.db, h.organisationId, id);
  if (session === undefined) throw new Error(`session ${id} is not stored`);
  return session;
}

async function setUp(engine: TestEngine) {
  const h = await createReportHarness(engine);
  await subscribeToEverything(h);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  return { h, kenji };
}

describeEachEngine("session status watch", (engine) => {
  it("shows a customer who joins as waiting, with session.customer_online, within 10 s at every moment of the schedule", async () => {
    const { h, kenji } = await setUp(engine);
    const watch = createWatch(h.deps, "instance-a");
    const latencies: number[] = [];
    // One session per moment the customer may join at, across one whole pace of the watch.
    for (let offsetMs = 0; offsetMs < defaultSessionWatchOptions.paceMs; offsetMs += 500) {
      const session = await openSessionFor(h, kenji, `join-${offsetMs}`);
      await tickFor(h, watch, 10_000);
      h.clock.advance(offsetMs);
      h.simulator.admin.customerJoin(session.code);
      const isShown = async () =>
        (await storedSession(h, session.id)).isOnline &&
        (await outboxEvents(h, "session.customer_online")).some((event) => event.payload.id === session.id);
      latencies.push(await tickUntil(h, watch, isShown));
    }
    // Pace plus one tick, however the join falls between two calls.
    expect(Math.max(...latencies)).toBeLessThanOrEqual(defaultSessionWatchOptions.paceMs + tickMs);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(10_000);
  });

  it("shows a customer who leaves as no longer waiting, with session.customer_left once", async () => {
    const { h, kenji } = await setUp(engine);
    const watch = createWatch(h.deps, "instance-a");
    const session = await openSessionFor(h, kenji, "4711");
    h.simulator.admin.customerJoin(session.code);
    await tickUntil(h, watch, async () => (await storedSession(h, session.id)).isOnline);
    h.simulator.admin.customerLeave(session.code);
    const tookMs = await tickUntil(h, watch, async () => !(await storedSession(h, session.id)).isOnline);
    await tickFor(h, watch, 30_000);

    expect(tookMs).toBeLessThanOrEqual(10_000);
    const left = await outboxEvents(h, "session.customer_left");
    expect(left).toHaveLength(1);
    expect(left[0]?.payload).toMatchObject({ id: session.id, status: "waiting", isOnline: false });
    expect(await outboxEvents(h, "session.customer_online")).toHaveLength(1);
  });

  it("closes a session TeamViewer closed, with session.closed, and stops asking for it", async () => {
    const { h, kenji } = await setUp(engine);
    const watch = createWatch(h.deps, "instance-a");
    const session = await openSessionFor(h, kenji, "4711");
    await tickFor(h, watch, 10_000);
    const demo = h.simulator.demo();
    const company = new TeamViewerClient({
      accessToken: demo.scriptToken,
      baseUrl: demo.apiBaseUrl,
      fetch: h.simulator.fetch as typeof fetch,
      allowInsecureRequests: true,
    });
    await company.sessions.close(session.code);
    await tickUntil(h, watch, async () => (await storedSession(h, session.id)).state === "closed");

    expect(await outboxEvents(h, "session.closed")).toHaveLength(1);
    const callsAfterClose = sessionListCalls(h).length;
    await tickFor(h, watch, 60_000);
    expect(sessionListCalls(h)).toHaveLength(callsAfterClose);
  });

  it("pauses only the account TeamViewer answered 429, until its Retry-After", async () => {
    const { h, kenji } = await setUp(engine);
    const aiko = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const watch = createWatch(h.deps, "instance-a");
    const kenjisSession = await openSessionFor(h, kenji, "4711");
    const aikosSession = await openSessionFor(h, aiko, "4712");
    await tickFor(h, watch, 10_000);
    h.simulator.admin.planFault({
      method: "GET",
      path: "/api/v1/sessions",
      kind: "status",
      status: 429,
      retryAfterSeconds: 30,
    });
    await tickFor(h, watch, 10_000);
    const limited = sessionListCalls(h).find((call) => call.status === 429);
    if (limited === undefined) throw new Error("the 429 was never answered");
    const paused = await queryRows<{ user_id: string }>(
      h.database.db,
      sql`select user_id from session_watch_accounts where paused_until is not null`,
    );
    expect(paused).toHaveLength(1);
    const [pausedSession, otherSession] =
      paused[0]?.user_id === kenji.id ? [kenjisSession, aikosSession] : [aikosSession, kenjisSession];
    // While paused, the other supporter's customer still shows up.
    h.simulator.admin.customerJoin(otherSession.code);
    h.simulator.admin.customerJoin(pausedSession.code);
    await tickUntil(h, watch, async () => (await storedSession(h, otherSession.id)).isOnline);
    await tickFor(h, watch, 10_000);

    const pauseEndsAt = limited.atMs + 30_000;
    const pausedCalls = sessionListCalls(h).filter(
      (call) => call.grant === limited.grant && call.atMs > limited.atMs && call.atMs < pauseEndsAt,
    );
    expect(pausedCalls).toEqual([]);
    const others = sessionListCalls(h).filter(
      (call) => call.grant !== limited.grant && call.atMs > limited.atMs,
    );
    expect(others.filter((call) => call.atMs < pauseEndsAt).length).toBeGreaterThanOrEqual(4);
    expect((await storedSession(h, pausedSession.id)).isOnline).toBe(false);

    await tickUntil(h, watch, async () => (await storedSession(h, pausedSession.id)).isOnline);
    expect(h.clock.now().getTime()).toBeGreaterThanOrEqual(pauseEndsAt);
  });

  it.each([1, 12])(
    "sends at most ⌈60 s / pace⌉ × ⌈N / page size⌉ list calls per account in any minute, for N = %i open sessions",
    async (count) => {
      const pageSize = 5;
      const h = await createReportHarness(engine, { sessionPageSize: pageSize });
      const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      const sessions = [];
      for (let index = 0; index < count; index++)
        sessions.push(await openSessionFor(h, kenji, `cost-${index}`));
      const watch = createWatch(h.deps, "instance-a");
      const { paceMs, idlePaceMs, youngForMs } = defaultSessionWatchOptions;
      // Customers come and go meanwhile: changes cost no extra calls.
      await tickFor(h, watch, 60_000);
      for (const session of sessions) h.simulator.admin.customerJoin(session.code);
      await tickFor(h, watch, 60_000);
      for (const session of sessions) h.simulator.admin.customerLeave(session.code);
      await tickFor(h, watch, 60_000);

      const budget = maxWatchCallsPerMinute(count, paceMs, pageSize);
      expect(budget).toBe(12 * Math.ceil(count / pageSize));
      expect(busiestMinute(sessionListCalls(h))).toBe(budget);

      // Sessions older than `youngForMs` are asked for at the idle pace.
      h.clock.advance(youngForMs);
      const youngCalls = sessionListCalls(h).length;
      await tickFor(h, watch, 180_000);
      const idleCalls = sessionListCalls(h).slice(youngCalls);
      expect(busiestMinute(idleCalls)).toBeLessThanOrEqual(
        maxWatchCallsPerMinute(count, idlePaceMs, pageSize),
      );
      expect(idleCalls.length).toBeGreaterThan(0);
    },
  );
});
