/**
 * The lookup after an ambiguous `POST /sessions` is what stands between a lost answer and a
 * duplicate TeamViewer session, so it gets more retries than an ordinary read. When no lookup
 * settles the outcome, the attempt is kept (ADR 0033): the supporter's repeat adopts a session
 * TeamViewer made after all, and the orphan sweep closes it when nobody repeats.
 */
import { describe, expect, it } from "vitest";
import { closeOrphanedSessions, orphanGraceMs } from "../../../src/sessions/close-orphaned-sessions.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { customApiFor } from "../../../src/sessions/find-session-by-correlation.js";
import type { SessionDeps } from "../../../src/sessions/session-deps.js";
import { SupportSessionError } from "../../../src/sessions/support-session-error.js";
import { createTeamViewerAccess } from "../../../src/teamviewer/teamviewer-access.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "../sessions/session-harness.js";

/** The harness's deps with backoff waits that move the fake clock; `waits` records them. */
function withClockSleep(h: SessionHarness): { deps: SessionDeps; waits: number[] } {
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
  return { deps: { ...base, teamViewer: createTeamViewerAccess(base) }, waits };
}

/** The next `POST /sessions` is carried out, but its answer is a 502. */
function planLostAnswer(h: SessionHarness) {
  h.simulator.admin.planFault({
    method: "POST",
    path: "/api/v1/sessions",
    kind: "status",
    status: 502,
    when: "after",
  });
}

/** The next `times` session lists fail with 503. */
function planFailedLookups(h: SessionHarness, times: number) {
  h.simulator.admin.planFault({
    method: "GET",
    path: "/api/v1/sessions",
    kind: "status",
    status: 503,
    times,
  });
}

async function failedCreate(promise: Promise<unknown>): Promise<SupportSessionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SupportSessionError))
    throw new Error(`expected a SupportSessionError, got ${error}`);
  return error;
}

describe("reconciling an ambiguous session create", () => {
  const engine = usePgliteEngine();

  it("adopts the session TeamViewer made even when the first four lookups fail, so no duplicate is opened", async () => {
    const h = await createSessionHarness(engine);
    const { deps, waits } = withClockSleep(h);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    planLostAnswer(h);
    planFailedLookups(h, 4);

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

  it("keeps an attempt no lookup could settle, and its repeat adopts the session TeamViewer made instead of opening a second", async () => {
    const h = await createSessionHarness(engine);
    const { deps } = withClockSleep(h);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const create = (repeatOfAttempt?: string) =>
      createSupportSession(deps, {
        actor: h.actorOf(supporter),
        ticket: sampleTicket,
        group: { name: "Helpdesk" },
        repeatOfAttempt,
      });
    planLostAnswer(h);
    planFailedLookups(h, 6);

    const failure = await failedCreate(create());
    expect(failure.reason).toBe("outcome-unknown");
    expect(failure.attemptId).toMatch(/^[0-9a-f-]{36}$/);
    const [made] = await h.teamViewerSessions();
    expect(made?.custom_api).toBe(customApiFor(failure.attemptId ?? ""));

    const repeated = await create(failure.attemptId);
    expect(repeated.wasReconciled).toBe(true);
    expect(repeated.session.code).toBe(made?.code);
    expect(repeated.supporterLinks.supporterLink).toEqual(expect.stringContaining("http"));
    expect((await h.teamViewerSessions()).map((session) => session.code)).toEqual([made?.code]);

    // Pressing the button once more returns the stored session: still one.
    const again = await create(failure.attemptId);
    expect(again.session.id).toBe(repeated.session.id);
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("adopts on repeat a session TeamViewer made only after the lookup had found nothing", async () => {
    const h = await createSessionHarness(engine);
    const { deps } = withClockSleep(h);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", kind: "status", status: 504 });
    const failure = await failedCreate(
      createSupportSession(deps, {
        actor: h.actorOf(supporter),
        ticket: sampleTicket,
        group: { name: "Helpdesk" },
      }),
    );
    expect(failure.reason).toBe("unreachable");
    expect(await h.teamViewerSessions()).toEqual([]);

    // TeamViewer carries out the request late, as a busy server may.
    const client = await h.deps.teamViewer.createTeamViewerClientFor({
      userId: supporter.id,
      organisationId: h.organisationId,
    });
    const late = await client.sessions.create({
      groupname: "Helpdesk",
      custom_api: customApiFor(failure.attemptId ?? ""),
    });

    const repeated = await createSupportSession(deps, {
      actor: h.actorOf(supporter),
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
      repeatOfAttempt: failure.attemptId,
    });
    expect(repeated.wasReconciled).toBe(true);
    expect(repeated.session.code).toBe(late.code);
    expect(await h.teamViewerSessions()).toHaveLength(1);
  });

  it("honours an attempt only for its own supporter: a colleague naming it starts afresh and never gets that session", async () => {
    const h = await createSessionHarness(engine);
    const { deps } = withClockSleep(h);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    planLostAnswer(h);
    planFailedLookups(h, 6);
    const failure = await failedCreate(
      createSupportSession(deps, {
        actor: h.actorOf(kenji),
        ticket: sampleTicket,
        group: { name: "Helpdesk" },
      }),
    );
    const [kenjis] = await h.teamViewerSessions();

    const colleagues = await createSupportSession(deps, {
      actor: h.actorOf(colleague),
      ticket: { ...sampleTicket, externalId: "4712" },
      group: { name: "Helpdesk" },
      repeatOfAttempt: failure.attemptId,
    });

    expect(colleagues.wasReconciled).toBe(false);
    expect(colleagues.session.code).not.toBe(kenjis?.code);
    expect(colleagues.session.correlationId).not.toBe(failure.attemptId);
  });

  it("closes the session of an unsettled attempt nobody repeated, once past the grace, and leaves it alone before", async () => {
    const h = await createSessionHarness(engine);
    const { deps } = withClockSleep(h);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    planLostAnswer(h);
    planFailedLookups(h, 6);
    await failedCreate(
      createSupportSession(deps, {
        actor: h.actorOf(supporter),
        ticket: sampleTicket,
        group: { name: "Helpdesk" },
      }),
    );
    const stateOfOnly = async () => (await h.teamViewerSessions()).map((session) => session.state);

    expect(await closeOrphanedSessions(h.deps)).toMatchObject({ closed: 0, notOurs: 0 });
    expect(await stateOfOnly()).toEqual(["Open"]);

    h.clock.advance(orphanGraceMs);
    expect(await closeOrphanedSessions(h.deps)).toMatchObject({ closed: 1, notOurs: 0 });
    expect(await stateOfOnly()).toEqual(["Closed"]);
  });
});
