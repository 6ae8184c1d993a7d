import { afterEach, expect, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/open-database.js";
import type { SessionDeps } from "../../../src/sessions/session-deps.js";
import {
  defaultSessionWatchOptions,
  maxWatchCallsPerMinute,
} from "../../../src/sessions/session-watch-options.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { createWebhookDispatcher } from "../../../src/webhooks/webhook-dispatcher.js";
import { captureLogs } from "../../support/capture-logs.js";
import { describeEachEngine, describeOnPostgresql } from "../../support/engines.js";
import { openSessionFor, storeSessionForCode } from "../reports/live-reports.js";
import { createReportHarness } from "../reports/report-harness.js";
import {
  busiestMinute,
  createWatch,
  noTimers,
  outboxEvents,
  sessionListCalls,
  subscribeToEverything,
  tickMs,
} from "./session-watch-harness.js";

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

describeEachEngine("the expiry sweep", (engine) => {
  it("records session.expired for every expired session, more than one query's worth included", async () => {
    const h = await createReportHarness(engine);
    await subscribeToEverything(h);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    for (const code of ["s100-000-001", "s100-000-002", "s100-000-003"]) {
      await storeSessionForCode(h, code, code, kenji);
      h.clock.advance(1_000);
    }
    const dispatcher = createWebhookDispatcher({
      deps: { ...h.deps, config: h.config },
      instanceId: "instance-a",
      options: { expiryBatchSize: 2 },
      timers: noTimers,
    });
    h.clock.advance(86_400_000);
    await dispatcher.tick();
    h.clock.advance(120_000);
    await dispatcher.tick();
    expect(await outboxEvents(h, "session.expired")).toHaveLength(3);
  });
});

describeOnPostgresql("three instances watching one database", (engine) => {
  it("announce a customer once, keep each account's calls within its budget, and record an expiry exactly once", async () => {
    const h = await createReportHarness(engine);
    await subscribeToEverything(h);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const { logger } = captureLogs();
    // Three pools, as three service instances would have.
    const databases: Database[] = [h.database];
    for (let index = 0; index < 2; index++) {
      const pool = await openDatabase(h.config, { logger });
      cleanUps.push(() => pool.close());
      databases.push(pool);
    }
    const instances = databases.map((database, index) => {
      const deps: SessionDeps = {
        ...h.deps,
        database,
        teamViewer: createTeamViewerAccess({ ...h.deps, database }),
      };
      return {
        watch: createWatch(deps, `instance-${index}`),
        dispatcher: createWebhookDispatcher({
          deps: { ...deps, config: h.config },
          instanceId: `instance-${index}`,
          timers: noTimers,
        }),
      };
    });
    const tickAll = async (milliseconds: number) => {
      for (let elapsed = 0; elapsed < milliseconds; elapsed += tickMs) {
        h.clock.advance(tickMs);
        await Promise.all(instances.flatMap(({ watch, dispatcher }) => [watch.tick(), dispatcher.tick()]));
      }
    };
    const session = await openSessionFor(h, kenji, "4711");
    await tickAll(30_000);
    h.simulator.admin.customerJoin(session.code);
    await tickAll(60_000);

    expect(await outboxEvents(h, "session.customer_online")).toHaveLength(1);
    expect(busiestMinute(sessionListCalls(h))).toBeLessThanOrEqual(
      maxWatchCallsPerMinute(1, defaultSessionWatchOptions.paceMs),
    );

    h.clock.advance(session.validUntil.getTime() - h.clock.now().getTime() - 30_000);
    await tickAll(180_000);
    const expired = await outboxEvents(h, "session.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]?.payload).toMatchObject({ id: session.id, status: "expired" });
  });
});
