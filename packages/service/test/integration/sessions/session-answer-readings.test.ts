/**
 * The whole session story (create, view, refresh with the customer waiting, close) against the
 * readings of TeamViewer's session answers that docs/teamviewer-api.md §3 leaves open: the
 * service must not depend on which one the real API gives.
 */
import type { SimulatorQuirks } from "@attendant/simulator";
import { describe, expect, it } from "vitest";
import { closeSupportSession } from "../../../src/sessions/close-support-session.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { getSupportSession } from "../../../src/sessions/get-support-session.js";
import { refreshSupportSessionStatus } from "../../../src/sessions/refresh-support-session-status.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness, sampleTicket } from "./session-harness.js";

describe("the session story under each reading of the session answers", () => {
  const engine = usePgliteEngine();

  async function playStory(
    quirks: Partial<SimulatorQuirks>,
    group: { id: string } | { name: string } = { id: "g40211" },
  ) {
    const h = await createSessionHarness(engine);
    h.simulator.admin.configure({ quirks });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const actor = h.actorOf(supporter);
    const { session: created, wasReconciled } = await createSupportSession(h.deps, {
      actor,
      ticket: sampleTicket,
      group,
    });
    h.simulator.admin.customerJoin(created.code);
    const refreshed = await refreshSupportSessionStatus(h.deps, { actor, sessionId: created.id });
    const closed = await closeSupportSession(h.deps, { actor, sessionId: created.id });
    const viewed = await getSupportSession(h.deps, { actor, sessionId: created.id });
    return { created, wasReconciled, refreshed, closed, viewed, atTeamViewer: await h.teamViewerSessions() };
  }

  it("runs without groupname in TeamViewer's answers, naming the group asked for by id from GET /groups", async () => {
    const story = await playStory({ sessionGroupname: false });

    expect(story.created.group).toEqual({ id: "g40211", name: "Helpdesk" });
    expect(story.refreshed.status).toBe("customer-online");
    expect([story.closed.state, story.viewed.group]).toEqual(["closed", { id: "g40211", name: "Helpdesk" }]);
  });

  it("names a group asked for by name with that name, without groupname in TeamViewer's answers", async () => {
    const story = await playStory({ sessionGroupname: false }, { name: "Walk-ins" });

    expect(story.viewed.group).toEqual({ id: expect.stringMatching(/^g\d+$/), name: "Walk-ins" });
  });

  it("runs with the schema's integer enums in the create answer", async () => {
    const story = await playStory({ sessionCreateEnums: "integers" });

    expect([story.created.state, story.created.status]).toEqual(["open", "waiting"]);
    expect(story.refreshed.status).toBe("customer-online");
    expect([story.closed.state, story.viewed.status]).toEqual(["closed", "closed"]);
  });

  it("follows a 303 create answer to the session it made, making exactly one", async () => {
    const story = await playStory({ sessionCreateAnswer: "redirect" });

    expect(story.wasReconciled).toBe(false);
    expect(story.atTeamViewer.map((session) => session.code)).toEqual([story.created.code]);
    expect(story.refreshed.status).toBe("customer-online");
    expect(story.viewed.status).toBe("closed");
  });
});
