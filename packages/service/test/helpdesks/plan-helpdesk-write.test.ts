import { describe, expect, it } from "vitest";
import {
  type HelpdeskEventType,
  type HelpdeskReportWrite,
  helpdeskEventTypes,
} from "../../src/db/repositories/helpdesk-writes.js";
import { builtInHelpdeskTemplate } from "../../src/helpdesks/templates/helpdesk-template.js";
import { planHelpdeskWrite, type WriteContext } from "../../src/helpdesks/write-back/plan-helpdesk-write.js";
import { createTranslator, type Locale } from "../../src/i18n/index.js";

const session = { code: "s123-456-789", validUntil: "2026-03-03T09:14:07Z", assignedUserId: "u1" };
const invitation = { id: "0b8e5f8a-7d0c-4c36-9d0f-5f2f1b0e6a11", locale: "de" };
const joinAddress = { url: "https://attendant.example.com/join/tok3nOfTheCustomer" };
const report = {
  id: "6f1c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77",
  sessionCode: "s123-456-789",
  supporter: { name: "Kenji Sato" },
  device: { id: "1432876590", name: "ERIKA-LAPTOP" },
  startDate: "2026-03-02T09:20:41Z",
  endDate: "2026-03-02T09:47:03Z",
  durationSeconds: 1582,
  billingState: "Bill",
  notes: "",
  feedback: { rating: 5, comment: "Quick and friendly" },
};

/** Every event's built-in wording in the language of `t`. */
function builtIns(locale: Locale) {
  return Object.fromEntries(
    helpdeskEventTypes.map((event) => [event, builtInHelpdeskTemplate(event, locale)]),
  ) as WriteContext["templates"];
}

function context(eventType: HelpdeskEventType, overrides: Partial<WriteContext> = {}): WriteContext {
  return {
    write: {
      id: "write-1",
      organisationId: "org-1",
      eventType,
      payload: eventType.startsWith("session.")
        ? session
        : eventType === "invitation.sent"
          ? invitation
          : report,
      ticketExternalId: "42",
    },
    switches: {
      writesSessionField: true,
      writesSessionNotes: true,
      writesConnectionNotes: true,
      writesInvitationReplies: true,
    },
    sessionField: "TeamViewer session",
    t: createTranslator("en"),
    supporterName: "Kenji Sato",
    billingRules: { roundingIncrementMinutes: 1, minimumBillableMinutes: 0 },
    previous: undefined,
    templates: builtIns(overrides.t?.locale ?? "en"),
    ...overrides,
  };
}

const written = (overrides: Partial<HelpdeskReportWrite> = {}): HelpdeskReportWrite => ({
  organisationId: "org-1",
  connectionReportId: report.id,
  ticketExternalId: "42",
  billableMinutes: 27,
  billingState: "Bill",
  notes: "",
  ...overrides,
});

describe("what an event writes onto its ticket", () => {
  it("puts the session code into the ticket field and, with session notes on, a note in the connection's language", () => {
    const plan = planHelpdeskWrite(context("session.created", { t: createTranslator("ja") }));
    expect(plan.steps).toEqual([
      { kind: "field", field: "TeamViewer session", value: "s123-456-789" },
      {
        kind: "note",
        note: {
          marker: "write-1",
          subject: "リモートセッション s123-456-789 を開始",
          text: "Kenji Sato がこのチケットの TeamViewer リモートセッション s123-456-789 を開始しました。有効期限は 2026-03-03 09:14（UTC）です。",
        },
      },
    ]);
  });

  it("writes nothing that is switched off", () => {
    const off = {
      writesSessionField: false,
      writesSessionNotes: false,
      writesConnectionNotes: false,
      writesInvitationReplies: false,
    };
    for (const type of [
      "session.created",
      "session.closed",
      "session.expired",
      "connection.reported",
      "invitation.sent",
    ] as const) {
      expect(planHelpdeskWrite(context(type, { switches: off, joinAddress })).steps).toEqual([]);
    }
  });

  it("notes a connection with its facts and adds its billable minutes, by the organisation's rules, as worked time", () => {
    const plan = planHelpdeskWrite(
      context("connection.reported", {
        billingRules: { roundingIncrementMinutes: 15, minimumBillableMinutes: 0 },
      }),
    );
    expect(plan.steps).toEqual([
      {
        kind: "note",
        note: {
          marker: "write-1",
          subject: "TeamViewer connection s123-456-789: 30 min",
          text: [
            "Supporter: Kenji Sato",
            "Device: ERIKA-LAPTOP · 1432876590",
            "Start: 2026-03-02 09:20 (UTC)",
            "End: 2026-03-02 09:47 (UTC)",
            "Duration: 26.4 min",
            "Billable minutes: 30 (added as worked time)",
            "Billing state: Bill",
            "Customer feedback: 5/5 Quick and friendly",
          ].join("\n"),
          workedMinutes: 30,
        },
      },
    ]);
    expect(plan.reportWrite).toEqual(written({ billableMinutes: 30 }));
  });

  it("notes a connection TeamViewer gave no billing state as unknown, and remembers it as none so recording the write cannot fail", () => {
    const plan = planHelpdeskWrite(
      context("connection.reported", {
        write: { ...context("connection.reported").write, payload: { ...report, billingState: null } },
      }),
    );
    expect(plan.steps[0]).toMatchObject({
      note: { text: expect.stringContaining("Billing state: unknown"), workedMinutes: 27 },
    });
    expect(plan.reportWrite).toEqual(written({ billingState: "" }));
    const billed = { ...report, billingState: "Bill" };
    const later = planHelpdeskWrite(
      context("connection.updated", {
        write: { ...context("connection.updated").write, payload: billed },
        previous: written({ billingState: "" }),
      }),
    );
    expect(later.steps[0]).toMatchObject({
      note: { text: expect.stringContaining("Billing state: unknown → Bill"), workedMinutes: 0 },
    });
  });

  it("writes a change as a follow-up note that corrects the worked time by the difference only", () => {
    const changed = { ...report, billingState: "DoNotBill", notes: "Driver reinstalled" };
    const plan = planHelpdeskWrite(
      context("connection.updated", {
        write: { ...context("connection.updated").write, payload: changed },
        previous: written({ billableMinutes: 30 }),
      }),
    );
    expect(plan.steps).toEqual([
      {
        kind: "note",
        note: {
          marker: "write-1",
          subject: "TeamViewer connection s123-456-789 updated",
          text: [
            "The connection report of 2026-03-02 09:20 (UTC) changed:",
            "Billable minutes: 30 → 27 (worked time corrected by -3)",
            "Billing state: Bill → DoNotBill",
            "Notes: Driver reinstalled",
          ].join("\n"),
          workedMinutes: -3,
        },
      },
    ]);
    expect(plan.reportWrite).toEqual(written({ billingState: "DoNotBill", notes: "Driver reinstalled" }));
  });

  it("writes nothing for a change that leaves what was written as it is", () => {
    expect(planHelpdeskWrite(context("connection.updated", { previous: written() })).steps).toEqual([]);
  });

  it("writes the full note for a report never written before, never a correction", () => {
    const plan = planHelpdeskWrite(context("connection.updated", { previous: undefined }));
    expect(plan.steps).toMatchObject([{ kind: "note", note: { workedMinutes: 27 } }]);
  });

  it("takes a report moved to another ticket off the old one, its worked time negated with a note, and writes it in full on the new one", () => {
    const plan = planHelpdeskWrite(
      context("connection.updated", { previous: written({ ticketExternalId: "41", billableMinutes: 30 }) }),
    );
    expect(plan.steps).toEqual([
      {
        kind: "note",
        ticketExternalId: "41",
        note: {
          marker: "write-1-moved",
          subject: "TeamViewer connection s123-456-789 moved to ticket 42",
          text: "This connection now belongs to ticket 42: its 30 min of worked time are taken back here and written there.",
          workedMinutes: -30,
        },
      },
      {
        kind: "note",
        note: expect.objectContaining({
          marker: "write-1",
          subject: "TeamViewer connection s123-456-789: 27 min",
          workedMinutes: 27,
        }),
      },
    ]);
    expect(plan.reportWrite).toEqual(written());
  });

  it("writes nothing for the first report of a connection that was moved to another ticket before it was written", () => {
    const plan = planHelpdeskWrite(
      context("connection.reported", { previous: written({ ticketExternalId: "43" }) }),
    );
    expect(plan).toEqual({ steps: [] });
  });

  it("replies to the requester in the invitation's language with the join page's address and neither the session code nor a supporter link", () => {
    const plan = planHelpdeskWrite(
      context("invitation.sent", { t: createTranslator("de"), joinAddress, supporterName: "Kenji Sato" }),
    );
    expect(plan.steps).toEqual([
      {
        kind: "reply",
        reply: {
          marker: "write-1",
          subject: "Ihre Fernwartungssitzung",
          text: "Um an der Fernwartungssitzung teilzunehmen, öffnen Sie diese Seite:\nhttps://attendant.example.com/join/tok3nOfTheCustomer",
        },
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain("s123-456-789");
    expect(JSON.stringify(plan)).not.toContain("teamviewer");
  });

  it("never sends a join address that is no longer kept or was replaced, and says why", () => {
    for (const unavailable of ["not-kept", "replaced"] as const) {
      const plan = planHelpdeskWrite(context("invitation.sent", { joinAddress: { unavailable } }));
      expect(plan.steps).toEqual([
        { kind: "reply-unavailable", marker: "write-1", reason: expect.stringMatching(/join address/) },
      ]);
    }
  });

  it("writes an organisation's own wording of an event, leaving out a line whose only facts are empty", () => {
    const templates = {
      ...builtIns("en"),
      "connection.reported": {
        subject: "{code}: {minutes} min remote work",
        body: "Done by {supporter} on {device}\n{notes}\nRating: {feedback}",
      },
    };
    const plan = planHelpdeskWrite(context("connection.reported", { templates }));
    expect(plan.steps).toEqual([
      {
        kind: "note",
        note: {
          marker: "write-1",
          subject: "s123-456-789: 27 min remote work",
          text: "Done by Kenji Sato on ERIKA-LAPTOP · 1432876590\nRating: Customer feedback: 5/5 Quick and friendly",
          workedMinutes: 27,
        },
      },
    ]);
  });
});
