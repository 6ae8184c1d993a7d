import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createOrphanSessionSweeper } from "../../../src/jobs/orphan-session-sweeper.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createManualIntervalTimers } from "../../support/manual-interval-timers.js";
import { queryRows } from "../../support/query-rows.js";
import { createEmbedHarness, type EmbedHarness, tokenOf } from "./embed-harness.js";

const engine = usePgliteEngine();

async function countsOf(h: EmbedHarness) {
  const [nonces] = await queryRows<{ count: number }>(
    h.database.db,
    sql`select count(*)::int as count from embed_assertion_nonces`,
  );
  const [sessions] = await queryRows<{ count: number }>(
    h.database.db,
    sql`select count(*)::int as count from embed_sessions`,
  );
  return { nonces: nonces?.count, sessions: sessions?.count };
}

describe("forgetting what the ticket widget no longer needs", () => {
  it("deletes used one-time ids once their assertion expired and embed sessions past their timeouts, keeping live ones", async () => {
    const h = await createEmbedHarness(engine);
    const sweeper = createOrphanSessionSweeper({ deps: h.deps, timers: createManualIntervalTimers() });
    const busy = tokenOf(await h.open(await h.sign()));
    tokenOf(await h.open(await h.sign()));
    expect(await countsOf(h)).toEqual({ nonces: 2, sessions: 2 });

    h.clock.advance(20 * 60_000);
    expect((await h.probe(busy)).status).toBe(200);
    await sweeper.tick();
    expect(await countsOf(h)).toEqual({ nonces: 0, sessions: 2 });

    h.clock.advance(15 * 60_000);
    tokenOf(await h.open(await h.sign()));
    await sweeper.tick();
    // The idle one is gone; the busy one and the one just opened stay, with the fresh nonce.
    expect(await countsOf(h)).toEqual({ nonces: 1, sessions: 2 });
    expect((await h.probe(busy)).status).toBe(200);
  });
});
