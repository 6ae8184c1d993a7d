/**
 * The lookup after an ambiguous `POST /sessions` is what stands between a lost answer and a
 * duplicate TeamViewer session, so it gets more retries than an ordinary read.
 */
import { describe, expect, it } from "vitest";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import type { SessionDeps } from "../../../src/sessions/session-deps.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness, sampleTicket } from "../sessions/session-harness.js";

describe("reconciling an ambiguous session create", () => {
  const engine = usePgliteEngine();

  it("adopts the session TeamViewer made even when the first four lookups fail, so no duplicate is opened", async () => {
    const h = await createSessionHarness(engine);
    const waits: number[] = [];
    const base = {
      ...h.deps,
      config: h.config,
      teamViewerTiming: {
        sleep: async (milliseconds: number) => {
          waits.push(milliseconds);
          h.clock.advance(milliseconds);
        },
      },
    };
    const deps: SessionDeps = { ...base, teamViewer: createTeamViewerAccess(base) };
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    h.simulator.admin.planFault({
      method: "POST",
      path: "/api/v1/sessions",
      kind: "status",
      status: 502,
      when: "after",
    });
    h.simulator.admin.planFault({
      method: "GET",
      path: "/api/v1/sessions",
      kind: "status",
      status: 503,
      times: 4,
    });

    const created = await createSupportSession(deps, {
      actor: h.actorOf(supporter),
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
    });

    expect(created.wasReconciled).toBe(true);
    expect(waits).toHaveLength(4);
    const remote = await h.teamViewerSessions();
    expect(remote.map((session) => session.code)).toEqual([created.session.code]);
  });
});
