import { describe, expect, it } from "vitest";
import { listTicketConnectionReports } from "../../../src/db/repositories/connection-reports.js";
import { findTicketByExternalId } from "../../../src/db/repositories/tickets.js";
import { usePgliteEngine } from "../../support/engines.js";
import { openSessionFor } from "./live-reports.js";
import { createReportHarness } from "./report-harness.js";

describe("report freshness", () => {
  const engine = usePgliteEngine();

  it("a connection that ends is on its ticket within 60 s of simulated time at default settings", async () => {
    const h = await createReportHarness(engine, { reports: 200 });
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const scheduler = h.createScheduler("instance-a");
    await h.tickUntil(scheduler, async () => (await h.accounts())[0]?.phase === "polling");
    const session = await openSessionFor(h, kenji, "4711");
    const ticket = await findTicketByExternalId(h.database.db, h.organisationId, "4711");
    if (ticket === undefined) throw new Error("no ticket");
    h.simulator.admin.customerJoin(session.code);
    h.simulator.admin.supporterConnect(session.code);
    // The service keeps ticking while the supporter works for three minutes.
    for (let second = 0; second < 180; second += 5) {
      h.clock.advance(5_000);
      await scheduler.tick();
    }
    const report = h.simulator.admin.endConnection(session.code);
    const endedAt = h.clock.now().getTime();

    await h.tickUntil(
      scheduler,
      async () => (await listTicketConnectionReports(h.database.db, ticket.id)).length > 0,
      { stepMs: 5_000, maxTicks: 12 },
    );
    expect(h.clock.now().getTime() - endedAt).toBeLessThanOrEqual(60_000);
    const [onTicket] = await listTicketConnectionReports(h.database.db, ticket.id);
    expect(onTicket).toMatchObject({
      teamViewerReportId: report.id,
      supportSessionId: session.id,
      matchedBy: "custom_api",
      durationSeconds: 180,
    });
    // Found by asking for the session's code, not by waiting for the five-minute sweep.
    const found = h.simulator.admin.journal().filter((entry) => entry.query.includes(session.code));
    expect(found.length).toBeGreaterThan(0);
  });
});
