/**
 * The turn fetches page k+1 while it stores page k (run-account-turn.ts). These tests pin down
 * what that must not change: a turn asks TeamViewer for no page beyond its budget, and a page
 * fetched ahead of a failed commit is dropped, then fetched again from the committed cursor,
 * with nothing lost and nothing counted twice.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { syncLeases } from "../../../src/db/schema.js";
import { resolveReportSyncOptions } from "../../../src/reports/report-sync-options.js";
import { runAccountTurn } from "../../../src/reports/run-account-turn.js";
import { discoverSyncAccounts } from "../../../src/reports/sync-sources.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createReportHarness, sorted } from "./report-harness.js";

describe("pipelined report pages", () => {
  const engine = usePgliteEngine();
  const options = resolveReportSyncOptions({ backfillDays: 1000 });

  async function preparedHarness() {
    const h = await createReportHarness(engine, { reports: 2_500, pageSize: 500 });
    await h.saveScriptToken();
    await discoverSyncAccounts(h.deps, { backfillDays: options.backfillDays });
    const [account] = await h.accounts();
    if (account === undefined) throw new Error("no sync account");
    return { h, syncAccountId: account.id };
  }

  it("a turn requests exactly its page budget, never a page ahead of it", async () => {
    const { h, syncAccountId } = await preparedHarness();
    const turn = await runAccountTurn(h.deps, {
      syncAccountId,
      holder: "a",
      options,
      maxPages: 2,
      skipCodePoll: true,
    });

    expect(turn).toMatchObject({ kind: "done", pages: 2, received: 1_000, failure: undefined });
    expect(h.reportListCalls()).toBe(2);
    const [account] = await h.accounts();
    expect(account?.recordsSynced).toBe(1_000);
    expect(account?.cursorOffsetId).not.toBeNull();
  });

  it("a page fetched ahead of a commit that lost its lease is dropped and fetched again, nothing lost or doubled", async () => {
    const { h, syncAccountId } = await preparedHarness();
    // The request for page 2 is answered only after page 1 committed and another instance ("b")
    // took the lease over: page 2 is then in hand, fetched ahead, when its commit is refused.
    let pageOneCommitted: () => void = () => undefined;
    const afterPageOne = new Promise<void>((resolve) => {
      pageOneCommitted = resolve;
    });
    let listCalls = 0;
    const takingOverFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (/\/reports\/connections/.test(url) && ++listCalls === 2) {
        await afterPageOne;
        await h.database.db
          .update(syncLeases)
          .set({ holder: "b" })
          .where(eq(syncLeases.syncAccountId, syncAccountId));
      }
      return (h.simulator.fetch as typeof fetch)(input, init);
    }) as typeof fetch;
    const base = { ...h.deps, teamViewerFetch: takingOverFetch };
    const deps = { ...base, teamViewer: createTeamViewerAccess(base) };
    const first = await runAccountTurn(deps, {
      syncAccountId,
      holder: "a",
      options,
      maxPages: Number.POSITIVE_INFINITY,
      skipCodePoll: true,
      onPage: () => pageOneCommitted(),
    });
    expect(first).toMatchObject({ kind: "done", pages: 1, failure: { kind: "lease-lost" } });
    const [afterLoss] = await h.accounts();
    expect(afterLoss?.recordsSynced).toBe(500);

    // "b" gives the lease back; the next turn resumes at page 2 and finishes the pass.
    await h.database.db.delete(syncLeases).where(eq(syncLeases.syncAccountId, syncAccountId));
    h.clock.advance(1_000);
    const second = await runAccountTurn(h.deps, {
      syncAccountId,
      holder: "a",
      options,
      maxPages: Number.POSITIVE_INFINITY,
      skipCodePoll: true,
    });
    expect(second).toMatchObject({ kind: "done", pages: 4, isPassComplete: true, failure: undefined });

    const stored = await h.storedReportIds();
    expect(stored).toHaveLength(2_500);
    expect(sorted(stored)).toEqual(sorted(await h.simulatorReportIds()));
    const [done] = await h.accounts();
    expect(done?.recordsSynced).toBe(2_500);
  });
});
